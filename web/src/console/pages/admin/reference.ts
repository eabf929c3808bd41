import type { Bilingual } from '../../../shared/i18n';

/** GET /api/cases/reference */
export interface Coded extends Bilingual {
  code: string;
}
export interface Town extends Coded {
  kind: 'subdistrict' | 'town';
}
export interface MatrixRow {
  category: string;
  leadDepartment: string;
  cooperating: string[];
}
export interface Reference {
  towns: Town[];
  departments: Coded[];
  categories: Coded[];
  channels: Coded[];
  matrix: MatrixRow[];
}

/** The platform's roles (the gateway's ROLE_CODES); their names are in the message files as admin.role.<code>. */
export const ROLE_CODES = [
  'admin',
  'analyst',
  'hotline-staff',
  'town-officer',
  'department-officer',
  'verifier',
  'leader',
  'grid-worker',
  'river-chief',
  'organisation',
  'identity-officer',
  'reward-officer',
  'reward-approver',
  'finance',
  'city-approver',
  'enforcement-officer',
  'inspector',
  'judicial-officer',
  'bureau-head',
  'police-liaison',
  'procuratorate-liaison',
  'court-liaison',
  'auditor',
] as const;

/** Kinds of organisation an organisation account speaks for; names as admin.orgKind.<code>. */
export const ORGANISATION_KINDS = ['social-organisation', 'environmental-steward', 'industry-association', 'technical-service'] as const;

/** 行刑衔接 liaison roles and the kind of agency (police, procuratorate, court) each account speaks for. */
export const LIAISON_AGENCY_KINDS: Record<string, 'police' | 'procuratorate' | 'court'> = {
  'police-liaison': 'police',
  'procuratorate-liaison': 'procuratorate',
  'court-liaison': 'court',
};

/** Options for a Select of coded reference entries: the name in the user's language, searchable by name or code. */
export function codedOptions(list: Coded[], pick: (text: Bilingual) => string) {
  return list.map((entry) => ({ value: entry.code, label: pick(entry), code: entry.code }));
}

export const searchByLabelOrCode = {
  filterOption: (input: string, option?: { label?: unknown; value?: unknown }) => {
    const needle = input.trim().toLowerCase();
    return String(option?.label ?? '').toLowerCase().includes(needle) || String(option?.value ?? '').toLowerCase().includes(needle);
  },
};

export function nameOf(list: Coded[], code: string, pick: (text: Bilingual) => string): string {
  const found = list.find((entry) => entry.code === code);
  return found ? pick(found) : code;
}
