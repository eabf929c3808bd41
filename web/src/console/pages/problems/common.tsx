import { App, Button, Form, type DescriptionsProps, type FormItemProps, type FormRule as Rule } from 'antd';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, ApiError, type FieldMessage } from '../../../shared/api';
import { useI18n, type Bilingual } from '../../../shared/i18n';
import { useSession } from '../../session';

/**
 * Helpers shared by the clue triage and problem pages: reference data, Beijing time, and forms that place the API's
 * field errors at their fields. (They live here because these two folders are this part's; they could move to shared/.)
 */

dayjs.extend(utc);

export interface Labelled extends Bilingual {
  code: string;
}

export interface Reference {
  towns: Array<Labelled & { kind: 'subdistrict' | 'town' }>;
  departments: Labelled[];
  categories: Labelled[];
  channels: Labelled[];
  /** the conduct that qualifies a report for a reward (浙环发〔2020〕15号) */
  violationKinds: Labelled[];
  matrix: Array<{ category: string; leadDepartment: string; cooperating: string[] }>;
}

let cache: { at: number; promise: Promise<Reference> } | undefined;

/** GET /api/cases/reference, kept for a minute (an administrator may edit the category matrix). */
export function loadReference(): Promise<Reference> {
  if (!cache || Date.now() - cache.at > 60_000) {
    const promise = api<Reference>('/api/cases/reference');
    cache = { at: Date.now(), promise };
    promise.catch(() => {
      if (cache?.promise === promise) cache = undefined;
    });
  }
  return cache.promise;
}

export function useReference(): Reference | undefined {
  const [reference, setReference] = useState<Reference>();
  const report = useErrorMessage();
  useEffect(() => {
    let live = true;
    loadReference().then(
      (r) => live && setReference(r),
      (e) => live && report(e),
    );
    return () => {
      live = false;
    };
  }, [report]);
  return reference;
}

/** The label of a code in a reference list, in the current language; the code itself when unknown. */
export function useLabels() {
  const { pick } = useI18n();
  return useCallback(
    (list: Labelled[] | undefined, code: string | null | undefined): string => {
      if (!code) return '';
      const found = list?.find((x) => x.code === code);
      return found ? pick(found) : code;
    },
    [pick],
  );
}

export function optionsOf(list: Labelled[] | undefined, pick: (b: Bilingual) => string) {
  return (list ?? []).map((x) => ({ value: x.code, label: pick(x) }));
}

/** An instant as Beijing time (China keeps UTC+8 all year). */
export function beijing(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayjs.utc(iso).utcOffset(480).format('YYYY-MM-DD HH:mm');
}

/** Today in Beijing, as YYYY-MM-DD (deadlines are Beijing calendar days). */
export function beijingToday(): string {
  return dayjs.utc().utcOffset(480).format('YYYY-MM-DD');
}

/**
 * A client-side "required" rule: an empty field gets one clear message; everything else is left to the API. A rule
 * without a type checks for a string, which a boolean, a date or a list would fail, so those get a validator instead.
 */
export function useRequired() {
  const { t } = useI18n();
  return useCallback(
    (kind: 'text' | 'value' = 'text'): Rule =>
      kind === 'text'
        ? { required: true, whitespace: true, message: t('problems.required') }
        : {
            required: true,
            validator: (_rule, value: unknown) =>
              value === undefined || value === null || (Array.isArray(value) && value.length === 0)
                ? Promise.reject(new Error(t('problems.required')))
                : Promise.resolve(),
          },
    [t],
  );
}

/** Separators that differ between Chinese and English ("：" and ": ", "、" and ", "). */
export function useSeparators() {
  const { t } = useI18n();
  return useMemo(() => ({ colon: t('problems.sep.colon'), list: t('problems.sep.list') }), [t]);
}

/**
 * Descriptions items from [key, label, value, wide?] rows, empty values left out. A wide item takes a line of its own:
 * it and the item before it are "filled" (that closes the line), so the columns always add up.
 */
export function describe(rows: Array<[key: string, label: string, value: ReactNode, wide?: boolean]>): DescriptionsProps['items'] {
  const shown = rows.filter(([, , value]) => value !== null && value !== undefined && value !== '' && value !== false);
  return shown.map(([key, label, children, wide], i) => ({ key, label, children, span: wide || shown[i + 1]?.[3] ? 'filled' : 1 }));
}

/** Lines of a text area, trimmed, blank lines dropped. */
export function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A field message without the "field：" the API puts in front of its Chinese text. */
export function fieldText(f: FieldMessage, pick: (b: Bilingual) => string): string {
  const text = pick(f);
  const prefix = `${f.field}：`;
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

/** Shows an error as a message: the API's own text in the user's language. */
export function useErrorMessage() {
  const { message } = App.useApp();
  const { t, pick } = useI18n();
  const { signOut } = useSession();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        message.error([pick(error.text), ...error.fields.map((f) => pick(f))].join(t('problems.sep.semicolon')));
        if (error.status === 401) signOut();
      } else {
        message.error(t('problems.common.failed'));
      }
    },
    [message, pick, t, signOut],
  );
}

type FieldErrors = Record<string, string[]>;

/**
 * A form's API errors: field messages go to their Form.Item (validateStatus/help), a domain refusal with a known code
 * goes to the field it is about, 412/409 is reported and the record reloaded, anything else is a message.
 */
