import { TOWNS, TOWN_CODES } from '@qingyuan/contracts';
import { BUILT_IN_TOWN_BOUNDARIES as built } from './boundaries';
import { geometryContains, ringContains, townAt } from './point-in-polygon';

const at = (lng: number, lat: number) => ({ lng, lat });

describe('built-in approximate Yiwu town boundaries', () => {
  it('has one approximate WGS-84 feature for each of the 14 towns, named as in contracts', () => {
    expect(built.type).toBe('FeatureCollection');
    expect(built.datum).toBe('WGS-84');
    expect(built.note).toMatch(/APPROXIMATE/);
    expect(built.features.map((f) => f.properties.code).sort()).toEqual([...TOWN_CODES].sort());
    for (const f of built.features) {
      expect(f.properties.name).toBe(TOWNS.find((t) => t.code === f.properties.code)?.zh);
      expect(f.properties.approximate).toBe(true);
      expect(f.properties.source).toMatch(/approximate/);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
  });

  it('puts every town centre in its own town', () => {
    for (const f of built.features) {
      const [lng, lat] = f.properties.centre;
      expect(townAt(at(lng, lat), built)).toEqual({ townCode: f.properties.code, approximate: true });
    }
  });

  it('finds no town outside Yiwu', () => {
    expect(townAt(at(120.155, 30.274), built)).toBeUndefined(); // Hangzhou
    expect(townAt(at(119.65, 29.08), built)).toBeUndefined(); // Jinhua city
    expect(townAt(at(120.242, 29.262), built)).toBeUndefined(); // Dongyang city, just east of Yiwu
    expect(townAt(at(0, 0), built)).toBeUndefined();
  });

  it('places the city centre in 稠城街道 and Fotang old town in 佛堂镇', () => {
    expect(townAt(at(120.0705, 29.3092), built)?.townCode).toBe('330782001');
    expect(townAt(at(120.028, 29.2), built)?.townCode).toBe('330782100');
  });

  it('covers the county outline with the 14 cells without overlap', () => {
    const outline = built.county.geometry.coordinates[0];
    const lngs = outline.map((p) => p[0]);
    const lats = outline.map((p) => p[1]);
    const [west, east, south, north] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
    expect(built.county.properties.code).toBe('330782');
    expect(west).toBeGreaterThan(119.8);
    expect(east).toBeLessThan(120.3);

    const steps = 80;
    let inside = 0;
    const wrong: string[] = [];
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        // a little beyond the bounding box, so points outside the county are sampled too
        const lng = west - 0.01 + ((east - west + 0.02) * i) / steps;
        const lat = south - 0.01 + ((north - south + 0.02) * j) / steps;
        const cells = built.features.filter((f) => geometryContains(f.geometry, at(lng, lat))).length;
        const inCounty = ringContains(outline, lng, lat);
        if (inCounty) inside++;
        if (cells !== (inCounty ? 1 : 0)) wrong.push(`${lng},${lat}: ${cells} cells, in county: ${inCounty}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(inside).toBeGreaterThan(2000); // the county is most of its box; the test really samples it
  });
});
