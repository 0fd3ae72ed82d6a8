#!/usr/bin/env node
// The quality gate: scores `rasd analyze --jsonl` on the seed articles with the shared scorer and
// fails when any figure drops below its floor in quality/floors.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scorer = join(root, '..', 'shared', 'eval', 'score.mjs');
const floors = JSON.parse(readFileSync(join(root, 'quality', 'floors.json'), 'utf8'));

if (!existsSync(scorer)) {
  const msg = `quality gate: the scorer ${scorer} is missing; put the shared/ folder beside the project to run the gate.`;
  if (process.env.CI) {
    console.error(msg);
    process.exit(1);
  }
  console.log(`${msg} Skipped.`);
  process.exit(0);
}

const run = spawnSync(process.execPath, [scorer, '--json'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, RASD_ANALYZE: `${process.execPath} ${join(root, 'bin', 'rasd.js')} analyze --jsonl` },
  maxBuffer: 1 << 26,
});
if (run.status !== 0 && !run.stdout) {
  console.error(`quality gate: the scorer failed:\n${run.stderr}`);
  process.exit(1);
}
const { rows } = JSON.parse(run.stdout);
const value = (key) => {
  const [field, metric] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
  const row = rows.find((r) => r.field === field);
  return row ? row[metric] : undefined;
};

let passed = 0, failed = 0;
console.log('quality gate (seed articles, ../shared/eval/score.mjs):');
for (const [key, floor] of Object.entries(floors)) {
  if (key.startsWith('_')) continue;
  const v = value(key);
  const ok = typeof v === 'number' && v >= floor;
  ok ? passed++ : failed++;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${key.padEnd(30)} ${v === undefined ? 'missing' : v.toFixed(3)}  (floor ${floor.toFixed(2)})`);
}
console.log(`quality: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
