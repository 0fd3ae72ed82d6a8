// Country outlines for the map, cut out of world-atlas (Natural Earth, public domain) at build
// time: no tile server, no network. Iraq and Syria are the focus; their neighbours are drawn
// lighter for context. Run by web/vite.config.ts; also runnable alone:
//   node web/build-boundaries.mjs out.json
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);

/** ISO 3166 numeric codes, as world-atlas names its geometries. */
export const FOCUS = ['368', '760']; // Iraq, Syria
export const CONTEXT = ['792', '364', '400', '682', '414', '422', '376', '275']; // TR IR JO SA KW LB IL PS

// 3 decimals ≈ 100 m: plenty for a country outline, and keeps 10m-resolution output ≈ 180 KB.
const round = (c) => (typeof c[0] === 'number' ? [Math.round(c[0] * 1e3) / 1e3, Math.round(c[1] * 1e3) / 1e3] : c.map(round));

/** @returns {string} a GeoJSON FeatureCollection; each feature has properties { id, name, focus }. */
export function buildBoundaries(resolution = '10m') {
  const topo = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${resolution}.json`), 'utf8'));
  const wanted = new Set([...FOCUS, ...CONTEXT]);
  const geometries = topo.objects.countries.geometries.filter((g) => wanted.has(String(g.id)));
  const fc = feature(topo, { type: 'GeometryCollection', geometries });
  for (const f of fc.features) {
    f.properties = { id: String(f.id), name: f.properties?.name ?? '', focus: FOCUS.includes(String(f.id)) };
    f.geometry.coordinates = round(f.geometry.coordinates);
  }
  // Context first, focus last: the focus countries are drawn on top.
  fc.features.sort((a, b) => Number(a.properties.focus) - Number(b.properties.focus));
  return JSON.stringify(fc);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const out = process.argv[2] ?? 'boundaries.json';
  writeFileSync(out, buildBoundaries());
  console.log(`wrote ${out}`);
}
