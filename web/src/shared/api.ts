import type { Bilingual } from './i18n';

/** A field-level message from the API, in both languages. */
export interface FieldMessage extends Bilingual {
  field: string;
}

/** What every failed API call throws: the platform's bilingual error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly fields: FieldMessage[] = [],
  ) {
    super(text.en);
  }

  /** The messages of one field (and of its nested fields, e.g. "location" gets "location.lat"). */
  forField(field: string): FieldMessage[] {
    return this.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`));
  }
}

export interface Session {
  token: string;
  expiresAt: string;
  user: { userId: string; name: string; roles: string[]; towns: string[]; departments: string[] };
}

const SESSION_KEY = 'qingyuan.session';

export function currentSession(): Session | undefined {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw) return undefined;
  const session = JSON.parse(raw) as Session;
  if (new Date(session.expiresAt).getTime() <= Date.now()) {
    sessionStorage.removeItem(SESSION_KEY);
    return undefined;
  }
  return session;
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
}

export interface Call {
  method?: string;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** send the signed-in user's token (default when there is a session) */
  auth?: boolean;
}

const NETWORK = { zh: '网络异常，请检查网络后重试', en: 'Network problem; check the connection and try again' };

/** Call the gateway; a non-2xx answer becomes an ApiError carrying the API's Chinese and English messages. */
export async function api<T>(path: string, call: Call = {}): Promise<T> {
  const headers: Record<string, string> = { ...call.headers };
  const session = call.auth === false ? undefined : currentSession();
  if (session) headers.authorization = `Bearer ${session.token}`;
  let body: BodyInit | undefined;
  if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  } else if (call.form) {
    body = call.form;
  }
  let answer: Response;
  try {
    answer = await fetch(path, { method: call.method ?? (body ? 'POST' : 'GET'), headers, body });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK);
  }
  if (answer.status === 401 && session) saveSession(undefined);
  const type = answer.headers.get('content-type') ?? '';
  if (!answer.ok) {
    const error = type.includes('json') ? ((await answer.json()) as Partial<Bilingual & { code: string; errors: FieldMessage[] }>) : {};
    throw new ApiError(answer.status, error.code ?? 'HTTP_ERROR', { zh: error.zh ?? `请求失败（${answer.status}）`, en: error.en ?? `Request failed (${answer.status})` }, error.errors ?? []);
  }
  if (type.includes('json')) return (await answer.json()) as T;
  return (await answer.blob()) as T;
}
