// The entities of an original article, each given one identity across articles (see
// link/identity.ts for the keys): an existing entity when a key finds exactly one, a new one
// otherwise. Runs inside the ingester's transaction, after the article has its story.
import type { ArticleDoc, Entity } from '../core/types.js';
import { aliasKey, firstLastKey, identityKeys, lastKey, type IdentityKeys } from '../link/identity.js';
import { insertRows, type Db } from '../store/db.js';

/** Candidates read for one key: a key shared by more entities than this resolves nothing anyway. */
const MAX_CANDIDATES = 50;

export class EntityIndex {
  constructor(private readonly db: Db) {}

  /** Indexes the article's entities, replacing what was indexed before (reanalyze); returns their ids in doc order. */
  async index(articleId: number, doc: ArticleDoc, story: number | null): Promise<number[]> {
    await this.clear(articleId);
    const day = doc.published;
    const ids: number[] = [];
    for (const e of doc.entities) {
      const keys = identityKeys(e);
      const id = (await this.resolve(keys, story)) ?? (await this.create(e, keys.ref));
      // Sent together (a PostgreSQL connection runs them in order without a round trip each).
      const [mentioned] = await Promise.all([
        this.db.run('INSERT INTO entity_mentions (entity_id, article_id, name, spans) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', id, articleId, e.name, JSON.stringify(e.mentions)),
        this.addAliases(id, e, keys),
      ]);
      if (mentioned > 0) await this.touch(id, e, day);
      ids.push(id);
    }
    return ids;
  }

  /** Forgets the article's mentions (its entities keep their names and aliases). */
  async clear(articleId: number): Promise<void> {
    const rows = await this.db.all<{ entity_id: number; name: string }>('SELECT entity_id, name FROM entity_mentions WHERE article_id = ?', articleId);
    if (!rows.length) return;
    await Promise.all([
      ...rows.flatMap((r) => [
        this.db.run('UPDATE entities SET articles = articles - 1 WHERE id = ?', r.entity_id),
        this.db.run('UPDATE entity_names SET articles = articles - 1 WHERE entity_id = ? AND name = ?', r.entity_id, r.name),
      ]),
      this.db.run('DELETE FROM entity_mentions WHERE article_id = ?', articleId),
    ]);
  }

  private async resolve(k: IdentityKeys, story: number | null): Promise<number | null> {
    // A bare surname is first tried against the full names; failing that, it joins the entity of
    // that bare surname (which stands for "someone called so").
    if (k.single) {
      const person = await this.bySurname(k.single, story);
      if (person !== null) return person;
    }
    const byRef = await this.db.get<{ id: number }>('SELECT id FROM entities WHERE ref = ?', k.ref);
    if (byRef) return byRef.id;
    const type = k.ref.startsWith('gazetteer:') ? null : k.ref.slice(0, k.ref.indexOf(':'));
    // Another name it was called in the article, known for exactly one entity of its type.
    const named = new Set<number>();
    for (const n of k.names) for (const id of await this.withAlias(type ? aliasKey(type, n) : null, n)) named.add(id);
    if (named.size === 1) return [...named][0]!;
    if (named.size > 1) return null;
    // A person known by the first and last word of this name («محمد السوداني» for «محمد شياع السوداني»).
    if (k.firstLast) {
      const ids = await this.candidates(aliasKey('PER', k.firstLast));
      if (ids.length === 1) return ids[0]!;
    }
    // The one person of the story whose longer name starts and ends with this one.
    if (k.short && story !== null) return this.inStory(await this.candidates(firstLastKey(k.short)), story);
    return null;
  }

  /** Entities with an alias key; for a gazetteer place, any type of place named so. */
  private async withAlias(key: string | null, name: string): Promise<number[]> {
    if (key) return this.candidates(key);
    const ids = new Set<number>();
    for (const t of ['GPE', 'LOC', 'FAC']) for (const id of await this.candidates(aliasKey(t, name))) ids.add(id);
    return [...ids];
  }

