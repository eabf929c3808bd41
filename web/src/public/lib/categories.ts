/** The ten problem categories (their labels are the message keys category.<code>). */
export const CATEGORY_CODES = [
  'water',
  'air',
  'noise',
  'solid-waste',
  'hazardous-waste',
  'soil',
  'radiation',
  'ecological',
  'drinking-water-source',
  'other',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

/** The same limits the server applies, checked first so that nothing large is sent for nothing. */
export const MEDIA = {
  files: 9,
  photoBytes: 10 * 1024 * 1024,
  videoBytes: 50 * 1024 * 1024,
  totalBytes: 100 * 1024 * 1024,
};

export const DESCRIPTION = { min: 5, max: 2000 };
export const PHONE = /^(\+?86)?1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
export const GRID_CODE = /^[A-Za-z0-9\-_.]{1,32}$/;
