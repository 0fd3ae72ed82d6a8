// Everything the terminal shows, in one place.
import type { ArticleDoc, Statement } from '../core/types.js';

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
