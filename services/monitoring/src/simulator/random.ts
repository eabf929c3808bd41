/**
 * Deterministic pseudo-randomness: every value is a hash of (device seed, factor, time), so a simulated device gives
 * the same readings for the same instant in every run and no generator state has to be carried between frames.
 */

/** A 32-bit mix of integers (murmur3 finaliser per part). */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** FNV-1a of a string, to fold MNs and factor codes into `hash32`. */
export function stringHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Uniform in [0, 1). */
export function uniform(...parts: number[]): number {
  return hash32(...parts) / 0x1_0000_0000;
}

/** Standard normal (Box–Muller on two hashes). */
export function gaussian(...parts: number[]): number {
  const u1 = (hash32(...parts, 1) + 1) / 0x1_0000_0001;
  const u2 = uniform(...parts, 2);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
