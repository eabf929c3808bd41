/** Shapes of factor, device and information codes (HJ 212-2017 appendix B, HJ/T 212-2005 appendix). */

const SHAPES: RegExp[] = [
  /^[wa]\d{5}$/, // 2017 water / air pollutants (HJ 525 / HJ 524)
  /^[eg][1-9ab]\d{4}$/, // 2017 process (工况) factors
  /^[iI][1-3][1-3][0-9A-Za-z]{3}$/, // 2017 on-site information
  /^(LA|L5|L10|L50|L90|L95|Leq|Ldn|Ld|Ln|LMx|LMn)$/, // noise (GB 3096)
  /^SB[0-9A-Za-z]{1,4}$/, // treatment facility / device
  /^\d{2,3}$/, // 2005 gas (2 digits) and water (3 digits) codes
  /^B0[1-3]$/, // 2005 flows and noise
  /^S0[1-8]$/, // 2005 flue-gas parameters
];

/** True when `code` has the shape of a standard factor/device/information code (vendor codes are not). */
export function isKnownCodeShape(code: string): boolean {
  for (const shape of SHAPES) if (shape.test(code)) return true;
  return false;
}

/**
 * The water and air pollutant codes of the HJ 212-2017 tables (HJ 525 / HJ 524, see the protocol reference) and three
 * common extras (w00001 cumulative flow, w01003 turbidity, a05024 O3). As string constants they are interned: a frame's
 * `values` use them as property names, which V8 stores much faster than names cut out of the frame.
 */
const POLLUTANT_CODES = [
  'w00000', 'w00001', 'w01001', 'w01002', 'w01003', 'w01006', 'w01009', 'w01010', 'w01012', 'w01014', 'w01017', 'w01018',
  'w01019', 'w01020', 'w02003', 'w02006', 'w03001', 'w03002', 'w19001', 'w19002', 'w20012', 'w20023', 'w20038', 'w20061',
  'w20089', 'w20092', 'w20111', 'w20113', 'w20115', 'w20116', 'w20117', 'w20119', 'w20120', 'w20121', 'w20122', 'w20123',
  'w20124', 'w20125', 'w20126', 'w20127', 'w20128', 'w20138', 'w20139', 'w20140', 'w20141', 'w20142', 'w20143', 'w20144',
  'w21001', 'w21003', 'w21004', 'w21006', 'w21007', 'w21011', 'w21016', 'w21017', 'w21019', 'w21022', 'w21038', 'w22001',
  'w23002', 'w25043', 'w33001', 'w33007', 'w99001',
  'a00000', 'a01001', 'a01002', 'a01006', 'a01007', 'a01008', 'a01010', 'a01011', 'a01012', 'a01013', 'a01014', 'a01015',
  'a01016', 'a01017', 'a01901', 'a01902', 'a05001', 'a05002', 'a05024', 'a19001', 'a20025', 'a20043', 'a20057', 'a21001',
  'a21002', 'a21003', 'a21004', 'a21005', 'a21017', 'a21018', 'a21022', 'a21024', 'a21026', 'a21028', 'a23001', 'a24087',
  'a24088', 'a25002', 'a25003', 'a25005', 'a34001', 'a34002', 'a34004', 'a34005', 'a34013', 'a34038', 'a34039', 'a34040',
  'a99049', 'a99051',
];

/** Number of a `[wa]` + 5 digits code: water 0..99999, air 100000..199999. */
function pollutantNumber(letter: number, digits: number): number {
  return letter === 0x61 ? 100000 + digits : digits;
}

const POLLUTANTS_BY_NUMBER = new Map<number, string>();
for (const code of POLLUTANT_CODES) POLLUTANTS_BY_NUMBER.set(pollutantNumber(code.charCodeAt(0), Number(code.slice(1))), code);

/**
 * For the code bytes[start, end): undefined when it is not shaped `[wa]` + 5 digits; otherwise the constant of a listed
 * code, or null for an unlisted one of that shape (known to be standard all the same).
 */
export function pollutantCodeAt(bytes: Uint8Array, start: number, end: number): string | null | undefined {
  const letter = bytes[start];
  if (end - start !== 6 || (letter !== 0x77 && letter !== 0x61)) return undefined;
  let digits = 0;
  for (let i = start + 1; i < end; i++) {
    const digit = bytes[i] - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    digits = digits * 10 + digit;
  }
  return POLLUTANTS_BY_NUMBER.get(pollutantNumber(letter, digits)) ?? null;
}

/** Data flags (`xxx-Flag`) of HJ 212-2017 and the pollution-source flags of HJ/T 212-2005. */
export const DATA_FLAGS: Readonly<Record<string, string>> = {
  N: 'normal',
  F: 'stopped',
  M: 'maintenance',
  S: 'manual set value',
  D: 'fault',
  C: 'calibration',
  T: 'above range',
  B: 'communication fault',
  P: 'power failure (2005)',
};

/** A flagged value must not be used to judge exceedance (anything but N). */
export function isNormalDataFlag(flag: string | undefined): boolean {
  return flag === undefined || flag === 'N';
}
