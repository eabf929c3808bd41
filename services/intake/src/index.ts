export { startIntakeService, INTAKE_MIGRATIONS, type IntakeConfig } from './intake.service';
export { clueViewProjection } from './projections/clue-view.projection';
