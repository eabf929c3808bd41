export { startJudicialService, JUDICIAL_MIGRATIONS, type JudicialConfig } from './judicial.service';
export { judicialProjection } from './projections/judicial.projection';
