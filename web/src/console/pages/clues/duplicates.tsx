import { Button, Card, Empty, Flex, Popconfirm, Skeleton, Tag, theme, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { beijing, useLabels, type Reference } from '../problems/common';
import { CLUE_STATUS_COLOURS, type Clue, type Suggestion } from './types';

interface Props {
  clue: Clue;
  suggestions?: Suggestion[];
  reference?: Reference;
  /** may merge (analyst, clue awaiting review) */
  canMerge: boolean;
  /** may say "not a duplicate" (analyst, hotline staff) */
  canDismiss: boolean;
  /** may accept the clue into a suggestion's problem */
  canAccept: boolean;
  merge(into: Suggestion): Promise<void>;
  dismiss(candidate: Suggestion): Promise<void>;
  acceptInto(problemId: string): void;
}

/** 并案建议: same category, near in place and time, similar text; staff decide each one. */
export function Duplicates(props: Props) {
  const { t } = useI18n();
  const { suggestions } = props;
  return (
    <Card title={t('clues.dup.title')} size="small">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('clues.dup.intro')}
      </Typography.Paragraph>
      {!suggestions ? (
        <Skeleton active />
      ) : suggestions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clues.dup.none')} />
      ) : (
        <Flex vertical gap={12}>
          {suggestions.map((s) => (
            <SuggestionCard key={s.clueId} suggestion={s} {...props} />
          ))}
        </Flex>
      )}
    </Card>
  );
}

function SuggestionCard({ suggestion: s, reference, canMerge, canDismiss, canAccept, merge, dismiss, acceptInto }: Props & { suggestion: Suggestion }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const label = useLabels();
  const [busy, setBusy] = useState<'merge' | 'dismiss'>();
  const run = async (kind: 'merge' | 'dismiss') => {
    setBusy(kind);
    try {
      await (kind === 'merge' ? merge(s) : dismiss(s));
    } finally {
      setBusy(undefined);
    }
  };
  const r = s.reasons;
  const reasons = [
    t('clues.dup.text', { n: Math.round(r.text * 100) }),
    r.distanceMetres !== undefined && t('clues.dup.distance', { n: Math.round(r.distanceMetres) }),
    r.distanceMetres === undefined && r.address !== undefined && t('clues.dup.address', { n: Math.round(r.address * 100) }),
    t('clues.dup.hours', { n: r.hoursApart < 1 ? r.hoursApart.toFixed(1) : Math.round(r.hoursApart) }),
    r.sameCategory === false && t('clues.dup.otherCategory'),
  ].filter(Boolean);
  const percent = Math.round(s.score * 100);
  return (
    <div
      data-testid="duplicate-suggestion"
      style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadius, padding: 12 }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{t('clues.dup.score', { n: percent })}</Typography.Text>
        <Tag color={CLUE_STATUS_COLOURS[s.status]}>{t(`clues.status.${s.status}`)}</Tag>
      </Flex>
      <Typography.Paragraph ellipsis={{ rows: 3, tooltip: s.description }} style={{ margin: '8px 0 4px' }}>
        {s.description}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {[label(reference?.towns, s.townCode), beijing(s.registeredAt)].filter(Boolean).join(' · ')}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {reasons.join(' · ')}
      </Typography.Text>
      <Flex gap={12} wrap style={{ margin: '6px 0' }}>
        <Link to={`/clues/${s.clueId}`}>{t('clues.dup.open')}</Link>
        {s.problemId && <Link to={`/problems/${s.problemId}`}>{t('clues.dup.openProblem')}</Link>}
      </Flex>
      <Flex gap={8} wrap>
        {canMerge && (
          <Popconfirm
            title={t('clues.dup.mergeConfirm')}
            description={t('clues.dup.mergeHelp')}
            okText={t('clues.dup.merge')}
            cancelText={t('clues.cancel')}
            okButtonProps={{ ...{ 'data-testid': 'merge-confirm' } }}
            onConfirm={() => run('merge')}
          >
            <Button size="small" type="primary" ghost loading={busy === 'merge'} data-testid="merge-into">
              {t('clues.dup.merge')}
            </Button>
          </Popconfirm>
        )}
        {canAccept && s.problemId && (
          <Button size="small" onClick={() => acceptInto(s.problemId!)}>
            {t('clues.dup.acceptInto')}
          </Button>
        )}
        {canDismiss && (
          <Button size="small" loading={busy === 'dismiss'} onClick={() => run('dismiss')}>
            {t('clues.dup.dismiss')}
          </Button>
        )}
      </Flex>
    </div>
  );
}
