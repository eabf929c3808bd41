import { asStoredJson, canonicalJson } from './canonical-json';
import { GENESIS_HASH, eventHash } from './hash-chain';

describe('canonical JSON and the event hash', () => {
  it('sorts keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: true, y: null }], c: undefined } })).toBe('{"a":{"d":[2,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same bytes for what PostgreSQL jsonb returns', () => {
    const written = { lng: 120.075106, lat: 29.306775, text: '稠城街道', big: 1e21, when: new Date('2026-11-29T00:00:00Z') };
    const readBack = JSON.parse(JSON.stringify(asStoredJson(written)));
    expect(canonicalJson(readBack)).toBe(canonicalJson(written));
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ x: NaN })).toThrow();
    expect(() => canonicalJson({ x: () => 1 })).toThrow();
  });

  it('chains: a different predecessor gives a different hash', () => {
    const fields = { streamId: 's', streamVersion: 1, eventId: 'e', type: 'T', schemaVersion: 1, data: {}, metadata: {}, recordedAt: 'now' };
    const first = eventHash(GENESIS_HASH, fields);
    expect(eventHash(first, fields).equals(first)).toBe(false);
    expect(eventHash(GENESIS_HASH, { ...fields, data: { x: 1 } }).equals(first)).toBe(false);
  });
});
