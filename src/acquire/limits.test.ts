// A file over the limit must be refused from its size alone, without opening it for reading:
// createReadStream is watched here (a module mock, so this test has a file of its own).

import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readSources } from './index.js';
import { all, tempDir } from './testing.js';

const opened = vi.hoisted(() => [] as string[]);

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    createReadStream: (path: string, ...rest: unknown[]) => {
      opened.push(String(path));
      return (fs.createReadStream as (...args: unknown[]) => unknown)(path, ...rest);
    },
  };
});

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('size limit', () => {
  it('refuses a 50 MB sparse file by its size, without reading it', async () => {
    const path = `${tmp.dir}/sparse.html`;
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const results = await all(readSources([path]));
    expect(results).toEqual([
      {
        ok: false,
        source: path,
        error: `${path} is 50 MB, more than the limit of 20 MB per file; split it into smaller files, or raise the limit with --max-bytes 52428800.`,
      },
    ]);
    expect(opened).toEqual([]);
  });

  it('does read a file within the limit (the watch works)', async () => {
    const path = tmp.file('small.txt', 'نص قصير');
    const results = await all(readSources([path]));
    expect(results.map((r) => r.ok)).toEqual([true]);
    expect(opened).toEqual([path]);
  });
});
