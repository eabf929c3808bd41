import { canonicalJson } from '@qingyuan/domain';

export { canonicalJson, type Json } from '@qingyuan/domain';

/** What the database will give back for a value: undefined fields dropped, dates as ISO strings. */
export function asStoredJson<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}
