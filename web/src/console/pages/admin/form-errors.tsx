import { Alert, type FormItemProps } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { ApiError, type FieldMessage } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';

/** The API's field name is in front of each message ("username：格式不正确"); under a labelled field it is noise. */
function withoutFieldName(text: string, field: string): string {
  const last = field.split('.').pop() ?? field;
  for (const prefix of [`${field}：`, `${field}: `, `${field} `, `${last}：`, `${last} `]) {
    if (text.startsWith(prefix)) {
      const rest = text.slice(prefix.length).trim();
      return rest.charAt(0).toUpperCase() + rest.slice(1);
    }
  }
  return text;
}

/** An API field belongs to a form path when it is that path or nested in it (organisation → organisation.code). */
function belongs(field: string, path: string): boolean {
  return field === path || field.startsWith(`${path}.`);
}

/** Editing a path clears the messages about it, about what is nested in it, and about what it is part of. */
function touches(field: string, path: string): boolean {
  return belongs(field, path) || path.startsWith(`${field}.`);
}

/** Leaf paths of a Form's changed values: {organisation: {code}} → organisation.code; arrays by index. */
function leafPaths(value: unknown, prefix = ''): string[] {
  const plain = value !== null && typeof value === 'object' && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);
  if (!plain) return prefix ? [prefix] : [];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return prefix ? [prefix] : [];
  return entries.flatMap(([key, v]) => leafPaths(v, prefix ? `${prefix}.${key}` : key));
}

export interface FormErrors {
  /** the API's error, kept as it came so it is shown in whichever language the user switches to */
  error: unknown;
  /** record a failed call (a 401 with a session signs out, so the shell asks for a new sign-in) */
  fail(error: unknown): void;
  reset(): void;
  /** validateStatus and help for the Form.Item of a field path such as "organisation.code" or "overrides.2.date" */
  item(path: string): Pick<FormItemProps, 'validateStatus' | 'help'>;
  /** pass to Form onValuesChange: a field's API message goes away once the user edits it */
  onValuesChange(changed: unknown): void;
  /** the general message, with the field messages no Form.Item shows */
  alert: ReactNode;
}

/**
 * Field errors from the API (ApiError.fields) on antd Form.Items, in the user's language.
 * `paths` are the fields the form shows; `codeFields` put a whole-request refusal on a field (USERNAME_TAKEN → username).
 */
export function useFormErrors(paths: string[], codeFields: Record<string, string> = {}): FormErrors {
  const { pick, t } = useI18n();
  const { session, signOut } = useSession();
  const [state, setState] = useState<{ error?: unknown; fields: FieldMessage[] }>({ fields: [] });

  const fail = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401 && session) signOut();
      const fields = error instanceof ApiError ? [...error.fields] : [];
      const onField = error instanceof ApiError ? codeFields[error.code] : undefined;
      if (error instanceof ApiError && onField) fields.push({ field: onField, zh: error.text.zh, en: error.text.en });
      setState({ error, fields });
    },
    [session, signOut, JSON.stringify(codeFields)],
  );
  const reset = useCallback(() => setState({ fields: [] }), []);

  const text = useCallback((f: FieldMessage) => withoutFieldName(pick(f), f.field), [pick]);

  const item = useCallback(
    (path: string): Pick<FormItemProps, 'validateStatus' | 'help'> => {
      const own = state.fields.filter((f) => belongs(f.field, path));
      if (own.length === 0) return {};
      return {
        validateStatus: 'error',
        help: own.length === 1 ? text(own[0]) : own.map((f, i) => <div key={i}>{text(f)}</div>),
      };
    },
    [state.fields, text],
  );

  const onValuesChange = useCallback((changed: unknown) => {
    const touched = leafPaths(changed);
    setState((s) => {
      const fields = s.fields.filter((f) => !touched.some((p) => touches(f.field, p)));
      return fields.length === s.fields.length ? s : { ...s, fields };
    });
  }, []);

  const alert = useMemo(() => {
    const { error } = state;
    if (!error) return null;
    if (!(error instanceof ApiError)) return <Alert type="error" showIcon title={t('common.error')} style={{ marginBottom: 16 }} />;
    const unclaimed = state.fields.filter((f) => !paths.some((p) => belongs(f.field, p)));
    const wholeRequest = error.fields.length === 0 && !codeFields[error.code];
    if (!wholeRequest && unclaimed.length === 0) return null;
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={pick(error.text)}
        description={unclaimed.length ? unclaimed.map((f, i) => <div key={i}>{pick(f)}</div>) : undefined}
        style={{ marginBottom: 16 }}
      />
    );
  }, [state, pick, t, paths.join('|'), JSON.stringify(codeFields)]);

  return { error: state.error, fail, reset, item, onValuesChange, alert };
}
