import type { MultiPolygon, Polygon, TownBoundaries } from './geojson';
import { distanceMetres, geometryContains, polygonContains, ringContains, townAt } from './point-in-polygon';

// A 10×10 square (lng 0..10, lat 0..10) with a 4×4 hole in the middle, and an L-shaped concave ring.
const square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
const hole = [[3, 3], [3, 7], [7, 7], [7, 3], [3, 3]];
const ell = [[0, 0], [6, 0], [6, 2], [2, 2], [2, 6], [0, 6]]; // not closed on purpose

const at = (lng: number, lat: number) => ({ lng, lat });

describe('point in polygon (ray casting)', () => {
  it('finds points inside and outside a ring, closed or not, convex or not', () => {
    expect(ringContains(square, 5, 5)).toBe(true);
    expect(ringContains(square, 11, 5)).toBe(false);
    expect(ringContains(square, -0.1, 5)).toBe(false);
    expect(ringContains(ell, 1, 5)).toBe(true);
    expect(ringContains(ell, 5, 1)).toBe(true);
    expect(ringContains(ell, 4, 4)).toBe(false); // in the notch of the L
    expect(ringContains([], 0, 0)).toBe(false);
  });

  it('does not count a point in a hole', () => {
    const withHole: Polygon = { type: 'Polygon', coordinates: [square, hole] };
    expect(geometryContains(withHole, at(1, 1))).toBe(true);
    expect(geometryContains(withHole, at(5, 5))).toBe(false);
    expect(geometryContains(withHole, at(8, 5))).toBe(true);
    expect(polygonContains([], 1, 1)).toBe(false);
  });

  it('looks in every polygon of a MultiPolygon, holes included', () => {
    const island = [[20, 20], [22, 20], [22, 22], [20, 22], [20, 20]];
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square, hole], [island]] };
    expect(geometryContains(multi, at(21, 21))).toBe(true);
    expect(geometryContains(multi, at(1, 1))).toBe(true);
    expect(geometryContains(multi, at(5, 5))).toBe(false);
    expect(geometryContains(multi, at(15, 15))).toBe(false);
  });

  it('never places a point with a non-finite coordinate', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [square] };
    expect(geometryContains(polygon, at(Number.NaN, 5))).toBe(false);
    expect(geometryContains(polygon, at(5, Number.POSITIVE_INFINITY))).toBe(false);
  });
});

describe('townAt', () => {
  const boundaries: TownBoundaries = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: 'west' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [5, 0], [5, 10], [0, 10], [0, 0]]] } },
      {
        type: 'Feature',
        properties: { code: 'east', approximate: true },
        geometry: { type: 'MultiPolygon', coordinates: [[[[5, 0], [10, 0], [10, 10], [5, 10], [5, 0]]], [[[20, 20], [21, 20], [21, 21], [20, 20]]]] },
      },
      { type: 'Feature', properties: { code: 'overlaps-west' }, geometry: { type: 'Polygon', coordinates: [square] } },
    ],
  };

  it('returns the town containing the point and whether its boundary is approximate', () => {
    expect(townAt(at(2, 2), boundaries)).toEqual({ townCode: 'west', approximate: false });
    expect(townAt(at(7, 2), boundaries)).toEqual({ townCode: 'east', approximate: true });
    expect(townAt(at(20.8, 20.2), boundaries)).toEqual({ townCode: 'east', approximate: true });
  });

  it('takes the first feature where features overlap, and nothing outside all of them', () => {
    expect(townAt(at(1, 9), boundaries)?.townCode).toBe('west');
    expect(townAt(at(30, 30), boundaries)).toBeUndefined();
    expect(townAt(at(1, 1), { type: 'FeatureCollection', features: [] })).toBeUndefined();
  });
});

describe('distanceMetres (haversine)', () => {
  it('measures known distances', () => {
    expect(distanceMetres(at(120, 29), at(120, 29))).toBe(0);
    // one degree of latitude on the mean sphere: 6 371 008.8 m × π / 180
    expect(distanceMetres(at(120, 29), at(120, 30))).toBeCloseTo(111_195.08, 1);
    // one degree of longitude at 60° is half of one at the equator
    expect(distanceMetres(at(0, 60), at(1, 60)) / distanceMetres(at(0, 0), at(1, 0))).toBeCloseTo(0.5, 3);
    // antipodes: half the circumference, without NaN from rounding
    expect(distanceMetres(at(0, 0), at(180, 0))).toBeCloseTo(Math.PI * 6_371_008.8, 0);
  });

  it('is symmetric and in metres at street scale', () => {
    const a = at(120.0751, 29.3068);
    const b = at(120.0761, 29.3068); // 0.001° of longitude at 29.3° N ≈ 97 m
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 9);
    expect(distanceMetres(a, b)).toBeGreaterThan(96);
    expect(distanceMetres(a, b)).toBeLessThan(98);
  });
});
