import type { Hj212Mode } from '@qingyuan/hj212';

/** HJ212_MODE: lenient (default: the documented vendor dialects are accepted and counted) or strict. */
export function hj212ModeFromEnv(): Hj212Mode {
  const mode = process.env.HJ212_MODE?.trim() || 'lenient';
  if (mode !== 'strict' && mode !== 'lenient') throw new Error(`HJ212_MODE must be strict or lenient, got "${mode}" / HJ212_MODE 须为 strict 或 lenient`);
  return mode;
}
