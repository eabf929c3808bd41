import type { ObjectClass } from '@qingyuan/contracts';
import type { Sql } from '@qingyuan/event-store';
import { objectClassOf } from '../domain/supervision';
import type { RuleVersions } from '../settings/rule-versions';

export interface EnterpriseRow {
  enterpriseId: string;
  name: string;
  uscc: string;
  townCode?: string;
  address: string;
  location?: { lat: number; lng: number };
  industry: string;
  permitClass: string;
  keyPolluter: boolean;
  outlets: unknown[];
  creditLevel?: string;
  special: boolean;
  specialReason?: string;
  objectClass: ObjectClass;
}

interface Row {
  enterprise_id: string;
  name: string;
  uscc: string;
  town_code: string | null;
  address: string;
  location: { lat: number; lng: number } | null;
  industry: string;
  permit_class: 'key' | 'simplified' | 'registration';
  key_polluter: boolean;
  outlets: unknown[];
  credit_level: string | null;
  special: boolean;
  special_reason: string | null;
}

/** The registry as staff read it, each enterprise with the supervision list it is on now (监管对象名录). */
export class RegistryQueries {
  constructor(
    private readonly sql: Sql,
    private readonly rules: RuleVersions,
  ) {}

  async list(filter: { enterpriseId?: string; townCodes?: string[]; objectClass?: ObjectClass; creditLevel?: string; q?: string }, sql: Sql = this.sql): Promise<EnterpriseRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (filter.enterpriseId) add('enterprise_id = ?', filter.enterpriseId);
    if (filter.townCodes?.length) add('town_code = ANY(?)', filter.townCodes);
    if (filter.creditLevel) add('credit_level = ?', filter.creditLevel);
    // name or credit code, both against the same parameter
    if (filter.q) add(`(name ILIKE ? OR uscc ILIKE ?)`.replace('?', `$${params.length + 1}`), `%${filter.q}%`);
    const { rows } = await sql.query<Row>(`SELECT * FROM enforcement.enterprises ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY name, enterprise_id`, params);
    const { rules } = await this.rules.current('supervision', sql);
    const all = rows.map((r): EnterpriseRow => {
      const e = {
        enterpriseId: r.enterprise_id,
        name: r.name,
        uscc: r.uscc,
        ...(r.town_code ? { townCode: r.town_code } : {}),
        address: r.address,
        ...(r.location ? { location: r.location } : {}),
        industry: r.industry,
        permitClass: r.permit_class,
        keyPolluter: r.key_polluter,
        outlets: r.outlets,
        ...(r.credit_level ? { creditLevel: r.credit_level } : {}),
        special: r.special,
        ...(r.special_reason ? { specialReason: r.special_reason } : {}),
      };
      return { ...e, objectClass: objectClassOf({ permitClass: r.permit_class, keyPolluter: r.key_polluter, special: r.special, creditLevel: r.credit_level ?? '' }, rules) };
    });
    return filter.objectClass ? all.filter((e) => e.objectClass === filter.objectClass) : all;
  }

  async detail(enterpriseId: string) {
    const [enterprise] = await this.list({ enterpriseId });
    if (!enterprise) return undefined;
    const history = await this.sql.query<{ level: string; previous_level: string | null; rule: string; reason: string; rule_version: number; at: Date }>(
      'SELECT level, previous_level, rule, reason, rule_version, at FROM enforcement.credit_history WHERE enterprise_id = $1 ORDER BY at',
      [enterpriseId],
    );
    const tasks = await this.sql.query<{ task_id: string; kind: string; status: string; result: string | null; inspected_on: string | null; created_at: Date }>(
      `SELECT task_id, kind, status, result, inspected_on::text AS inspected_on, created_at FROM enforcement.tasks WHERE enterprise_id = $1 ORDER BY created_at DESC`,
      [enterpriseId],
    );
    return {
      ...enterprise,
      creditHistory: history.rows.map((h) => ({ level: h.level, previousLevel: h.previous_level ?? undefined, rule: h.rule, reason: h.reason, ruleVersion: h.rule_version, at: h.at.toISOString() })),
      inspections: tasks.rows.map((t) => ({ taskId: t.task_id, kind: t.kind, status: t.status, result: t.result ?? undefined, inspectedOn: t.inspected_on ?? undefined, createdAt: t.created_at.toISOString() })),
    };
  }

  /** 监管对象名录: counts per list and credit level. */
  async lists(): Promise<Record<ObjectClass, Record<string, number>>> {
    const counts: Record<ObjectClass, Record<string, number>> = { key: {}, general: {}, special: {} };
    for (const e of await this.list({})) {
      const level = e.creditLevel ?? 'unrated';
      counts[e.objectClass][level] = (counts[e.objectClass][level] ?? 0) + 1;
    }
    return counts;
  }
}
