export { startEnforcementService, ENFORCEMENT_MIGRATIONS, type EnforcementConfig } from './enforcement.service';
export { enforcementProjection } from './projections/enforcement.projection';
export { verifyRecord, type DrawRecord } from './draws/draws';
