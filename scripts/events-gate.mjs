#!/usr/bin/env node
// The events gate: scores assault/airstrike detection sentence by sentence on a hand-labelled set
// of corpus sentences (quality/attack-sentences.jsonl) and fails when precision or recall drops
// below its floor in quality/attack-floors.json. The corpus text is never stored in the project:
// the set holds record numbers, UTF-16 offsets and SHA-1 hashes, and the text is read from
// ../shared/corpus at run time. How the set was built: scripts/events-gate.README.md.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = join(root, '..', 'shared', 'corpus');
const corpusFile = join(corpusDir, 'saudinewsnet-2015.jsonl.gz');
const labelsFile = join(root, 'quality', 'attack-sentences.jsonl');
const floorsFile = join(root, 'quality', 'attack-floors.json');
const pipelineFile = join(root, 'dist', 'core', 'pipeline.js');
const TYPES = ['assault', 'airstrike'];

const fail = (msg) => {
  console.error(`events gate: ${msg}`);
  process.exit(1);
};

if (!existsSync(corpusFile)) {
  console.log(`events gate: the corpus ${corpusFile} is missing; put the shared/ folder beside the project to run this gate. Skipped.`);
  process.exit(0);
}
if (!existsSync(pipelineFile)) fail(`${pipelineFile} is missing: run \`npm run build\` first.`);
if (!existsSync(labelsFile)) fail(`the labelled set ${labelsFile} is missing.`);
if (!existsSync(floorsFile)) fail(`the floors file ${floorsFile} is missing.`);

const t0 = Date.now();

// ---- the labelled set -------------------------------------------------------------------------
const items = [];
readFileSync(labelsFile, 'utf8').split('\n').forEach((line, i) => {
  if (!line.trim()) return;
  let x;
  try {
    x = JSON.parse(line);
  } catch (err) {
    fail(`${labelsFile} line ${i + 1} is not JSON (${err.message}).`);
  }
  const ok = Number.isInteger(x.record) && x.record >= 1 && Number.isInteger(x.start) && Number.isInteger(x.end) &&
    x.start >= 0 && x.end > x.start && typeof x.sha1 === 'string' && /^[0-9a-f]{40}$/.test(x.sha1) &&
    typeof x.label === 'boolean' && (x.label ? TYPES.includes(x.type) : x.type === null);
  if (!ok) fail(`${labelsFile} line ${i + 1} is malformed: it needs record (1-based), start < end, sha1 (40 hex), label, and type (assault|airstrike when label is true, null otherwise).`);
  items.push({ ...x, line: i + 1 });
});
const byRecord = new Map();
for (const x of items) {
  if (!byRecord.has(x.record)) byRecord.set(x.record, []);
  byRecord.get(x.record).push(x);
}

// ---- the needed corpus records (gunzip stream, stop after the last one) -----------------------
async function readRecords(wanted) {
  const last = Math.max(...wanted);
  const found = new Map();
  const file = createReadStream(corpusFile);
  const stream = file.pipe(createGunzip());
  stream.setEncoding('utf8');
  let n = 0;
  let rest = '';
  const take = (line) => {
    n++;
    if (wanted.has(n)) found.set(n, line);
  };
  try {
    for await (const chunk of stream) {
      let from = 0;
      let nl;
      while ((nl = chunk.indexOf('\n', from)) !== -1) {
        take(rest + chunk.slice(from, nl));
        rest = '';
        from = nl + 1;
      }
      rest += chunk.slice(from);
      if (n >= last) break;
    }
  } finally {
    stream.destroy();
    file.destroy();
  }
  if (rest && n < last) take(rest);
  return found;
}

const lines = await readRecords(new Set(byRecord.keys()));
const problems = [];
const records = new Map();
for (const [rec, xs] of byRecord) {
  const line = lines.get(rec);
  if (line === undefined) {
    problems.push(`record ${rec}: not in the corpus (it has fewer lines).`);
    continue;
  }
  let obj;
  try {
    obj = JSON.parse(line);
  } catch (err) {
    problems.push(`record ${rec}: the corpus line is not JSON (${err.message}).`);
    continue;
  }
  const content = typeof obj.content === 'string' ? obj.content : '';
  for (const x of xs) {
    const s = content.slice(x.start, x.end);
    const got = createHash('sha1').update(s, 'utf8').digest('hex');
    if (x.end > content.length) problems.push(`record ${rec} [${x.start},${x.end}) (labels line ${x.line}): the span runs past the end of the content (${content.length} chars).`);
    else if (got !== x.sha1) problems.push(`record ${rec} [${x.start},${x.end}) (labels line ${x.line}): sha1 mismatch, expected ${x.sha1}, got ${got}. Is this the same corpus file the set was built on?`);
    else x.text = s;
  }
  records.set(rec, obj);
}
if (problems.length) fail(`the labelled set does not match the corpus:\n  ${problems.join('\n  ')}`);

// ---- analyse and locate ------------------------------------------------------------------------
const { analyzeInput } = await import(pathToFileURL(pipelineFile).href);

/** Whitespace-collapsed copy of `text` and, for each of its characters, the index in `text`. */
function collapse(text) {
  let out = '';
  const map = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) {
      if (!space && out.length) {
        out += ' ';
        map.push(i);
      }
      space = true;
    } else {
      out += text[i];
      map.push(i);
      space = false;
    }
  }
  return { out, map };
}

