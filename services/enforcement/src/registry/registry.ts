import { TOWNS, nameUuid, streamIds, type EnterpriseRegistered, type EventMetadata } from '@qingyuan/contracts';
import type { Principal } from '@qingyuan/auth';
import { DomainError } from '@qingyuan/domain';
import type { PgEventStore, Tx } from '@qingyuan/event-store';
import { isTableError, readTable, type Table } from '@qingyuan/tabular';
import { actorOf, eventMetadata, httpError } from '@qingyuan/service-kit';
import { enterpriseProblems, PERMIT_CLASS_NAMES, REGISTRY_COLUMNS, type EnterpriseInput, type FieldProblem } from '../domain/enterprise';
import { usccProblem } from '../domain/uscc';
import type { CreditKeeper } from './credit-keeper';

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  errors: Array<{ line: number; field: string; zh: string; en: string }>;
}

/**
 * The enterprise registry (排污单位名录). An enterprise's id comes from its credit code, so importing the same list
 * twice changes nothing, and a re-registration with new facts is a new event on the same stream.
 */
export class Registry {
  constructor(
    private readonly store: PgEventStore,
    private readonly credit: CreditKeeper,
  ) {}

  async register(p: Principal, input: EnterpriseInput): Promise<{ enterpriseId: string; outcome: 'created' | 'updated' | 'unchanged' }> {
    const problems = enterpriseProblems(input, usccProblem);
    if (problems.length) throw invalid(problems);
    return this.store.db.transaction((tx) => this.save(tx, normalise(input), eventMetadata(actorOf(p))));
  }

  /** A CSV or XLSX registry: every valid row is saved; each bad row is reported with its line, nothing of it saved. */
  async import(p: Principal, bytes: Buffer, filename: string): Promise<ImportReport> {
    const table = readTable(bytes, filename);
    if (isTableError(table)) throw httpError(table.code === 'UNSUPPORTED_FILE' ? 415 : table.code === 'TOO_MANY_ROWS' ? 413 : 400, table.code, table.zh, table.en);
    const columns = locateColumns(table);
    const report: ImportReport = { created: 0, updated: 0, unchanged: 0, errors: [] };
    const metadata = eventMetadata(actorOf(p));
    for (const row of table.rows) {
      if (row.error) {
        report.errors.push({ line: row.line, field: '', zh: row.error.zh, en: row.error.en });
        continue;
      }
      const { input, problems } = rowToEnterprise(row.cells, columns);
      const all = [...problems, ...enterpriseProblems(input, usccProblem)];
      if (all.length) {
        report.errors.push(...all.map((e) => ({ line: row.line, ...e })));
        continue;
      }
      const { outcome } = await this.store.db.transaction((tx) => this.save(tx, normalise(input), metadata));
      report[outcome] += 1;
    }
    return report;
  }

  private async save(tx: Tx, input: EnterpriseInput, metadata: EventMetadata): Promise<{ enterpriseId: string; outcome: 'created' | 'updated' | 'unchanged' }> {
    const enterpriseId = enterpriseIdOf(input.uscc);
    const stream = streamIds.enterprise(enterpriseId);
    const history = await this.store.readStream(stream, tx);
    const latest = [...history].reverse().find((e) => e.type === 'EnterpriseRegistered')?.data as EnterpriseRegistered | undefined;
    const data: EnterpriseRegistered = { enterpriseId, ...input };
    if (latest && JSON.stringify(sorted(latest)) === JSON.stringify(sorted(data))) return { enterpriseId, outcome: 'unchanged' };
    await this.store.appendIn(tx, stream, history.length === 0 ? 'no-stream' : history.length, [{ type: 'EnterpriseRegistered', data }], metadata);
    if (!latest) await this.credit.rateNew(tx, enterpriseId, metadata);
    return { enterpriseId, outcome: latest ? 'updated' : 'created' };
  }
}

export const enterpriseIdOf = (uscc: string) => nameUuid('enterprise', uscc.toUpperCase());

const invalid = (problems: FieldProblem[]) =>
  httpError(400, 'VALIDATION_FAILED', '请求参数有误', 'The request is invalid', {
    errors: problems.map((p) => ({ field: p.field, zh: `${p.field}：${p.zh}`, en: `${p.field} ${p.en}` })),
  });

function normalise(input: EnterpriseInput): EnterpriseInput {
  return { ...input, uscc: input.uscc.trim().toUpperCase(), name: input.name.trim(), address: input.address.trim(), industry: input.industry.trim(), outlets: input.outlets ?? [] };
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]));
  }
  return value;
}

function locateColumns(table: Table): Record<string, number> {
  const header = table.header.map((h) => h.trim().toLowerCase());
  const found: Record<string, number> = {};
  for (const [field, names] of Object.entries(REGISTRY_COLUMNS)) {
    const at = header.findIndex((h) => names.some((n) => n.toLowerCase() === h));
    if (at >= 0) found[field] = at;
  }
  const missing = ['name', 'uscc', 'address', 'industry', 'permitClass'].filter((f) => found[f] === undefined);
  if (missing.length) {
    throw new DomainError(
      'COLUMNS_MISSING',
      `表头缺少：${missing.map((f) => REGISTRY_COLUMNS[f][0]).join('、')}`,
      `The header lacks: ${missing.map((f) => REGISTRY_COLUMNS[f].at(-1)).join(', ')}`,
      'invalid',
    );
  }
  return found;
}

function rowToEnterprise(cells: string[], at: Record<string, number>): { input: EnterpriseInput; problems: FieldProblem[] } {
  const cell = (field: string) => (at[field] === undefined ? '' : (cells[at[field]] ?? '').trim());
  const problems: FieldProblem[] = [];
  const permitClass = PERMIT_CLASS_NAMES[cell('permitClass').toLowerCase()] ?? PERMIT_CLASS_NAMES[cell('permitClass')];
  if (!permitClass) problems.push({ field: 'permitClass', zh: '须为重点管理、简化管理或登记管理', en: 'must be 重点管理, 简化管理 or 登记管理' });
  const townText = cell('town');
  const town = townText ? TOWNS.find((t) => t.code === townText || t.zh === townText || t.zh.startsWith(townText)) : undefined;
  if (townText && !town) problems.push({ field: 'townCode', zh: `未知的镇街：${townText}`, en: `unknown town: ${townText}` });
  const lat = cell('lat');
  const lng = cell('lng');
  const location = lat && lng ? { lat: Number(lat), lng: Number(lng) } : undefined;
  if (location && (Number.isNaN(location.lat) || Number.isNaN(location.lng))) problems.push({ field: 'location', zh: '经纬度须为数字', en: 'must be numbers' });
  const input: EnterpriseInput = {
    name: cell('name'),
    uscc: cell('uscc'),
    townCode: town?.code,
    address: cell('address'),
    industry: cell('industry'),
    permitClass: permitClass ?? 'registration',
    keyPolluter: ['是', 'y', 'yes', 'true', '1'].includes(cell('keyPolluter').toLowerCase()),
    outlets: [],
    ...(location && !Number.isNaN(location.lat) ? { location } : {}),
  };
  return { input, problems };
}
