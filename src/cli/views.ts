// Everything the terminal shows, in one place.
import type { ArticleDoc, Statement } from '../core/types.js';
import type { Tally } from '../ingest/ingester.js';
import type { Copy, SearchResult, Snippet } from '../store/search.js';
import type { Stats } from '../store/stats.js';
import type { EntityRow, StoryRow, TimelineEntry } from '../store/links.js';
import type { Contradiction, Denial, StatementRecord } from '../link/claims.js';
import type { MergedStatement } from '../link/statements.js';

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);

const STANCE_AR: Record<string, string> = { assert: 'يقول', deny: 'ينفي', confirm: 'يؤكد', announce: 'يعلن', commit: 'يتعهد' };

export function renderDoc(doc: ArticleDoc): string {
  const lines: string[] = [];
  lines.push(bold(`── ${doc.source}`));
  if (doc.title) lines.push(`   ${doc.title}`);
  const meta = [
    doc.published ? `published ${doc.published}${doc.publishedFrom && doc.publishedFrom !== 'metadata' ? ` (${doc.publishedFrom})` : ''}` : 'no publication date',
    doc.outlet ? `outlet ${doc.outlet}` : null,
    `${doc.statements.length} statement${doc.statements.length === 1 ? '' : 's'}`,
    doc.removed.length ? `${doc.removed.length} boilerplate line${doc.removed.length === 1 ? '' : 's'} removed` : null,
  ].filter(Boolean);
  lines.push(dim(`   ${meta.join(' · ')}`));
  for (const [speaker, list] of bySpeaker(doc.statements)) {
    const first = list[0]!;
    const who = [first.role !== speaker ? first.role : null, first.organization && first.organization !== speaker ? first.organization : null].filter(Boolean).join(' — ');
    lines.push('', `  ${bold(speaker || '(unknown speaker)')}${who ? dim(`  ${who}`) : ''}`);
    for (const s of list) {
      const tags = [s.stance, STANCE_AR[s.stance], s.kind, s.channel !== 'unknown' ? s.channel : null, s.date].filter(Boolean).join(' · ');
      lines.push(`    ${dim(`[${tags}]`)} «${ellipsis(s.quote, 220)}» ${dim(`@${s.span[0]}–${s.span[1]}`)}`);
    }
  }
  if (doc.events.length) {
    lines.push('', `  ${bold('events')}`);
    for (const e of doc.events) {
      const facts = [e.date, e.location, e.killed != null ? `killed ${e.killed}` : null, e.injured != null ? `injured ${e.injured}` : null, e.count != null ? `count ${e.count}` : null]
        .filter(Boolean).join(' · ');
      lines.push(`    ${e.type}${facts ? dim(`  ${facts}`) : ''}${e.actors.length ? dim(`  — ${e.actors.join('، ')}`) : ''}`);
      lines.push(`      «${ellipsis(doc.text.slice(e.span[0], e.span[1]), 160)}» ${dim(`@${e.span[0]}–${e.span[1]}`)}`);
    }
  }
  if (doc.entities.length) {
    lines.push('', `  ${bold('entities')}`);
    const byType = new Map<string, string[]>();
    for (const e of doc.entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e.aliases.length > 1 ? `${e.name} (${e.aliases.filter((a) => a !== e.name).join('، ')})` : e.name]);
    for (const [type, names] of byType) lines.push(`    ${dim(type.padEnd(4))}${names.join(' · ')}`);
  }
  for (const d of doc.diagnostics) lines.push(dim(`  ! ${d.stage}/${d.rule}: ${d.reason}`));
  return lines.join('\n') + '\n\n';
}

function bySpeaker(statements: Statement[]): Map<string, Statement[]> {
  const m = new Map<string, Statement[]>();
  for (const s of statements) {
    const list = m.get(s.speaker) ?? [];
    list.push(s);
    m.set(s.speaker, list);
  }
  return m;
}

const ellipsis = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\s+/g, ' ');

/** Reader messages already name the file; others get it in front. */
export const renderError = (source: string, error: string) => `rasd: ${error.includes(source) ? error : `${source}: ${error}`}\n`;

export const renderSummary = (ok: number, failed: number) =>
  dim(`${ok} article${ok === 1 ? '' : 's'} analysed${failed ? `, ${failed} failed` : ''}.`) + '\n';

const n = (x: number) => x.toLocaleString('en');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

export interface IngestRun {
  db: string;
  seconds: number;
  skipped: string[];
  interrupted: boolean;
}

