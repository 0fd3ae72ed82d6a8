// rasd stories / timeline / who-said / contradictions: reading across articles.
import { contradictions, DEFAULT_CLAIMS, denials, type ClaimOptions } from '../../link/claims.js';
import { groupReports, type MergedStatement } from '../../link/statements.js';
import { entityById, findEntities, listEntities, listStories, statementsIn, statementsNamed, statementsOfEntities, storiesNaming, storyTimeline, type EntityRow, type Range } from '../../store/links.js';
import { matchExpression, QueryError } from '../../store/search.js';
import type { Store } from '../../store/sqlite.js';
import { renderContradictions, renderEntities, renderError, renderStories, renderStoryTimeline, renderWhoSaid } from '../views.js';
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
  }, 'rasd stories');
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
  }, 'rasd timeline');
}

export function whoSaidCommand(name: string, opts: Common & { id?: number }): number {
  return withReadStore(opts.db, (store) => {
    if (opts.id !== undefined && !entityById(store, opts.id)) {
      process.stderr.write(renderError('who-said', `There is no entity #${opts.id} in ${opts.db}; \`rasd entities NAME\` lists them.`));
      return 1;
    }
    const said = saidBy(store, name, opts);
    if (opts.json) json(said);
    else out(renderWhoSaid(name, said));
    return 0;
  }, 'rasd who-said');
}

export interface Said {
  /** The entities the name stands for (several when people share it); none when no entity is called so. */
  entities: EntityRow[];
  by: MergedStatement[];
  about: MergedStatement[];
}

/**
 * Statements by and about a name: by the entities called so when there are any (or the one chosen
 * with --id), else by speakers whose name contains it. Each statement once, with all its sources.
 */
function saidBy(store: Store, name: string, opts: Common & { id?: number }): Said {
  const chosen = opts.id !== undefined ? entityById(store, opts.id) : null;
  const entities = chosen ? [chosen] : findEntities(store, name, { limit: 20 });
  const said = entities.length ? statementsOfEntities(store, entities, opts) : statementsNamed(store, name, opts);
  return { entities, by: groupReports(said.by), about: groupReports(said.about) };
}

export function entitiesCommand(name: string | undefined, opts: Common & { type?: string }): number {
  return withReadStore(opts.db, (store) => {
    const rows = listEntities(store, { text: name, type: opts.type, limit: opts.limit });
    if (opts.json) rows.forEach(json);
    else out(renderEntities(rows, name));
    return 0;
  }, 'rasd entities');
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
  }, 'rasd contradictions');
}
