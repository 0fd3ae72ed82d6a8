// The rasd command as a user runs it: contract output, bad input, standard input, exit status.
// Runs the built program (npm test builds first).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync, ftruncateSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'rasd.js');
const rasd = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, cwd: root, env: { ...process.env, NO_COLOR: '1' } });

const article = 'وقال المتحدث باسم الوزارة، العميد سالم عبد الله، في مؤتمر صحفي اليوم: "الوضع مستقر تماماً".\n';

describe('rasd analyze', () => {
  it('prints one contract object per article with spans into the text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasd-cli-'));
    const f = join(dir, 'a.txt');
    writeFileSync(f, article);
    const r = rasd(['analyze', '--jsonl', f]);
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout.trim());
    expect(o.source).toBe(f);
    expect(Object.keys(o.document)).toEqual(expect.arrayContaining(['title', 'published', 'outlet', 'text']));
    expect(Array.isArray(o.events)).toBe(true);
    expect(o.entities.find((e: { type: string }) => e.type === 'PER')).toMatchObject({ name: 'سالم عبد الله' });
    const s = o.statements[0];
    expect(s).toMatchObject({ speaker: 'سالم عبد الله', kind: 'direct', channel: 'press_conference', stance: 'assert' });
    expect(o.document.text.slice(s.span[0], s.span[1])).toBe(s.quote);
  });

  it('gives every bad file one clear message, analyses the others, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasd-bad-'));
    const good = join(dir, 'good.txt');
    writeFileSync(good, article);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const binary = join(dir, 'photo.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    const invalid = join(dir, 'latin.txt');
    writeFileSync(invalid, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe, 0x41, 0x42]));
    const huge = join(dir, 'huge.txt');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024); // sparse: 50 MB on paper, nothing on disk
    closeSync(fd);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    const missing = join(dir, 'missing.txt');
    const files = [empty, binary, good, invalid, huge, folder, missing];
    const r = rasd(['analyze', '--jsonl', ...files]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.source)).toEqual(files);
    expect(lines[2].statements.length).toBe(1);
    for (const i of [0, 1, 3, 4, 5, 6]) expect(typeof lines[i].error).toBe('string');
    expect(lines[4].error).toMatch(/--max-bytes/);
    expect(lines[5].error).toMatch(/directory/);
    expect(lines[6].error).toMatch(/does not exist/);
    const messages = r.stderr.trim().split('\n');
    expect(messages).toHaveLength(6);
  });

  it('reads standard input with -', () => {
    const r = rasd(['analyze', '--jsonl', '-'], article);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).statements).toHaveLength(1);
  });

  it('shows a readable view grouped by speaker', () => {
    const r = rasd(['analyze', '-'], article + 'وأضاف عبد الله أن "الطرق مفتوحة".\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('سالم عبد الله');
    const statementsPart = r.stdout.split('entities')[0]!;
    expect(statementsPart.match(/سالم عبد الله/g)).toHaveLength(1);
    expect(r.stdout).toContain('«الطرق مفتوحة»');
  });

  it('stops quietly when the reader of its output goes away', () => {
    const many = Array.from({ length: 400 }, () => article).join('\n');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" analyze --jsonl - | head -c 100 > /dev/null`], { input: many, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('reads the HTML pages of a web archive, one article per page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasd-warc-'));
    const f = join(dir, 'crawl.warc.gz');
    const record = (type: string, uri: string, block: string) => {
      const bytes = Buffer.from(block);
      const head = `WARC/1.1\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nContent-Length: ${bytes.length}\r\n\r\n`;
      return gzipSync(Buffer.concat([Buffer.from(head), bytes, Buffer.from('\r\n\r\n')]));
    };
    const uri = 'https://news.example.iq/news/1';
    const page = `<html><head><title>مؤتمر صحفي</title></head><body><article><p>${article}</p></article></body></html>`;
    const request = record('request', uri, 'GET /news/1 HTTP/1.1\r\n\r\n');
    const response = record('response', uri, `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${page}`);
    writeFileSync(f, Buffer.concat([request, response]));
    const r = rasd(['analyze', '--jsonl', f]);
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout.trim());
    expect([o.source, o.document.url]).toEqual([`${f}#${uri}`, uri]);
    expect(o.statements).toHaveLength(1);
  });

  it('refuses a bad option value with a message and status 1', () => {
    const r = rasd(['analyze', '--max-bytes', 'lots', 'x.txt']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/max-bytes/);
  });
});