/** The summary at the end of `rasd ingest` / `rasd watch`. */
export function renderIngestSummary(t: Tally, run: IngestRun): string {
  const seen = t.stored + t.duplicates + t.unchanged + t.failed;
  const rate = run.seconds > 0 ? ` (${n(Math.round(seen / run.seconds))}/s)` : '';
  const kinds = Object.entries(t.byKind).filter(([, v]) => v).map(([k, v]) => `${n(v)} ${DUP_LABEL[k]}`);
  const lines = [
    `${run.interrupted ? 'Stopped early; ' : ''}${plural(seen, 'input')} in ${run.seconds.toFixed(1)} s${rate} → ${run.db}`,
    `  stored ${n(t.stored)} · duplicates ${n(t.duplicates)}${kinds.length ? ` (${kinds.join(', ')})` : ''} · unchanged ${n(t.unchanged)} · failed ${n(t.failed)}`,
  ];
  if (t.failed > 20) lines.push(`  ${n(t.failed - 20)} more failures are not shown; they are kept in the database (rasd stats).`);
  if (run.skipped.length) lines.push(`  ${plural(run.skipped.length, 'file')} skipped: not an article format (.txt .html .json .jsonl .warc, optionally .gz), e.g. ${run.skipped[0]}`);
  if (run.interrupted) lines.push('  Everything stored so far is committed; run the same command again to continue.');
  return lines.join('\n') + '\n';
}

const DUP_LABEL: Record<string, string> = { url: 'same URL', content: 'same content', near: 'near-duplicate' };

const highlight = (s: string) => (color ? `\x1b[1;33m${s}\x1b[0m` : `[${s}]`);

