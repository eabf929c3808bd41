export { startCasesService, CASES_MIGRATIONS, type CasesConfig } from './cases.service';
export { problemViewProjection } from './projections/problem-view.projection';
