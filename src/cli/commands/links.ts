// rasd stories / timeline / who-said / contradictions: reading across articles.
import { contradictions, DEFAULT_CLAIMS, denials, type ClaimOptions } from '../../link/claims.js';
import { mergeStatements } from '../../link/statements.js';
import { queryStem } from '../../lang/ar/stem.js';
import { tokenize } from '../../lang/ar/tokenize.js';
import { listStories, statementsIn, statementsOf, storiesNaming, storyTimeline, type Range } from '../../store/links.js';
import { renderContradictions, renderError, renderStories, renderStoryTimeline, renderWhoSaid } from '../views.js';
import { openStore } from './db.js';

interface Common extends Range {
  db: string;
  json: boolean;
  limit: number;
}

const out = (s: string) => void process.stdout.write(s);
const json = (x: unknown) => out(JSON.stringify(x) + '\n');

export function storiesCommand(opts: Common & { min: number }): number {
  const store = openStore(opts.db, true);
  if (!store) return 1;
  try {
    const rows = listStories(store, opts);
    if (opts.json) rows.forEach(json);
    else out(renderStories(rows));
    return 0;
  } finally {
    store.close();
  }
}

export function timelineCommand(target: string, opts: Common): number {
  const store = openStore(opts.db, true);
  if (!store) return 1;
  try {
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
    const stems = tokenize(target).filter((t) => t.word).map((t) => queryStem(t.text));
    if (!stems.length) {
      process.stderr.write(renderError('timeline', 'Give a story number (from `rasd stories`) or a name to follow.'));
      return 2;
    }
    const stories = storiesNaming(store, `entities : "${stems.join(' ')}"`, opts.limit);
    const said = statementsOf(store, target, opts);
    const merged = { by: mergeStatements(said.by), about: mergeStatements(said.about) };
    if (opts.json) json({ stories, ...merged });
    else out(renderStories(stories, `stories naming ${target}`) + renderWhoSaid(target, merged));
    return 0;
  } finally {
    store.close();
  }
}

export function whoSaidCommand(name: string, opts: Common): number {
  const store = openStore(opts.db, true);
  if (!store) return 1;
  try {
    // The same statement reported by several outlets is shown once, with all its sources.
    const said = statementsOf(store, name, opts);
    const merged = { by: mergeStatements(said.by), about: mergeStatements(said.about) };
    if (opts.json) json(merged);
    else out(renderWhoSaid(name, merged));
    return 0;
  } finally {
    store.close();
  }
}

export function contradictionsCommand(opts: Common & Partial<ClaimOptions>): number {
  const store = openStore(opts.db, true);
  if (!store) return 1;
  try {
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
  } finally {
    store.close();
  }
}
