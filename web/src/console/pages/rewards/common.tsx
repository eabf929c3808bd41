import { Alert, Button, Input, type FormRule, type InputProps } from 'antd';
import { useCallback, useMemo } from 'react';
import { ApiError, type FieldMessage } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { command } from '../problems/common';
import { parseYuan } from './money';
import type { CommandAnswer } from './types';

/** POST a command on a reward case (If-Match: the version the page shows). */
export function caseCommand(rewardId: string, action: string, json: unknown, version?: number): Promise<CommandAnswer> {
  return command<CommandAnswer>(`/api/rewards/cases/${encodeURIComponent(rewardId)}/${action}`, json, version).catch(rethrowAsYuan);
}

/**
 * An API error with its field paths renamed (e.g. "exclusions.0" → "exclusions.3" when the form shows every candidate
 * but sends only some); the "field：" in front of a message goes, since the form shows it under its own label.
 */
export function remapFields(error: unknown, rename: (field: string) => string): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields: FieldMessage[] = error.fields.map((f) => {
    const field = rename(f.field);
    if (field === f.field) return f;
    const zh = f.zh.startsWith(`${f.field}：`) ? f.zh.slice(f.field.length + 1) : f.zh;
    const en = f.en.startsWith(`${f.field} `) ? f.en.slice(f.field.length + 1) : f.en;
    return { field, zh, en };
  });
  return new ApiError(error.status, error.code, error.text, fields);
}

/** Forms hold yuan where the API takes fen: "fineFen" errors belong to the form's "fineYuan". */
export function rethrowAsYuan(error: unknown): never {
  throw remapFields(error, (field) => field.replace(/Fen(?=$|\.)/g, 'Yuan'));
}

/** Labels of the fixed vocabularies, in the user's language (the code itself when a new code has no label yet). */
export function useRewardLabels() {
  const { t } = useI18n();
  return useMemo(() => {
    const of = (group: string) => (code: string | undefined | null) => {
      if (!code) return '';
      const key = `rewards.${group}.${code}`;
      const text = t(key);
      return text === key ? code : text;
    };
    return {
      status: of('status'),
      kind: of('kind'),
      violation: of('violation'),
      exclusion: of('exclusion'),
      category: of('category'),
      channel: of('channel'),
      town: of('town'),
      orgKind: of('orgKind'),
      level: of('level'),
      method: of('method'),
      outcome: of('outcome'),
      item: of('itemRule'),
      bountyStatus: of('bountyStatus'),
      requestStatus: of('requestStatus'),
      event: of('event'),
    };
  }, [t]);
}

export type RewardLabels = ReturnType<typeof useRewardLabels>;

/** The last 8 characters of an id, as the clue pages show clue ids. */
export const shortId = (id: string | undefined) => (id ? id.slice(-8) : '');

/** An amount typed in yuan (¥ in front, 元 behind); the form value is the text as typed. */
export function YuanInput(props: Omit<InputProps, 'prefix' | 'suffix'>) {
  const { t } = useI18n();
  return <Input inputMode="decimal" autoComplete="off" prefix="¥" suffix={t('rewards.money.yuan')} style={{ maxWidth: 240 }} {...props} />;
}

/** A rule for a yuan field: at most two decimals, more than zero (or zero when allowed), required unless optional. */
export function useYuanRule() {
  const { t } = useI18n();
  return useCallback(
    (options: { optional?: boolean; allowZero?: boolean; maxFen?: number } = {}): FormRule => ({
      validator: (_rule, value: unknown) => {
        const text = value === undefined || value === null ? '' : String(value).trim();
        if (!text) return options.optional ? Promise.resolve() : Promise.reject(new Error(t('problems.required')));
        const fen = parseYuan(text);
        if (fen === undefined) return Promise.reject(new Error(t('rewards.money.invalid')));
        if (fen === 0 && !options.allowZero) return Promise.reject(new Error(t('rewards.money.positive')));
        if (options.maxFen !== undefined && fen > options.maxFen) return Promise.reject(new Error(t('rewards.money.tooMuch')));
        return Promise.resolve();
      },
    }),
    [t],
  );
}

/** A failed read: the API's text in the user's language, and a retry. */
export function LoadFailed({ error, retry }: { error: unknown; retry(): void }) {
  const { t, pick } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={error instanceof ApiError ? pick(error.text) : t('common.error')}
      action={<Button size="small" onClick={retry}>{t('common.retry')}</Button>}
    />
  );
}
