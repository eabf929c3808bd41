import { useRef } from 'react';
import { useI18n } from '../../shared/i18n';
import type { Problem } from '../lib/problems';
import { formatYuan, type PublicBounty } from '../lib/rewards';
import { FieldError, invalidProps } from './FieldError';

interface Props {
  /** the open bounties (never empty: the report page draws this only when there are some) */
  bounties: PublicBounty[];
  /** the chosen bountyId, '' for none */
  value: string;
  onChange(bountyId: string): void;
  problems?: Problem[];
}

/**
 * "This report is a lead for a bounty" (悬赏线索), optional: a select of the open bounties (title and maximum reward),
 * the chosen one's notice, and every notice to read. Loaded only when there are open bounties.
 */
export default function BountyPicker({ bounties, value, onChange, problems }: Props) {
  const { t } = useI18n();
  const all = useRef<HTMLDetailsElement>(null);
  const chosen = bounties.find((b) => b.bountyId === value);
  const max = (b: PublicBounty) => t('reward.yuan', { amount: formatYuan(b.maxAmountFen) });

  const choose = (bountyId: string) => {
    onChange(bountyId);
    if (all.current) all.current.open = false;
    const select = document.getElementById('bounty');
    select?.scrollIntoView({ block: 'center' });
    select?.focus({ preventScroll: true });
  };

  return (
    <div className="field" data-testid="bounty-field">
      <label className="label" htmlFor="bounty">
        {t('bounty.label')} <span className="optional">{t('form.optional')}</span>
      </label>
      <p className="hint" id="bounty-hint">
        {t('bounty.hint')}
      </p>
      <select
        id="bounty"
        data-testid="bounty-select"
        value={chosen ? value : ''}
        onChange={(e) => onChange(e.target.value)}
        {...invalidProps('bounty', problems, 'bounty-hint')}
      >
        <option value="">{t('bounty.none')}</option>
        {bounties.map((b) => (
          <option key={b.bountyId} value={b.bountyId}>
            {t('bounty.option', { title: b.title, max: max(b) })}
          </option>
        ))}
      </select>
      <FieldError slot="bounty" problems={problems} />
      {chosen && (
        <div className="protect bounty-chosen" data-testid="bounty-chosen">
          <strong>{chosen.title}</strong>
          <p className="muted">{t('bounty.terms', { max: max(chosen), date: chosen.expiresOn })}</p>
          <p className="pre">{chosen.description}</p>
        </div>
      )}
      <details className="more" ref={all}>
        <summary data-testid="bounty-read">{t('bounty.readAll', { count: bounties.length })}</summary>
        <ul className="list">
          {bounties.map((b) => (
            <li key={b.bountyId} data-testid="bounty-item">
              <p>
                <strong>{b.title}</strong>
              </p>
              <p className="muted">{t('bounty.terms', { max: max(b), date: b.expiresOn })}</p>
              <p className="pre">{b.description}</p>
              {b.bountyId !== value && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => choose(b.bountyId)}
                  aria-label={t('bounty.chooseNamed', { title: b.title })}
                  data-testid="bounty-choose"
                >
                  {t('bounty.choose')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </details>
      <p className="hint">{t('bounty.anonymous')}</p>
    </div>
  );
}
