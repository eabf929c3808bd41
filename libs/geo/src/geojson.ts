/**
 * The few GeoJSON (RFC 7946) shapes this library reads. Positions are [longitude, latitude] in WGS-84, the datum of
 * every point in this project (see Location in @qingyuan/contracts).
 */
export type Position = number[];

/** First ring: the exterior; any further rings: holes. */
export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export type AreaGeometry = Polygon | MultiPolygon;

/** A map point as clues carry it (WGS-84 degrees). */
export interface LatLng {
  lat: number;
  lng: number;
}

export interface TownBoundaryProperties {
  /** 9-digit NBS town/subdistrict code, e.g. 330782001 (see TOWNS in @qingyuan/contracts) */
  code: string;
  name?: string;
  /** true for generated, non-official boundaries; false or absent for official ones */
  approximate?: boolean;
  /** where the shape comes from */
  source?: string;
}

export interface TownBoundary {
  type: 'Feature';
  properties: TownBoundaryProperties;
  geometry: AreaGeometry;
}

/** One Feature per town. Where features overlap, the first that contains a point wins. */
export interface TownBoundaries {
  type: 'FeatureCollection';
  features: TownBoundary[];
}
