import { Component, type ReactNode } from 'react';
import { useI18n } from '../../shared/i18n';

/**
 * A page that could not be drawn (typically a lazily loaded chunk that failed to download, e.g. after a new
 * version was deployed): a message and a reload button instead of a blank screen. quiet: draw nothing instead, for
 * an optional part of a page (the reward section, the bounty picker) whose failure must not take the page with it.
 */
export class ChunkBoundary extends Component<{ children: ReactNode; resetKey: string; quiet?: boolean }, { failed: boolean; key: string }> {
  state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { failed: boolean; key: string }) {
    // another page: try again
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return this.props.quiet ? null : <LoadFailed />;
  }
}

function LoadFailed() {
  const { t } = useI18n();
  return (
    <div className="page center" role="alert">
      <p>{t('nav.loadFailed')}</p>
      <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
        {t('nav.reload')}
      </button>
    </div>
  );
}
