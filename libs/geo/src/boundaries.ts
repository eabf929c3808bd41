import type { Polygon, Position, TownBoundaries, TownBoundary, TownBoundaryProperties } from './geojson';

/** Properties of a built-in feature: always approximate, with the centre its cell was grown from. */
export interface BuiltInTownBoundaryProperties extends TownBoundaryProperties {
  name: string;
  approximate: true;
  source: string;
  /** the approximate town centre, [lng, lat] WGS-84 */
  centre: Position;
}

export interface BuiltInTownBoundaries extends TownBoundaries {
  /** what the data are and how to replace them */
  note: string;
  datum: 'WGS-84';
  generatedBy: string;
  /** the 义乌市 county outline the cells were cut from */
  county: { type: 'Feature'; properties: { code: string; name: string; source: string }; geometry: Polygon };
  features: (TownBoundary & { properties: BuiltInTownBoundaryProperties })[];
}

/**
 * APPROXIMATE boundaries of Yiwu's 14 towns/subdistricts: Voronoi cells of approximate town centres clipped to the
 * county outline (scripts/geo/generate-yiwu-towns.mjs). Use them only until an operator loads an official GeoJSON;
 * towns found with them carry approximate: true.
 *
 * A plain require of the committed JSON: tsc copies it to dist/ (it is in this lib's tsconfig include), Jest and Node
 * load it as is, and no importing project's tsconfig needs resolveJsonModule.
 */
export const BUILT_IN_TOWN_BOUNDARIES: BuiltInTownBoundaries = require('./data/yiwu-towns.approximate.json');
