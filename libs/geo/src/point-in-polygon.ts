import type { AreaGeometry, LatLng, Position, TownBoundaries } from './geojson';

/**
 * Even-odd ray casting: is (x, y) inside the ring? The ring may be closed (last position = first) or not.
 * A point exactly on an edge may come out either way; between two polygons sharing that edge it lands in one of them.
 */
export function ringContains(ring: readonly Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the exterior ring (the first) and in none of the holes (the rest). */
export function polygonContains(rings: readonly (readonly Position[])[], x: number, y: number): boolean {
  if (rings.length === 0 || !ringContains(rings[0], x, y)) return false;
  for (let h = 1; h < rings.length; h++) if (ringContains(rings[h], x, y)) return false;
  return true;
}

/** Whether a Polygon or MultiPolygon contains the point. Non-finite coordinates are never inside. */
export function geometryContains(geometry: AreaGeometry, point: LatLng): boolean {
  const { lng, lat } = point;
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return false;
  if (geometry.type === 'Polygon') return polygonContains(geometry.coordinates, lng, lat);
  return geometry.coordinates.some((polygon) => polygonContains(polygon, lng, lat));
}

export interface TownAtPoint {
  townCode: string;
  /** the boundary used is a generated approximation, not an official one */
  approximate: boolean;
}

/** The town whose boundary contains the point (the first such feature), or undefined outside all of them. */
export function townAt(point: LatLng, boundaries: TownBoundaries): TownAtPoint | undefined {
  const hit = boundaries.features.find((feature) => geometryContains(feature.geometry, point));
  return hit ? { townCode: hit.properties.code, approximate: hit.properties.approximate === true } : undefined;
}

const EARTH_RADIUS_METRES = 6_371_008.8; // mean radius (IUGG)
const RADIANS = Math.PI / 180;

/** Great-circle distance between two WGS-84 points in metres (haversine on the mean sphere; within 0.5%). */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RADIANS;
  const dLng = (b.lng - a.lng) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}
