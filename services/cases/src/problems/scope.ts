import type { SqlFilter } from './sql-filter';
import type { Principal } from '@qingyuan/auth';

/** The part of a problem that decides who may see it. */
export interface ScopedProblem {
  town_code: string | null;
  lead_department: string | null;
  cooperating_departments: string[];
}

const CITY_WIDE = ['admin', 'analyst', 'verifier', 'leader', 'auditor'] as const;

/**
 * 属地管理、分级负责: bureau roles see the whole city; a town officer only problems of their towns; a department
 * liaison only problems their department leads or co-operates on. Someone with no town or department sees none.
 */
export function canSee(principal: Principal, problem: ScopedProblem): boolean {
  if (principal.roles.some((r) => (CITY_WIDE as readonly string[]).includes(r))) return true;
  if (principal.roles.includes('town-officer') && problem.town_code && principal.towns.includes(problem.town_code)) return true;
  if (principal.roles.includes('department-officer')) {
    const involved = [problem.lead_department, ...problem.cooperating_departments];
    if (principal.departments.some((d) => involved.includes(d))) return true;
  }
  return false;
}

/** The assigned unit (承办单位): the town of the problem, or its lead department. */
export function isAssignedUnit(principal: Principal, problem: ScopedProblem): boolean {
  return (
    (principal.roles.includes('town-officer') && !!problem.town_code && principal.towns.includes(problem.town_code)) ||
    (principal.roles.includes('department-officer') && !!problem.lead_department && principal.departments.includes(problem.lead_department))
  );
}

/** The same rule as a list filter. */
export function addScope(filter: SqlFilter, principal: Principal): void {
  const cityWide = principal.roles.some((r) => (CITY_WIDE as readonly string[]).includes(r));
  if (cityWide) return;
  const towns = filter.param(principal.roles.includes('town-officer') ? principal.towns : []);
  const departments = filter.param(principal.roles.includes('department-officer') ? principal.departments : []);
  filter.where(`(town_code = ANY(${towns}::text[]) OR lead_department = ANY(${departments}::text[]) OR cooperating_departments && ${departments}::text[])`);
}