  private async candidates(key: string): Promise<number[]> {
    return (await this.db.all<{ entity_id: number }>(`SELECT entity_id FROM entity_aliases WHERE key = ? LIMIT ${MAX_CANDIDATES}`, key)).map((r) => r.entity_id);
  }

  /**
   * The person a bare surname stands for: the one person of that surname in the article's story,
   * else the one person of that surname in the store; none when it is ambiguous.
   */
  private async bySurname(word: string, story: number | null): Promise<number | null> {
    const ids = await this.candidates(lastKey(word));
    if (ids.length === 1) return ids[0]!;
    return story === null ? null : this.inStory(ids, story);
  }

  /** The one of these entities mentioned in the story's articles; none when several or none are. */
  private async inStory(ids: number[], story: number): Promise<number | null> {
    if (!ids.length) return null;
    const inStory = await this.db.all<{ entity_id: number }>(
      `SELECT DISTINCT m.entity_id FROM entity_mentions m JOIN articles a ON a.id = m.article_id
       WHERE a.story_id = ? AND m.entity_id ${this.db.inList('int')}`,
      story, this.db.list(ids),
    );
    return inStory.length === 1 ? inStory[0]!.entity_id : null;
  }

  private async create(e: Entity, ref: string): Promise<number> {
    const r = await this.db.get<{ id: number }>(
      'INSERT INTO entities (ref, name, type, lat, lon, source) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      ref, e.name, e.type, e.coordinates?.lat ?? null, e.coordinates?.lon ?? null, e.source ?? 'article',
    );
    return r!.id;
  }

  /**
   * Counts the article, and the name it used; the entity is called by the name most articles use
   * (a curated actor or a place keeps its own). Coordinates learnt later are kept.
   */
  private async touch(id: number, e: Entity, day: string | null): Promise<void> {
    // The count of the name first: the update below reads it (one connection runs them in order).
    const named = this.db.run(
      'INSERT INTO entity_names (entity_id, name, articles) VALUES (?, ?, 1) ON CONFLICT (entity_id, name) DO UPDATE SET articles = entity_names.articles + 1',
      id, e.name,
    );
    const lat = e.coordinates?.lat ?? null, lon = e.coordinates?.lon ?? null;
    const counted = this.db.run(
      `UPDATE entities SET articles = articles + 1,
         first_day = CASE WHEN CAST(? AS TEXT) IS NOT NULL AND (first_day IS NULL OR ? < first_day) THEN ? ELSE first_day END,
         last_day = CASE WHEN CAST(? AS TEXT) IS NOT NULL AND (last_day IS NULL OR ? > last_day) THEN ? ELSE last_day END,
         lat = coalesce(lat, CAST(? AS DOUBLE PRECISION)), lon = coalesce(lon, CAST(? AS DOUBLE PRECISION)),
         name = CASE WHEN source = 'article'
           AND (SELECT articles FROM entity_names WHERE entity_id = ? AND name = ?) > coalesce((SELECT articles FROM entity_names n WHERE n.entity_id = ? AND n.name = entities.name), 0)
           THEN ? ELSE name END
       WHERE id = ?`,
      day, day, day, day, day, day, lat, lon, id, e.name, id, e.name, id,
    );
    await Promise.all([named, counted]);
  }

  private async addAliases(id: number, e: Entity, k: IdentityKeys): Promise<void> {
    const aliases = insertRows(this.db, 'INSERT INTO entity_aliases (key, entity_id) VALUES', [...new Set(k.aliasKeys)].map((key) => [key, id]), 'ON CONFLICT DO NOTHING');
    // Printed forms, for display: every way the articles wrote it (the name each used is counted in touch).
    const printed = insertRows(this.db, 'INSERT INTO entity_names (entity_id, name, articles) VALUES', [...new Set([e.name, ...e.aliases])].map((a) => [id, a, 0]), 'ON CONFLICT DO NOTHING');
    await Promise.all([aliases, printed]);
  }
}
