// Golden fixtures: every bundled example and input fixture analysed end to end, compared with
// fixtures/analyze/<name>.expected.json. UPDATE=1 rewrites the expectations; review the diff.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSources } from '../acquire/index.js';
import { toJson } from './output.js';
import { analyzeInput } from './pipeline.js';

const root = resolve(import.meta.dirname, '..', '..');
const out = join(root, 'fixtures', 'analyze');
const inputs = [
  ...readdirSync(join(root, 'examples')).map((f) => join('examples', f)),
  ...readdirSync(join(root, 'fixtures', 'inputs')).filter((f) => !f.endsWith('.expected.json')).map((f) => join('fixtures', 'inputs', f)),
];

describe('golden analysis fixtures', () => {
  for (const rel of inputs) {
    it(rel, async () => {
      const results: unknown[] = [];
      for await (const r of readSources([join(root, rel)])) {
        const o = r.ok ? toJson(analyzeInput(r.input)) : { source: r.source, error: r.error };
        results.push(JSON.parse(JSON.stringify(o).replaceAll(root + '/', '')));
      }
      const file = join(out, rel.replace(/[\\/]/g, '__') + '.expected.json');
      if (process.env.UPDATE) writeFileSync(file, JSON.stringify(results, null, 1) + '\n');
      if (!existsSync(file)) throw new Error(`${file} is missing: run UPDATE=1 npx vitest run src/core/golden.test.ts and review it.`);
      expect(results).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
