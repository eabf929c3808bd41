import { Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useErrorMessage } from '../problems/common';
import type { CreditLevel, CreditRules, Inspector, ObjectClass, RuleHistory, RuleKind } from './types';

/** Yiwu's towns (the codes the registry takes); their names are the message keys enforcement.town.<code>. */
export const TOWN_CODES = [
  '330782001', '330782002', '330782003', '330782004', '330782005', '330782006', '330782007', '330782008',
  '330782100', '330782101', '330782102', '330782104', '330782105', '330782106',
] as const;

/** Labels of the fixed vocabularies, in the user's language (the code itself when a new code has no label yet). */
export function useEnforcementLabels() {
  const { t } = useI18n();
  return useMemo(() => {
    const of = (group: string) => (code: string | undefined | null) => {
      if (!code) return '';
      const key = `enforcement.${group}.${code}`;
      const text = t(key);
      return text === key ? code : text;
    };
    return {
      objectClass: of('objectClass'),
      permitClass: of('permitClass'),
      result: of('result'),
      caseStatus: of('caseStatus'),
      taskStatus: of('taskStatus'),
      taskKind: of('taskKind'),
      creditRule: of('creditRule'),
      condition: of('condition'),
      mode: of('mode'),
      unassigned: of('unassigned'),
      town: of('town'),
      period: of('supervisionPeriod'),
      effect: of('effect'),
      field: of('field'),
      category: of('category'),
    };
  }, [t]);
}

export type EnforcementLabels = ReturnType<typeof useEnforcementLabels>;

const cache = new Map<string, { at: number; promise: Promise<unknown> }>();

/** A read that many pages share (rule tables, the inspector pool), kept for half a minute; `fresh` skips the cache. */
export function cachedGet<T>(path: string, fresh = false): Promise<T> {
  const hit = cache.get(path);
  if (!fresh && hit && Date.now() - hit.at < 30_000) return hit.promise as Promise<T>;
  const promise = api<T>(path);
  cache.set(path, { at: Date.now(), promise });
  promise.catch(() => cache.get(path)?.promise === promise && cache.delete(path));
  return promise;
}

/** Forget cached reads under a path (after a save). */
export function forget(prefix: string): void {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
}

function useCached<T>(path: string): T | undefined {
  const [data, setData] = useState<T>();
  const report = useErrorMessage();
  useEffect(() => {
    let live = true;
    cachedGet<T>(path).then(
      (d) => live && setData(d),
      (e) => live && report(e),
    );
    return () => {
      live = false;
    };
  }, [path, report]);
  return data;
}

/** The rule table of one kind in force, and its history. */
export function useRules<T>(kind: RuleKind): RuleHistory<T> | undefined {
  return useCached<RuleHistory<T>>(`/api/enforcement/rules/${kind}`);
}

/** The credit levels in force, best first. */
export function useCreditLevels(): CreditLevel[] | undefined {
  return useRules<CreditRules>('credit')?.current.rules.levels;
}

/** Inspector id → name, from the pool (ids the pool no longer has are shown shortened). */
export function useInspectorNames(): (id: string) => string {
  const pool = useCached<Inspector[]>('/api/enforcement/inspectors');
  return useCallback((id: string) => pool?.find((i) => i.inspectorId === id)?.name ?? shortId(id), [pool]);
}

/** A credit level as the coloured plate (绿牌、蓝牌、黄牌、红牌) people know, named by the rule table. */
export function CreditPlate({ level, levels }: { level?: string | null; levels?: CreditLevel[] }) {
  const { t, pick } = useI18n();
  if (!level || level === 'unrated') return <Tag data-testid="credit-plate">{t('enforcement.credit.unrated')}</Tag>;
  const found = levels?.find((l) => l.code === level);
  return (
    <Tag color={found?.colour} data-testid="credit-plate" data-level={level} style={{ fontWeight: 600 }}>
      {found ? pick(found) : level}
    </Tag>
  );
}

const CLASS_COLOURS: Record<ObjectClass, string> = { key: 'geekblue', general: 'default', special: 'purple' };

export function ObjectClassTag({ value, labels }: { value: ObjectClass; labels: EnforcementLabels }) {
  return (
    <Tag color={CLASS_COLOURS[value]} data-testid="object-class" data-class={value}>
      {labels.objectClass(value)}
    </Tag>
  );
}

/** A hash or seed in full, monospaced, copyable, broken anywhere so a 64-digit value never widens the page. */
export function Hash({ value, testId }: { value?: string; testId?: string }) {
  if (!value) return <>—</>;
  return (
    <Typography.Text copyable code data-testid={testId} style={{ wordBreak: 'break-all', fontSize: 13 }}>
      {value}
    </Typography.Text>
  );
}

/** The last 8 characters of an id. */
export const shortId = (id: string | undefined) => (id ? id.slice(-8) : '');

export function ShortId({ id }: { id: string }) {
  return (
    <Tooltip title={id}>
      <Typography.Text style={{ fontFamily: 'monospace' }}>{shortId(id)}</Typography.Text>
    </Tooltip>
  );
}

/** Download what an authenticated GET answers as a JSON file (a plain link would not carry the token). */
export async function downloadJson(path: string, filename: string): Promise<void> {
  const data = await api<unknown>(path);
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A ratio (0.25) as a percentage (25%). */
export function percent(ratio: number | undefined): string {
  if (ratio === undefined || ratio === null || !Number.isFinite(ratio)) return '—';
  return `${Math.round(ratio * 1e6) / 1e4}%`;
}
