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
