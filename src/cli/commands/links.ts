// rasd stories / timeline / who-said / contradictions: reading across articles.
import { contradictions, DEFAULT_CLAIMS, denials, type ClaimOptions } from '../../link/claims.js';
import { mergeStatements } from '../../link/statements.js';
import { listStories, statementsIn, statementsOf, storiesNaming, storyTimeline, type Range } from '../../store/links.js';
import { matchExpression, QueryError } from '../../store/search.js';
import type { Store } from '../../store/sqlite.js';
import { renderContradictions, renderError, renderStories, renderStoryTimeline, renderWhoSaid } from '../views.js';
import { withReadStore } from './db.js';

interface Common extends Range {
  db: string;
  json: boolean;
  limit: number;
}

const out = (s: string) => void process.stdout.write(s);
const json = (x: unknown) => out(JSON.stringify(x) + '\n');

export function storiesCommand(opts: Common & { min: number }): number {
  return withReadStore(opts.db, (store) => {
    const rows = listStories(store, opts);
    if (opts.json) rows.forEach(json);
    else out(renderStories(rows));
    return 0;
  });
}

export function timelineCommand(target: string, opts: Common): number {
  return withReadStore(opts.db, (store) => {
    const id = /^#?(\d+)$/.exec(target.trim())?.[1];
    if (id) {
      const t = storyTimeline(store, Number(id));
      if (!t.story) {
        process.stderr.write(renderError('timeline', `There is no story #${id} in ${opts.db}; \`rasd stories\` lists them.`));
        return 1;
      }
      if (opts.json) json(t);
      else out(renderStoryTimeline(t.story, t.entries));
      return 0;
    }
    let naming: string | null;
    try {
      naming = matchExpression({ text: '', entity: target, limit: opts.limit });
    } catch (e) {
      if (!(e instanceof QueryError)) throw e;
      process.stderr.write(renderError('timeline', 'Give a story number (from `rasd stories`) or a name to follow.'));
      return 2;
    }
    const stories = storiesNaming(store, naming!, opts.limit);
    const said = saidBy(store, target, opts);
    if (opts.json) json({ stories, ...said });
    else out(renderStories(stories, `stories naming ${target}`) + renderWhoSaid(target, said));
    return 0;
  });
}

export function whoSaidCommand(name: string, opts: Common): number {
  return withReadStore(opts.db, (store) => {
    const said = saidBy(store, name, opts);
    if (opts.json) json(said);
    else out(renderWhoSaid(name, said));
    return 0;
  });
}

/** Statements by and about a name; the same statement reported by several outlets once, with all its sources. */
function saidBy(store: Store, name: string, opts: Common) {
  const said = statementsOf(store, name, opts);
  return { by: mergeStatements(said.by), about: mergeStatements(said.about) };
}

export function contradictionsCommand(opts: Common & Partial<ClaimOptions>): number {
  return withReadStore(opts.db, (store) => {
    const claimOpts: ClaimOptions = {
      windowDays: opts.windowDays ?? DEFAULT_CLAIMS.windowDays,
      minOverlap: opts.minOverlap ?? DEFAULT_CLAIMS.minOverlap,
      minShared: opts.minShared ?? DEFAULT_CLAIMS.minShared,
    };
    const statements = statementsIn(store, opts);
    const pairs = contradictions(statements, claimOpts).slice(0, opts.limit);
    const denied = denials(statements, claimOpts).slice(0, opts.limit);
    if (opts.json) json({ contradictions: pairs, denials: denied });
    else out(renderContradictions(pairs, denied));
    return 0;
  });
}
