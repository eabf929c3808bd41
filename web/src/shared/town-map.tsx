import { useMemo, type MouseEvent } from 'react';
import { polygonsOf, project, unproject, type LatLng, type TownBoundaries } from './geo';

export interface MapPoint extends LatLng {
  key: string;
  color?: string;
  title?: string;
}

export interface TileSource {
  /** e.g. https://t{s}.tianditu.gov.cn/vec_w/wmts?…&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY */
  url: string;
  subdomains?: string[];
  zoom?: number;
}

interface Props {
  boundaries: TownBoundaries;
  /** the picked point (a pin) */
  value?: LatLng;
  onPick?(point: LatLng): void;
  points?: MapPoint[];
  /** shading by town code, 0..1 */
  shade?: Record<string, number>;
  label?(code: string, name: string): string;
  tiles?: TileSource;
  /** accessible name of the map */
  title: string;
  height?: number;
}

const SIZE = 1000;

/**
 * Yiwu's towns drawn as SVG from the GeoJSON the platform ships, so the map works on an offline government network;
 * raster tiles (e.g. 天地图 with the city's own key) are drawn underneath only when configured.
 */
export function TownMap({ boundaries, value, onPick, points = [], shade = {}, label, tiles, title, height = 320 }: Props) {
  const frame = useMemo(() => {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const f of boundaries.features) for (const polygon of polygonsOf(f)) for (const [lng, lat] of polygon[0]) {
      const [x, y] = project(lng, lat);
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    const scale = SIZE / Math.max(maxX - minX, maxY - minY);
    const toView = (lng: number, lat: number): [number, number] => {
      const [x, y] = project(lng, lat);
      return [(x - minX) * scale, (y - minY) * scale];
    };
    return { minX, minY, scale, toView, width: (maxX - minX) * scale, height: (maxY - minY) * scale };
  }, [boundaries]);

  const paths = useMemo(
    () =>
      boundaries.features.map((f) => {
        const d = polygonsOf(f)
          .map((rings) => rings.map((ring) => `M${ring.map(([lng, lat]) => frame.toView(lng, lat).map((v) => v.toFixed(1)).join(',')).join('L')}Z`).join(''))
          .join('');
        const centre = polygonsOf(f)[0][0].reduce((acc, [lng, lat]) => [acc[0] + lng, acc[1] + lat], [0, 0]).map((v) => v / polygonsOf(f)[0][0].length);
        return { feature: f, d, centre: frame.toView(centre[0], centre[1]) };
      }),
    [boundaries, frame],
  );

  const pick = (event: MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const svg = event.currentTarget;
    const at = svg.createSVGPoint();
    at.x = event.clientX;
    at.y = event.clientY;
    const p = at.matrixTransform(svg.getScreenCTM()!.inverse());
    const point = unproject(p.x / frame.scale + frame.minX, p.y / frame.scale + frame.minY);
    onPick({ lat: Number(point.lat.toFixed(6)), lng: Number(point.lng.toFixed(6)) });
  };

  const pin = value && frame.toView(value.lng, value.lat);
  return (
    <svg
      role="img"
      aria-label={title}
      viewBox={`0 0 ${frame.width.toFixed(0)} ${frame.height.toFixed(0)}`}
      style={{ width: '100%', height, display: 'block', background: '#eef5f0', cursor: onPick ? 'crosshair' : 'default', touchAction: 'manipulation' }}
      onClick={pick}
    >
      <title>{title}</title>
      {tiles && <Tiles tiles={tiles} frame={frame} />}
      {paths.map(({ feature, d }) => (
        <path
          key={feature.properties.code}
          d={d}
          fill={`rgba(15, 123, 79, ${0.12 + 0.6 * (shade[feature.properties.code] ?? 0)})`}
          stroke="#0f7b4f"
          strokeWidth={2}
          strokeDasharray={feature.properties.approximate ? '8 6' : undefined}
          fillRule="evenodd"
        >
          <title>{label ? label(feature.properties.code, feature.properties.name) : feature.properties.name}</title>
        </path>
      ))}
      {paths.map(({ feature, centre }) => (
        <text key={`l-${feature.properties.code}`} x={centre[0]} y={centre[1]} fontSize={22} textAnchor="middle" fill="#134e35" pointerEvents="none">
          {label ? label(feature.properties.code, feature.properties.name) : feature.properties.name}
        </text>
      ))}
      {points.map((p) => {
        const [x, y] = frame.toView(p.lng, p.lat);
        return (
          <circle key={p.key} cx={x} cy={y} r={9} fill={p.color ?? '#d4380d'} stroke="#fff" strokeWidth={2}>
            {p.title && <title>{p.title}</title>}
          </circle>
        );
      })}
      {pin && <path d={`M${pin[0]},${pin[1]} l-14,-30 a16,16 0 1,1 28,0 z`} fill="#d4380d" stroke="#fff" strokeWidth={3} />}
    </svg>
  );
}

function Tiles({ tiles, frame }: { tiles: TileSource; frame: { minX: number; minY: number; scale: number; width: number; height: number } }) {
  const z = tiles.zoom ?? 11;
  const n = 2 ** z;
  const x0 = Math.floor(frame.minX * n);
  const y0 = Math.floor(frame.minY * n);
  const x1 = Math.floor((frame.minX + frame.width / frame.scale) * n);
  const y1 = Math.floor((frame.minY + frame.height / frame.scale) * n);
  const images = [];
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) {
      const s = tiles.subdomains?.length ? tiles.subdomains[(x + y) % tiles.subdomains.length] : '';
      const href = tiles.url.replace('{s}', s).replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
      images.push(
        <image key={`${x}-${y}`} href={href} x={(x / n - frame.minX) * frame.scale} y={(y / n - frame.minY) * frame.scale} width={frame.scale / n} height={frame.scale / n} opacity={0.85} />,
      );
    }
  }
  return <g>{images}</g>;
}
