import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { cachedGet } from '../enforcement/common';
import { beijing } from '../problems/common';
import { STATUS_COLOURS, type Agency, type TransferDetail } from './types';

/** The liaison roles and the agency kind each speaks for. */
export const LIAISON_KINDS = { 'police-liaison': 'police', 'procuratorate-liaison': 'procuratorate', 'court-liaison': 'court' } as const;

/** Labels of the bridge's fixed vocabularies, in the user's language (the code itself when a new code has no label yet). */
export function useJudicialLabels() {
  const { t } = useI18n();
  return useMemo(() => {
    const of = (group: string) => (code: string | undefined | null) => {
      if (!code) return '';
      const key = `judicial.${group}.${code}`;
      const text = t(key);
      return text === key ? code : text;
    };
    return {
      status: of('status'),
      kind: of('kind'),
      material: of('material'),
      party: of('party'),
      step: of('step'),
      unit: of('unit'),
      event: of('event'),
      tier: of('tier'),
      range: of('range'),
      extension: of('extension'),
      suspectKind: of('suspectKind'),
      source: of('source'),
      metal: of('metal'),
      fact: of('fact'),
    };
  }, [t]);
}

export type JudicialLabels = ReturnType<typeof useJudicialLabels>;

/** What the signed-in account may do on the bridge: the bureau's two roles, or the agency a liaison speaks for. */
export function useJudicialRole() {
  const { session, can } = useSession();
  const roles = session?.user.roles ?? [];
  const agency = (Object.keys(LIAISON_KINDS) as Array<keyof typeof LIAISON_KINDS>).find((r) => roles.includes(r));
  return {
    officer: can('judicial-officer'),
    head: can('bureau-head'),
    /** the agency kind of a liaison (never for a bureau account, which the service treats as the bureau) */
    agency: agency && !can('judicial-officer', 'bureau-head') ? LIAISON_KINDS[agency] : undefined,
  };
}

/** The agencies (police, procuratorate, court), kept for half a minute. */
export function loadAgencies(): Promise<Agency[]> {
  return cachedGet<Agency[]>('/api/judicial/agencies');
}

/** POST a step of a transfer; the answer is the transfer as it is now. */
export function transferCommand(transferId: string, action: string, json: unknown = {}): Promise<TransferDetail> {
  return api<TransferDetail>(`/api/judicial/transfers/${transferId}/${action}`, { method: 'POST', json });
}

export function StatusTag({ status, testId = 'transfer-status' }: { status: string; testId?: string }) {
  const labels = useJudicialLabels();
  return (
    <Tag color={STATUS_COLOURS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {labels.status(status)}
    </Tag>
  );
}

/** The nearest open time limit: its due time, and 逾期 in red once one has passed. */
export function DueBadge({ nextDue, overdue }: { nextDue?: string; overdue: boolean }) {
  const { t } = useI18n();
  if (!nextDue && !overdue) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={4} align="center" wrap data-testid="transfer-due" data-overdue={String(overdue)}>
      {nextDue && <Typography.Text type={overdue ? 'danger' : undefined}>{beijing(nextDue)}</Typography.Text>}
      {overdue && <Tag color="red">{t('judicial.overdue')}</Tag>}
    </Flex>
  );
}

/** The last 8 characters of an id, the whole id on hover. */
export function ShortId({ id }: { id: string }) {
  return (
    <Tooltip title={id}>
      <Typography.Text style={{ fontFamily: 'monospace' }}>{id.slice(-8)}</Typography.Text>
    </Tooltip>
  );
}