/** Span of `s` in `text`: the exact occurrence nearest to `hint`, else a whitespace-normalised match. */
function locate(text, s, hint, collapsed) {
  let best = -1;
  for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + 1)) {
    if (best === -1 || Math.abs(i - hint) < Math.abs(best - hint)) best = i;
  }
  if (best !== -1) return { span: [best, best + s.length], how: 'exact' };
  const want = collapse(s).out.trim();
  if (!want) return null;
  const c = collapsed();
  const j = c.out.indexOf(want);
  if (j === -1) return null;
  return { span: [c.map[j], c.map[j + want.length - 1] + 1], how: 'whitespace' };
}

const analysisErrors = [];
for (const [rec, obj] of records) {
  let doc;
  try {
    doc = analyzeInput({
      source: `corpus#${rec}`,
      kind: 'json',
      body: typeof obj.content === 'string' ? obj.content : '',
      meta: { title: obj.title ?? null, published: null, outlet: obj.source ?? null, url: obj.url ?? null, author: null },
      encoding: 'utf-8',
      diagnostics: [],
    });
  } catch (err) {
    analysisErrors.push(`record ${rec}: analyzeInput threw (${err.message}).`);
  }
  const text = doc?.text ?? '';
  const events = (doc?.events ?? []).filter((e) => TYPES.includes(e.type) && Array.isArray(e.span));
  let cache = null;
  const collapsed = () => (cache ??= collapse(text));
  for (const x of byRecord.get(rec)) {
    const where = doc ? locate(text, x.text, x.start, collapsed) : null;
    x.located = where?.how ?? null;
    x.hits = where ? events.filter((e) => e.span[0] < where.span[1] && e.span[1] > where.span[0]) : [];
    x.predicted = x.hits.length > 0;
  }
}

// ---- score -------------------------------------------------------------------------------------
// A sentence that cannot be located in doc.text (the cleaner dropped its line, or changed it) is
// scored as "no event": a positive one counts as a miss. They are counted and listed.
const pct = (a, b) => (b ? a / b : 0);
const pos = items.filter((x) => x.label);
const tp = items.filter((x) => x.label && x.predicted).length;
const fp = items.filter((x) => !x.label && x.predicted).length;
const fn = pos.length - tp;
const precision = pct(tp, tp + fp);
const recall = pct(tp, pos.length);
const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
const perType = Object.fromEntries(TYPES.map((t) => {
  const xs = pos.filter((x) => x.type === t);
  const hit = xs.filter((x) => x.hits.some((e) => e.type === t)).length;
  return [t, { n: xs.length, hit, recall: pct(hit, xs.length) }];
}));
const unlocated = items.filter((x) => !x.located);
const fuzzy = items.filter((x) => x.located === 'whitespace');
const metrics = { precision, recall, f1, ...Object.fromEntries(TYPES.map((t) => [`recall.${t}`, perType[t].recall])) };

const f3 = (v) => v.toFixed(3);
console.log(`events gate (${items.length} labelled corpus sentences, ${records.size} articles, quality/attack-sentences.jsonl):`);
console.log(`  n ${items.length}   positives ${pos.length}   TP ${tp}   FP ${fp}   FN ${fn}`);
console.log(`  precision ${f3(precision)}${tp + fp ? '' : ' (no predictions)'}   recall ${f3(recall)}   F1 ${f3(f1)}`);
for (const t of TYPES) console.log(`  recall ${t.padEnd(9)} ${f3(perType[t].recall)}  (${perType[t].hit}/${perType[t].n}, same-type event)`);
console.log(`  located: ${items.length - unlocated.length - fuzzy.length} exact, ${fuzzy.length} after whitespace normalisation, ${unlocated.length} not found`);

const excerpt = (s) => {
  const one = s.replace(/\s+/g, ' ');
  return `«${one.length > 40 ? `${one.slice(0, 39)}…` : one}»`;
};
const errors = [];
for (const x of items) {
  const at = `r${x.record} [${x.start},${x.end})`;
  if (!x.located) errors.push(`  NOTFOUND ${at} ${x.label ? x.type : 'negative'}: ${excerpt(x.text)} (${x.why})`);
  else if (x.label && !x.predicted) errors.push(`  FN ${at} ${x.type}: ${excerpt(x.text)} (${x.why})`);
  else if (!x.label && x.predicted) errors.push(`  FP ${at} got ${[...new Set(x.hits.map((e) => e.type))].join('+')}: ${excerpt(x.text)} (${x.why})`);
  else if (x.label && !x.hits.some((e) => e.type === x.type)) errors.push(`  TYPE ${at} want ${x.type}, got ${[...new Set(x.hits.map((e) => e.type))].join('+')}: ${excerpt(x.text)}`);
}
for (const e of analysisErrors) errors.push(`  ERROR ${e}`);
if (errors.length) {
  const MAX = 60;
  console.log(`errors (${errors.length}${errors.length > MAX ? `, first ${MAX}` : ''}):`);
  for (const e of errors.slice(0, MAX)) console.log(e);
}

// ---- floors ------------------------------------------------------------------------------------
let floors;
try {
  floors = JSON.parse(readFileSync(floorsFile, 'utf8'));
} catch (err) {
  fail(`${floorsFile} is not valid JSON (${err.message}).`);
}
let passed = 0;
let failed = 0;
for (const [key, floor] of Object.entries(floors)) {
  if (key.startsWith('_')) continue;
  const v = metrics[key];
  const ok = typeof v === 'number' && typeof floor === 'number' && v >= floor;
  ok ? passed++ : failed++;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${key.padEnd(17)} ${v === undefined ? 'unknown figure' : f3(v)}  (floor ${typeof floor === 'number' ? floor.toFixed(2) : String(floor)})`);
}
console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
console.log(`attack-sentences: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
