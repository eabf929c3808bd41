export { startEnforcementService, ENFORCEMENT_MIGRATIONS, type EnforcementConfig } from './enforcement.service';
export { enforcementProjection } from './projections/enforcement.projection';
export { readDrawRecord, verifyRecord, type DrawRecord } from './draws/draws';
export { checkUscc, organisationCheckCharacter, usccCheckCharacter } from './domain/uscc';
