// Golden fixtures: every input in fixtures/inputs/ is read and compared with <name>.expected.json
// beside it. `UPDATE=1 npx vitest run src/acquire` rewrites the expectations; review the diff.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSources, type InputResult } from './index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, 'fixtures', 'inputs');
const update = process.env.UPDATE === '1';

const inputs = readdirSync(dir)
  .filter((f) => !f.endsWith('.expected.json'))
  .sort();

/** Everything before the first dot: wire-archive.jsonl.gz → wire-archive. */
function stem(file: string): string {
  return file.replace(/\..*$/, '');
}

/** Results with the absolute fixture folder replaced by its path from the project root. */
async function read(file: string): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const r of readSources([join(dir, file)])) out.push(r);
  const rel = relative(root, dir).split('\\').join('/');
  return JSON.parse(JSON.stringify(out).split(JSON.stringify(dir).slice(1, -1)).join(rel)) as InputResult[];
}

describe('golden input fixtures', () => {
  it('has a fixture for every input kind', () => {
    const exts = inputs.map((f) => f.slice(stem(f).length));
    for (const ext of ['.txt', '.html', '.htm', '.json', '.jsonl', '.jsonl.gz']) expect(exts).toContain(ext);
  });

  it('gives every stem one input', () => {
    expect(new Set(inputs.map(stem)).size).toBe(inputs.length);
  });

  for (const file of inputs) {
    it(`reads ${file} as expected`, async () => {
      const actual = await read(file);
      const expectedPath = join(dir, `${stem(file)}.expected.json`);
      if (update || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
        if (!update) throw new Error(`${expectedPath} did not exist and was written; review it and run the tests again.`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
