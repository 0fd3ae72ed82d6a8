// The database schema as an ordered list of migrations. A database records how many it has run
// (PRAGMA user_version); opening it runs the missing ones, each in its own transaction, so a
// database is never left half-migrated. Never edit a migration that has shipped: add one.

export const MIGRATIONS: string[] = [
  // 1: articles with their analysis, deduplication, learned boilerplate, feeds, full-text search.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    -- Identity of the copy: the canonical URL when there is one, else the file it came from (#N: record N).
    key TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    kind TEXT NOT NULL,
    encoding TEXT NOT NULL,
    meta TEXT NOT NULL,
    -- The decoded body before cleaning, deflated (raw DEFLATE): what reanalyze starts from.
    raw BLOB NOT NULL,
    -- The cleaned text; every span in analysis points into it.
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    duplicate_of INTEGER REFERENCES articles(id),
    duplicate_kind TEXT CHECK (duplicate_kind IN ('url', 'content', 'near')),
    similarity REAL,
    -- JSON, deflated: statements, entities, events, dates, removed lines, diagnostics.
    analysis BLOB NOT NULL,
    statements INTEGER NOT NULL DEFAULT 0,
    entities INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0,
    -- name@version of every stage that made the analysis, space-separated.
    stages TEXT NOT NULL,
    -- Keys of the article's short lines, and how many of them were dropped as learned boilerplate.
    line_keys BLOB,
    learned_applied INTEGER NOT NULL DEFAULT 0,
    minhash BLOB,
    ingested_at TEXT NOT NULL,
    analysed_at TEXT NOT NULL,
    CHECK ((duplicate_of IS NULL) = (duplicate_kind IS NULL))
  );
  CREATE INDEX articles_key ON articles(key, content_hash);
  CREATE INDEX articles_hash ON articles(content_hash) WHERE duplicate_of IS NULL;
  CREATE INDEX articles_outlet ON articles(outlet, published);
  CREATE INDEX articles_published ON articles(published);
  CREATE INDEX articles_duplicate ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

  -- Locality-sensitive hashing bands of the originals' MinHash signatures.
  CREATE TABLE lsh (band INTEGER NOT NULL, hash INTEGER NOT NULL, article_id INTEGER NOT NULL,
    PRIMARY KEY (band, hash, article_id)) WITHOUT ROWID;

  -- In how many original articles of an outlet each short line occurs (learned boilerplate).
  CREATE TABLE outlet_lines (outlet TEXT NOT NULL, key INTEGER NOT NULL, articles INTEGER NOT NULL,
    PRIMARY KEY (outlet, key)) WITHOUT ROWID;

  -- Feeds and sitemaps being followed, with what makes the next poll conditional.
  CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    kind TEXT,
    title TEXT,
    etag TEXT,
    last_modified TEXT,
    last_polled TEXT,
    last_status TEXT,
    items INTEGER NOT NULL DEFAULT 0
  );

  -- Sources that could not be stored, with the reason; cleared when one is stored later.
  CREATE TABLE failures (source TEXT PRIMARY KEY, error TEXT NOT NULL, attempts INTEGER NOT NULL, at TEXT NOT NULL);

  -- Full-text search over search stems (lang/ar/stem.ts); the text itself lives in articles.
  CREATE VIRTUAL TABLE search USING fts5(
    title, body, speakers, entities,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
  );
  `,
  // 2: stories (articles about one happening, clustered as they arrive) and the statement index
  // that who-said, timelines and contradictions read.
  `
  CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    title TEXT,
    first_day TEXT,
    last_day TEXT,
    articles INTEGER NOT NULL DEFAULT 0,
    outlets INTEGER NOT NULL DEFAULT 0,
    -- The squared length of the centroid (the sum of its articles' term vectors).
    norm2 REAL NOT NULL DEFAULT 0
  );
  CREATE TABLE story_centroid (story_id INTEGER NOT NULL, term TEXT NOT NULL, weight REAL NOT NULL,
    PRIMARY KEY (story_id, term)) WITHOUT ROWID;
  ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id);
  CREATE INDEX articles_story ON articles(story_id);

  -- The identifying terms of each original article, weights scaled to a unit vector, by day.
  CREATE TABLE story_terms (term TEXT NOT NULL, day TEXT NOT NULL, article_id INTEGER NOT NULL, weight REAL NOT NULL,
    PRIMARY KEY (term, day, article_id)) WITHOUT ROWID;
  -- In how many original articles each term occurs (the idf of story terms).
  CREATE TABLE term_df (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;

  -- Addresses fetched from feeds and sitemaps, and the article each became: an item whose page
  -- names another canonical URL is still known as fetched.
  CREATE TABLE fetched (url TEXT PRIMARY KEY, article_id INTEGER NOT NULL) WITHOUT ROWID;

  -- Every statement of every original article, for who-said, timelines and contradictions.
  CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    n INTEGER NOT NULL,
    speaker TEXT NOT NULL,
    speaker_key TEXT NOT NULL,
    organization TEXT,
    org_key TEXT,
    role TEXT,
    quote TEXT NOT NULL,
    -- The quote folded (matchKey), for finding statements about a name.
    quote_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    stance TEXT NOT NULL,
    channel TEXT NOT NULL,
    date TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    UNIQUE (article_id, n)
  );
  CREATE INDEX statements_speaker ON statements(speaker_key);
  CREATE INDEX statements_org ON statements(org_key);
  CREATE INDEX statements_date ON statements(date);
  `,
  // 3: one identity per entity across articles (ingest/entities.ts), and statements merged across
  // their reports. Articles linked before this need `rasd reanalyze` (their stages are cleared).
  `
  CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    -- What makes an entity the same for certain: gazetteer:<id>, or its type and folded name.
    ref TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    lat REAL,
    lon REAL,
    source TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0,
    first_day TEXT,
    last_day TEXT
  );
  -- The keys by which articles find an entity again (link/identity.ts).
  CREATE TABLE entity_aliases (key TEXT NOT NULL, entity_id INTEGER NOT NULL, PRIMARY KEY (key, entity_id)) WITHOUT ROWID;
  -- Every way articles wrote its name, and in how many articles it was the name used.
  CREATE TABLE entity_names (entity_id INTEGER NOT NULL, name TEXT NOT NULL, articles INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (entity_id, name)) WITHOUT ROWID;
  -- Where each article names it: the name it used and the spans of its mentions (a JSON array).
  CREATE TABLE entity_mentions (entity_id INTEGER NOT NULL, article_id INTEGER NOT NULL, name TEXT NOT NULL, spans TEXT NOT NULL,
    PRIMARY KEY (entity_id, article_id)) WITHOUT ROWID;
  CREATE INDEX entity_mentions_article ON entity_mentions(article_id);

  -- The entity who spoke, when the article names the speaker as an entity; the statement that
  -- first reported the same words (itself when none did); the quote's content stems.
  ALTER TABLE statements ADD COLUMN speaker_entity INTEGER;
  ALTER TABLE statements ADD COLUMN group_id INTEGER;
  ALTER TABLE statements ADD COLUMN words TEXT;
  CREATE INDEX statements_entity ON statements(speaker_entity, date);
  CREATE INDEX statements_group ON statements(group_id);
  UPDATE articles SET stages = '' WHERE duplicate_of IS NULL;
  `,
  // 4: events as rows (the map, the timeline chart and an entity's events read them), each with
  // the entities that took part or where it happened. Originals are marked stale so that
  // `rasd reanalyze` fills them.
  `
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    n INTEGER NOT NULL,
    type TEXT NOT NULL,
    -- The day it happened when the text says, else the article's day.
    date TEXT,
    location TEXT,
    lat REAL,
    lon REAL,
    -- JSON array of the actors' names as written.
    actors TEXT NOT NULL,
    -- The words it was read from: the text at its span.
    text TEXT NOT NULL,
    killed INTEGER,
    injured INTEGER,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    UNIQUE (article_id, n)
  );
  CREATE INDEX events_date ON events(date);
  -- role: 'actor' (named among its actors) or 'place' (where it happened).
  CREATE TABLE event_entities (event_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, role TEXT NOT NULL,
    PRIMARY KEY (entity_id, event_id, role)) WITHOUT ROWID;
  CREATE INDEX event_entities_event ON event_entities(event_id);
  UPDATE articles SET stages = '' WHERE duplicate_of IS NULL;
  `,
  // 5: a speaker's statements by day. Grouping a new statement reads the speaker's statements of
  // the days around it; by speaker alone it read every statement of a frequent speaker («المصادر»,
  // «الوزارة»: thousands at 400,000 articles), which took 40% of the time of storing an article.
  `
  CREATE INDEX statements_speaker_date ON statements(speaker_key, date);
  DROP INDEX statements_speaker;
  `,
  // 6: the columns a search filters on, by article id. A search on words filtered by outlet or day
  // reads them for every match; from the table, that is a page per match (the rows hold the
  // texts), from this index a page per hundred (search.ts names it). Outlets are matched without
  // regard to case, which an index of their exact spelling cannot look up.
  `
  CREATE INDEX articles_filters ON articles(id, published, outlet);
  DROP INDEX articles_outlet;
  CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE, published);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
