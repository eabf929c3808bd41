/** A small HTTP client for end-to-end specs: JSON in, status + JSON out. */
export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class Client {
  token?: string;

  constructor(readonly base: string) {}

  async call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const answer = await fetch(new URL(path, this.base), {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await answer.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: answer.status, body: parsed as T, headers: answer.headers };
  }

  get<T = any>(path: string) {
    return this.call<T>('GET', path);
  }

  post<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.call<T>('POST', path, body, headers);
  }

  async signIn(username: string, password: string): Promise<this> {
    const answer = await this.post('/api/auth/sign-in', { username, password });
    if (answer.status !== 200) throw new Error(`sign-in of ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    this.token = answer.body.token;
    return this;
  }

  as(token?: string): Client {
    const other = new Client(this.base);
    other.token = token;
    return other;
  }
}
