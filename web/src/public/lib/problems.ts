import { useCallback } from 'react';
import { ApiError, type FieldMessage } from '../../shared/api';
import { useI18n, type Bilingual } from '../../shared/i18n';

/** Something wrong to tell the user: a message key of ours, or a text the API sent in both languages. */
export type Problem = { key: string; vars?: Record<string, string | number> } | { text: Bilingual };
/** Problems by the form slot they are shown at. */
export type Problems = Record<string, Problem[]>;

/**
 * The API's field messages, each at the form slot of its field (the longest matching prefix, so "reporter.phone"
 * goes to the phone input and "reporter" to the identity block); what matches no slot is shown with the form.
 * slots: API field path → slot name.
 */
export function routeApiError(error: unknown, slots: Record<string, string>): { fields: Problems; general: Problem[] } {
  if (!(error instanceof ApiError)) return { fields: {}, general: [{ key: 'error.unexpected' }] };
  const fields: Problems = {};
  const general: Problem[] = [];
  const paths = Object.keys(slots).sort((a, b) => b.length - a.length);
  for (const message of error.fields) {
    const path = paths.find((p) => message.field === p || message.field.startsWith(`${p}.`));
    const problem = { text: withoutFieldName(message) };
    if (path) (fields[slots[path]] ??= []).push(problem);
    else general.push(problem);
  }
  if (general.length === 0 && Object.keys(fields).length === 0) general.push({ text: error.text });
  else if (error.fields.length > 0 && general.length === 0) general.push({ key: 'error.checkFields' });
  return { fields, general };
}

/** "description：长度不能少于 5 个字符" shown under the description box reads better without its field name. */
function withoutFieldName(message: FieldMessage): Bilingual {
  const zh = message.zh.startsWith(`${message.field}：`) ? message.zh.slice(message.field.length + 1) : message.zh;
  let en = message.en.startsWith(`${message.field} `) ? message.en.slice(message.field.length + 1) : message.en;
  en = en.charAt(0).toUpperCase() + en.slice(1);
  return { zh, en };
}

/** Turns a Problem into text in the current language. */
export function useProblemText(): (problem: Problem) => string {
  const { t, pick } = useI18n();
  return useCallback((problem: Problem) => ('key' in problem ? t(problem.key, problem.vars) : pick(problem.text)), [t, pick]);
}

/** Ids of the error text of a slot, for aria-describedby. */
export function errorId(slot: string): string {
  return `${slot}-error`;
}
