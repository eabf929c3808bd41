import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import type { TownBoundaries } from '../../shared/geo';
import type { TileSource } from '../../shared/town-map';

export interface MapData {
  boundaries: TownBoundaries;
  /** raster tiles under the towns, when the city configured a source */
  tiles?: TileSource;
  /** the boundaries are the built-in approximate ones (some feature says so) */
  approximate: boolean;
}

let loading: Promise<MapData> | undefined;

function load(): Promise<MapData> {
  loading ??= Promise.all([
    api<TownBoundaries>('/api/intake/town-boundaries', { auth: false }),
    api<{ tiles?: TileSource | null }>('/web-config.json', { auth: false }).catch(() => ({ tiles: null })),
  ]).then(
    ([boundaries, config]) => ({
      boundaries,
      tiles: config && typeof config === 'object' && config.tiles?.url ? config.tiles : undefined,
      approximate: boundaries.features.some((f) => f.properties.approximate),
    }),
    (error: unknown) => {
      loading = undefined; // try again next time
      throw error;
    },
  );
  return loading;
}

/** The town boundaries (loaded once per page load and shared by every map). */
export function useMapData(): { data?: MapData; failed: boolean; retry(): void } {
  const [data, setData] = useState<MapData>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setFailed(false);
    load().then(
      (d) => live && setData(d),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return { data, failed, retry: () => setAttempt((n) => n + 1) };
}