export function useApiErrors(fields: string[], codeFields: Record<string, string> = {}) {
  const { message } = App.useApp();
  const { t, pick } = useI18n();
  const { signOut } = useSession();
  const [errors, setErrors] = useState<FieldErrors>({});

  const item = useCallback(
    (name: string): Pick<FormItemProps, 'validateStatus' | 'help'> =>
      errors[name]?.length ? { validateStatus: 'error', help: errors[name].join(t('problems.sep.semicolon')) } : {},
    [errors, t],
  );

  /** forget a field's error once the user edits it */
  const clear = useCallback((changed: Record<string, unknown>) => {
    const top = Object.keys(changed);
    setErrors((current) => {
      const next = Object.fromEntries(Object.entries(current).filter(([k]) => !top.some((c) => k === c || k.startsWith(`${c}.`))));
      return Object.keys(next).length === Object.keys(current).length ? current : next;
    });
  }, []);

  const reset = useCallback(() => setErrors({}), []);

  const fail = useCallback(
    (error: unknown, onConflict?: () => void) => {
      if (!(error instanceof ApiError)) {
        setErrors({});
        message.error(t('problems.common.failed'));
        return;
      }
      const placed: FieldErrors = {};
      const loose: string[] = [];
      for (const f of error.fields) {
        const name = fields
          .filter((n) => f.field === n || f.field.startsWith(`${n}.`))
          .sort((a, b) => b.length - a.length)[0];
        if (name) (placed[name] ??= []).push(fieldText(f, pick));
        else loose.push(pick(f));
      }
      const byCode = codeFields[error.code];
      if (byCode && fields.includes(byCode)) (placed[byCode] ??= []).push(pick(error.text));
      setErrors(placed);
      if (error.status === 401) {
        signOut();
        return;
      }
      if (error.status === 412 || error.status === 409) {
        message.warning(`${pick(error.text)}${t('problems.common.reloaded')}`, 6);
        onConflict?.();
        return;
      }
      if (!Object.keys(placed).length || loose.length) message.error([pick(error.text), ...loose].join(t('problems.sep.semicolon')));
    },
    [fields, codeFields, message, pick, t, signOut],
  );

  return { item, clear, reset, fail };
}

export interface CommandFormProps<V> {
  /** the form's name: prefixes the fields' ids, so two forms on a page never share one */
  name: string;
  /** the form's field names (dotted for nested ones) where API field errors may be shown */
  fields: string[];
  /** domain refusal codes that are about one field */
  codeFields?: Record<string, string>;
  initialValues?: Partial<V>;
  /** the record's version: when it changes (a reload), fields the user has not touched take the new initial values */
  syncKey?: unknown;
  /** call the API; resolves when it succeeded */
  submit(values: V): Promise<unknown>;
  /** after success (e.g. reload the record) */
  onDone(result: unknown): void;
  /** after 412/409: reload the record */
  onConflict(): void;
  successText: string;
  submitText: string;
  submitTestId?: string;
  testId?: string;
  danger?: boolean;
  disabled?: boolean;
  /** a short explanation above the fields */
  intro?: ReactNode;
  children?(item: (name: string) => Pick<FormItemProps, 'validateStatus' | 'help'>, form: ReturnType<typeof Form.useForm<V>>[0]): ReactNode;
}

/** One lifecycle command as a form: vertical, field errors from the API at their fields, one submit button. */
export function CommandForm<V extends object>(props: CommandFormProps<V>) {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const errors = useApiErrors(props.fields, props.codeFields);
  const synced = useRef(props.syncKey);
  useEffect(() => {
    if (synced.current === props.syncKey) return;
    synced.current = props.syncKey;
    // the form's typed name paths do not cover paths built at run time
    const untyped = form as unknown as { isFieldTouched(p: string[]): boolean; setFieldValue(p: string[], v: unknown): void };
    for (const [path, value] of leaves(props.initialValues ?? {})) {
      if (!untyped.isFieldTouched(path)) untyped.setFieldValue(path, value);
    }
  }, [props.syncKey, props.initialValues, form]);
  const finish = async (values: V) => {
    setBusy(true);
    errors.reset();
    try {
      const result = await props.submit(values);
      message.success(props.successText);
      form.resetFields();
      props.onDone(result);
    } catch (error) {
      errors.fail(error, props.onConflict);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<V>
      form={form}
      name={props.name}
      layout="vertical"
      initialValues={props.initialValues}
      onFinish={finish}
      onValuesChange={(changed) => errors.clear(changed as Record<string, unknown>)}
      data-testid={props.testId}
      style={{ maxWidth: 720 }}
    >
      {props.intro}
      {props.children?.(errors.item, form)}
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" danger={props.danger} htmlType="submit" loading={busy} disabled={props.disabled} data-testid={props.submitTestId}>
          {props.submitText}
        </Button>
      </Form.Item>
    </Form>
  );
}

/** The leaf values of initial form values with their name paths (plain objects are walked; arrays, dates are leaves). */
function leaves(values: object, prefix: string[] = []): Array<[string[], unknown]> {
  return Object.entries(values).flatMap(([key, value]): Array<[string[], unknown]> =>
    value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype ? leaves(value, [...prefix, key]) : [[[...prefix, key], value]],
  );
}

/** POST a command with If-Match: "<version>" when a version is given. */
export function command<T = unknown>(path: string, json: unknown, version?: number): Promise<T> {
  return api<T>(path, { method: 'POST', json: json ?? {}, headers: version === undefined ? undefined : { 'If-Match': `"${version}"` } });
}

/** Drop empty strings and undefined values, so optional fields are left out rather than sent blank. */
export function compact<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}