/** Search results: title, provenance, and the snippet with the matched words marked. */
export function renderSearch(r: SearchResult, q: { limit: number; offset?: number }, ms: number): string {
  const out: string[] = [];
  r.hits.forEach((h, i) => {
    out.push(`${bold(`${(q.offset ?? 0) + i + 1}. ${h.title ?? '(no title)'}`)}`);
    out.push(dim(`   ${[h.outlet, h.published, h.url ?? h.source, `#${h.id}`].filter(Boolean).join(' · ')}`));
    out.push(`   ${markSnippet(h.text, h.snippet)}`);
    if (h.copies.length) out.push(dim(`   also carried by: ${carriers(h.copies)}`));
    out.push('');
  });
  const shown = r.hits.length ? `${(q.offset ?? 0) + 1}–${(q.offset ?? 0) + r.hits.length}` : '0';
  out.push(dim(`${plural(r.total, 'article')} found; showing ${shown} (${ms.toFixed(1)} ms).`));
  return out.join('\n') + '\n';
}

/** The outlets of an article's duplicates, each once, with how many copies it ran. */
function carriers(copies: Copy[]): string {
  const by = new Map<string, number>();
  for (const c of copies) by.set(c.outlet ?? '(no outlet)', (by.get(c.outlet ?? '(no outlet)') ?? 0) + 1);
  return [...by].map(([o, k]) => (k > 1 ? `${o} ×${k}` : o)).join(', ');
}

function markSnippet(text: string, s: Snippet): string {
  let out = s.span[0] > 0 ? '… ' : '';
  let at = s.span[0];
  for (const [a, b] of s.highlights) {
    out += text.slice(at, a) + highlight(text.slice(a, b));
    at = b;
  }
  out += text.slice(at, s.span[1]) + (s.span[1] < text.length ? ' …' : '');
  return out.replace(/\s+/g, ' ');
}

export function renderStats(s: Stats): string {
  const mb = (s.sizeBytes / 1024 / 1024).toFixed(1);
  const lines = [
    bold(`${s.path}`) + dim(`  ${mb} MB · schema ${s.schemaVersion}`),
    `  articles     ${n(s.articles)} (${n(s.originals)} originals; duplicates: ${n(s.duplicates.url)} same URL, ${n(s.duplicates.content)} same content, ${n(s.duplicates.near)} near)`,
    `  published    ${s.published.first ?? '—'} … ${s.published.last ?? '—'}${s.published.undated ? ` (${n(s.published.undated)} undated)` : ''}`,
    `  extracted    ${n(s.statements)} statements · ${n(s.entities)} entities · ${n(s.events)} events`,
    `  learned      ${plural(s.learnedLines, 'boilerplate line')} · ${plural(s.feeds, 'feed')} followed · ${plural(s.failures, 'failed source')}`,
  ];
  if (s.outdated) lines.push(`  ${plural(s.outdated, 'article')} analysed by an older rasd; run \`rasd reanalyze\` to bring them up to date.`);
  lines.push('  outlets');
  for (const o of s.outlets) lines.push(`    ${n(o.articles).padStart(8)}  ${o.outlet}`);
  return lines.join('\n') + '\n';
}

export function renderStories(rows: StoryRow[], heading = 'stories'): string {
  if (!rows.length) return dim(`No ${heading}.`) + '\n';
  const lines = [bold(heading)];
  for (const r of rows) {
    const span = r.first_day === r.last_day ? r.first_day ?? '' : `${r.first_day} … ${r.last_day}`;
    lines.push(`  ${dim(`#${r.id}`.padEnd(7))}${r.title ?? '(no title)'}`, dim(`         ${plural(r.articles, 'article')} · ${plural(r.outlets, 'outlet')} · ${span}`));
  }
  return lines.join('\n') + '\n';
}

export function renderStoryTimeline(story: StoryRow, entries: TimelineEntry[]): string {
  const lines = [bold(`#${story.id} ${story.title ?? ''}`), dim(`  ${plural(story.articles, 'article')} · ${plural(story.outlets, 'outlet')}`)];
  for (const e of entries) {
    lines.push(`  ${e.published ?? '—'}  ${bold(e.outlet ?? '(no outlet)')}  ${e.title ?? ''}${e.duplicate_kind ? dim(` (${DUP_LABEL[e.duplicate_kind]})`) : ''}`);
    lines.push(dim(`              ${e.url ?? e.source} · #${e.id}`));
    for (const s of e.statements.slice(0, 4)) lines.push(`              ${s.speaker}: «${ellipsis(s.quote, 140)}» ${dim(`[${s.stance}]`)}`);
    if (e.statements.length > 4) lines.push(dim(`              … ${e.statements.length - 4} more statements`));
  }
  return lines.join('\n') + '\n';
}

const statementLine = (s: StatementRecord) =>
  `  ${s.date ?? '—'}  ${bold(s.speaker)}${s.organization && s.organization !== s.speaker ? dim(` (${s.organization})`) : ''}: «${ellipsis(s.quote, 180)}» ${dim(`[${s.stance}] ${s.outlet ?? ''} ${s.url ?? s.source} @${s.span[0]}–${s.span[1]}`)}`;

/** A statement once, with the other reports of it (outlet and span each). */
const mergedLines = (m: MergedStatement): string[] => {
  const [first, ...rest] = m.sources;
  const lines = [statementLine(first!)];
  if (rest.length) lines.push(dim(`      also reported: ${rest.map((s) => `${s.outlet ?? s.source} ${s.date ?? ''} @${s.span[0]}–${s.span[1]}`).join(' · ')}`));
  return lines;
};

const TYPE_LABEL: Record<string, string> = { PER: 'person', ORG: 'organisation', GPE: 'place', LOC: 'place', FAC: 'facility' };

const entityLine = (e: EntityRow): string[] => {
  const where = e.lat !== null && e.lon !== null ? ` · ${e.lat.toFixed(3)}, ${e.lon.toFixed(3)}` : '';
  const days = e.first_day ? ` · ${e.first_day === e.last_day ? e.first_day : `${e.first_day} … ${e.last_day}`}` : '';
  const also = e.names.filter((n) => n !== e.name).slice(0, 6);
  return [
    `  ${dim(`#${e.id}`.padEnd(8))}${bold(e.name)} ${dim(`${TYPE_LABEL[e.type] ?? e.type} · ${plural(e.articles, 'article')}${days}${where}`)}`,
    ...(also.length ? [dim(`          also: ${also.join(' · ')}`)] : []),
  ];
};

export function renderEntities(rows: EntityRow[], name?: string): string {
  if (!rows.length) return dim(name ? `No entity called ${name}.` : 'No entities.') + '\n';
  return [bold(name ? `entities called ${name}` : 'entities'), ...rows.flatMap(entityLine)].join('\n') + '\n';
}

export function renderWhoSaid(name: string, said: { entities: EntityRow[]; by: MergedStatement[]; about: MergedStatement[] }): string {
  const lines: string[] = [];
  if (said.entities.length > 1) {
    lines.push(bold(`${name} names ${said.entities.length} entities`) + dim(' (shown together; pick one with --id)'), ...said.entities.flatMap(entityLine), '');
  } else if (said.entities.length === 1) lines.push(...entityLine(said.entities[0]!), '');
  const byEntity = new Map(said.entities.map((e) => [e.id, e]));
  const mark = (m: MergedStatement) => {
    const e = said.entities.length > 1 ? byEntity.get(m.sources[0]!.speakerEntity ?? -1) : undefined;
    return e ? [dim(`  [#${e.id} ${e.name}]`), ...mergedLines(m)] : mergedLines(m);
  };
  lines.push(bold(`said by ${name}`) + dim(` (${said.by.length})`), ...said.by.flatMap(mark));
  lines.push(bold(`said about ${name}`) + dim(` (${said.about.length})`), ...said.about.flatMap(mergedLines));
  return lines.join('\n') + '\n';
}

export function renderContradictions(pairs: Contradiction[], denied: Denial[]): string {
  const lines = [bold(`contradictions`) + dim(` (${pairs.length})`)];
  for (const c of pairs) lines.push(statementLine(c.a), statementLine(c.b), dim(`    why: ${c.why} score ${c.score}`), '');
  lines.push(bold('denials') + dim(` (${denied.length})`));
  for (const d of denied) {
    lines.push(statementLine(d.denial));
    if (d.proposition && !d.claims.length) lines.push(dim(`    denies: «${ellipsis(d.proposition, 160)}»`));
    for (const c of d.claims.slice(0, 3)) lines.push('    denies ' + statementLine(c).trim());
    lines.push(dim(`    why: ${d.why}`), '');
  }
  return lines.join('\n') + '\n';
}
