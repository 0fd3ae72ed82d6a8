// The entities of an original article, each given one identity across articles (see
// link/identity.ts for the keys): an existing entity when a key finds exactly one, a new one
// otherwise. Runs inside the ingester's transaction, after the article has its story.
import type { ArticleDoc, Entity } from '../core/types.js';
import { aliasKey, firstLastKey, identityKeys, lastKey, type IdentityKeys } from '../link/identity.js';
import type { Store } from '../store/sqlite.js';

/** Candidates read for one key: a key shared by more entities than this resolves nothing anyway. */
const MAX_CANDIDATES = 50;

export class EntityIndex {
  constructor(private readonly store: Store) {}

  /** Indexes the article's entities, replacing what was indexed before (reanalyze); returns their ids in doc order. */
  index(articleId: number, doc: ArticleDoc, story: number | null): number[] {
    this.clear(articleId);
    const day = doc.published;
    const ids: number[] = [];
    const mention = this.store.prep('INSERT OR IGNORE INTO entity_mentions (entity_id, article_id, name, spans) VALUES (?, ?, ?, ?)');
    for (const e of doc.entities) {
      const keys = identityKeys(e);
      const id = this.resolve(keys, story) ?? this.create(e, keys.ref);
      const added = mention.run(id, articleId, e.name, JSON.stringify(e.mentions)).changes > 0;
      this.addAliases(id, e, keys);
      if (added) this.touch(id, e, day);
      ids.push(id);
    }
    return ids;
  }

  /** Forgets the article's mentions (its entities keep their names and aliases). */
  clear(articleId: number): void {
    const rows = this.store.prep('SELECT entity_id, name FROM entity_mentions WHERE article_id = ?').all(articleId) as { entity_id: number; name: string }[];
    if (!rows.length) return;
    const dec = this.store.prep('UPDATE entities SET articles = articles - 1 WHERE id = ?');
    const name = this.store.prep('UPDATE entity_names SET articles = articles - 1 WHERE entity_id = ? AND name = ?');
    for (const r of rows) {
      dec.run(r.entity_id);
      name.run(r.entity_id, r.name);
    }
    this.store.prep('DELETE FROM entity_mentions WHERE article_id = ?').run(articleId);
  }

  private resolve(k: IdentityKeys, story: number | null): number | null {
    // A bare surname is first tried against the full names; failing that, it joins the entity of
    // that bare surname (which stands for "someone called so").
    if (k.single) {
      const person = this.bySurname(k.single, story);
      if (person !== null) return person;
    }
    const byRef = this.store.prep('SELECT id FROM entities WHERE ref = ?').get(k.ref) as { id: number } | undefined;
    if (byRef) return byRef.id;
    const type = k.ref.startsWith('gazetteer:') ? null : k.ref.slice(0, k.ref.indexOf(':'));
    // Another name it was called in the article, known for exactly one entity of its type.
    const named = new Set<number>();
    for (const n of k.names) for (const id of this.withAlias(type ? aliasKey(type, n) : null, n)) named.add(id);
    if (named.size === 1) return [...named][0]!;
    if (named.size > 1) return null;
    // A person known by the first and last word of this name («محمد السوداني» for «محمد شياع السوداني»).
    if (k.firstLast) {
      const ids = this.candidates(aliasKey('PER', k.firstLast));
      if (ids.length === 1) return ids[0]!;
    }
    // The one person of the story whose longer name starts and ends with this one.
    if (k.short && story !== null) return this.inStory(this.candidates(firstLastKey(k.short)), story);
    return null;
  }

  /** Entities with an alias key; for a gazetteer place, any type of place named so. */
  private withAlias(key: string | null, name: string): number[] {
    if (key) return this.candidates(key);
    return [...new Set(['GPE', 'LOC', 'FAC'].flatMap((t) => this.candidates(aliasKey(t, name))))];
  }

  private candidates(key: string): number[] {
    return (this.store.prep(`SELECT entity_id FROM entity_aliases WHERE key = ? LIMIT ${MAX_CANDIDATES}`).all(key) as { entity_id: number }[]).map((r) => r.entity_id);
  }

  /**
   * The person a bare surname stands for: the one person of that surname in the article's story,
   * else the one person of that surname in the store; none when it is ambiguous.
   */
  private bySurname(word: string, story: number | null): number | null {
    const ids = this.candidates(lastKey(word));
    if (ids.length === 1) return ids[0]!;
    return story === null ? null : this.inStory(ids, story);
  }

  /** The one of these entities mentioned in the story's articles; none when several or none are. */
  private inStory(ids: number[], story: number): number | null {
    if (!ids.length) return null;
    const inStory = this.store
      .prep(
        `SELECT DISTINCT m.entity_id FROM entity_mentions m JOIN articles a ON a.id = m.article_id
         WHERE a.story_id = ? AND m.entity_id IN (SELECT value FROM json_each(?))`,
      )
      .all(story, JSON.stringify(ids)) as { entity_id: number }[];
    return inStory.length === 1 ? inStory[0]!.entity_id : null;
  }

  private create(e: Entity, ref: string): number {
    const r = this.store
      .prep('INSERT INTO entities (ref, name, type, lat, lon, source) VALUES (?, ?, ?, ?, ?, ?)')
      .run(ref, e.name, e.type, e.coordinates?.lat ?? null, e.coordinates?.lon ?? null, e.source ?? 'article');
    return Number(r.lastInsertRowid);
  }

  /**
   * Counts the article, and the name it used; the entity is called by the name most articles use
   * (a curated actor or a place keeps its own). Coordinates learnt later are kept.
   */
  private touch(id: number, e: Entity, day: string | null): void {
    this.store
      .prep('INSERT INTO entity_names (entity_id, name, articles) VALUES (?, ?, 1) ON CONFLICT (entity_id, name) DO UPDATE SET articles = articles + 1')
      .run(id, e.name);
    this.store
      .prep(
        `UPDATE entities SET articles = articles + 1,
           first_day = CASE WHEN @day IS NOT NULL AND (first_day IS NULL OR @day < first_day) THEN @day ELSE first_day END,
           last_day = CASE WHEN @day IS NOT NULL AND (last_day IS NULL OR @day > last_day) THEN @day ELSE last_day END,
           lat = coalesce(lat, @lat), lon = coalesce(lon, @lon),
           name = CASE WHEN source = 'article'
             AND (SELECT articles FROM entity_names WHERE entity_id = @id AND name = @name) > coalesce((SELECT articles FROM entity_names WHERE entity_id = @id AND name = entities.name), 0)
             THEN @name ELSE name END
         WHERE id = @id`,
      )
      .run({ day, lat: e.coordinates?.lat ?? null, lon: e.coordinates?.lon ?? null, name: e.name, id });
  }

  private addAliases(id: number, e: Entity, k: IdentityKeys): void {
    const q = this.store.prep('INSERT OR IGNORE INTO entity_aliases (key, entity_id) VALUES (?, ?)');
    for (const key of k.aliasKeys) q.run(key, id);
    // Printed forms, for display: every way the articles wrote it (the name each used is counted in touch).
    const printed = this.store.prep('INSERT OR IGNORE INTO entity_names (entity_id, name, articles) VALUES (?, ?, 0)');
    for (const a of new Set([e.name, ...e.aliases])) printed.run(id, a);
  }
}
