import { TOWN_CODES, findTown, type Location, type TownSource } from '@qingyuan/contracts';
import type { Sql } from '@qingyuan/event-store';
import { BUILT_IN_TOWN_BOUNDARIES, townAt, townFromAddress, type TownBoundaries } from '@qingyuan/geo';
import { fieldError } from '@qingyuan/service-kit';

export interface TownFound {
  townCode?: string;
  source: TownSource;
  /** the polygon was one of the approximate built-in ones */
  approximate: boolean;
}

const REFRESH_MS = 60_000;

/**
 * 属地: the town of a place, by point-in-polygon on the town boundaries, else by keywords in the address, else what
 * the reporter chose. The boundaries are the approximate built-in ones until an operator uploads an official GeoJSON;
 * every process picks an upload up within a minute.
 */
export class TownLocator {
  private boundaries: TownBoundaries = BUILT_IN_TOWN_BOUNDARIES;
  private checkedAt = 0;
  private version = 0;

  constructor(private readonly sql: Sql) {}

  locate(location: Pick<Location, 'lat' | 'lng' | 'address' | 'townCode'>): TownFound {
    if (typeof location.lat === 'number' && typeof location.lng === 'number') {
      const found = townAt({ lat: location.lat, lng: location.lng }, this.boundaries);
      if (found) return { townCode: found.townCode, source: 'map', approximate: found.approximate };
    }
    const byAddress = location.address ? townFromAddress(location.address) : undefined;
    if (byAddress) return { townCode: byAddress, source: 'address', approximate: false };
    if (location.townCode) return { townCode: location.townCode, source: 'reporter', approximate: false };
    return { source: 'unknown', approximate: false };
  }

  current(): { version: number; boundaries: TownBoundaries } {
    return { version: this.version, boundaries: this.boundaries };
  }

  /** Use the newest uploaded boundaries, looking at most once a minute. */
  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.checkedAt < REFRESH_MS) return;
    this.checkedAt = Date.now();
    const { rows } = await this.sql.query<{ version: number; geojson: TownBoundaries }>(
      'SELECT version, geojson FROM intake.town_boundaries WHERE version > $1 ORDER BY version DESC LIMIT 1',
      [this.version],
    );
    if (rows[0]) {
      this.version = rows[0].version;
      this.boundaries = rows[0].geojson;
    }
  }

  /** An operator's official boundaries: every feature must be a Yiwu town (by code or name) with a polygon. */
  async upload(geojson: unknown, uploadedBy: string, note?: string): Promise<{ version: number; towns: number; missing: string[] }> {
    const boundaries = checkBoundaries(geojson);
    const { rows } = await this.sql.query<{ version: number }>(
      'INSERT INTO intake.town_boundaries (geojson, uploaded_by, note) VALUES ($1::jsonb, $2, $3) RETURNING version',
      [JSON.stringify(boundaries), uploadedBy, note ?? null],
    );
    await this.refresh(true);
    const present = new Set(boundaries.features.map((f) => f.properties.code));
    return { version: rows[0].version, towns: present.size, missing: TOWN_CODES.filter((c) => !present.has(c)) };
  }
}

function checkBoundaries(value: unknown): TownBoundaries {
  const fc = value as { type?: unknown; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features) || fc.features.length === 0) {
    throw fieldError('geojson', '必须是包含镇街面的 GeoJSON FeatureCollection', 'must be a GeoJSON FeatureCollection of town polygons');
  }
  const features = fc.features.map((f: { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown }; properties?: Record<string, unknown> }, i: number) => {
    const props = f?.properties ?? {};
    const byCode = typeof props.code === 'string' ? findTown(props.code) : undefined;
    const byName = typeof props.name === 'string' ? TOWN_CODES.map((c) => findTown(c)!).find((t) => t.zh === props.name) : undefined;
    const town = byCode ?? byName;
    if (f?.type !== 'Feature' || !town) {
      throw fieldError(`geojson.features[${i}]`, '必须是带有义乌镇街代码（code）或名称（name）的要素', 'must be a Feature with a Yiwu town code or name');
    }
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') || !Array.isArray(f.geometry.coordinates)) {
      throw fieldError(`geojson.features[${i}].geometry`, '必须是 Polygon 或 MultiPolygon（WGS-84）', 'must be a Polygon or MultiPolygon (WGS-84)');
    }
    return { type: 'Feature', properties: { code: town.code, name: town.zh, approximate: false, source: 'uploaded' }, geometry: f.geometry };
  });
  return { type: 'FeatureCollection', features } as unknown as TownBoundaries;
}
