/** Town boundaries as the API serves them (GET /api/intake/town-boundaries): GeoJSON, WGS-84. */
export type Position = number[];
export interface TownFeature {
  type: 'Feature';
  properties: { code: string; name: string; approximate?: boolean };
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}
export interface TownBoundaries {
  type: 'FeatureCollection';
  features: TownFeature[];
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** Web Mercator, so that the polygons line up with any raster tiles drawn underneath. */
export function project(lng: number, lat: number): [number, number] {
  const x = (lng + 180) / 360;
  const s = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  return [x, y];
}

export function unproject(x: number, y: number): LatLng {
  const lng = x * 360 - 180;
  const n = Math.PI - 2 * Math.PI * y;
  const lat = (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)));
  return { lat, lng };
}

export function polygonsOf(feature: TownFeature): Position[][][] {
  return feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
}

function ringContains(ring: Position[], lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The town a point falls in, for the instant feedback on a tapped map (the server decides for real). */
export function townAt(boundaries: TownBoundaries, point: LatLng): TownFeature | undefined {
  return boundaries.features.find((f) =>
    polygonsOf(f).some(([outer, ...holes]) => ringContains(outer, point.lng, point.lat) && !holes.some((h) => ringContains(h, point.lng, point.lat))),
  );
}
