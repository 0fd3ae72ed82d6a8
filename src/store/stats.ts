// What `rasd stats` reports of a database (ArticleStore.stats computes it on either store).

export interface Stats {
  path: string;
  sizeBytes: number;
  schemaVersion: number;
  articles: number;
  originals: number;
  duplicates: { url: number; content: number; near: number };
  statements: number;
  entities: number;
  events: number;
  published: { first: string | null; last: string | null; undated: number };
  outlets: { outlet: string; articles: number }[];
  learnedLines: number;
  feeds: number;
  failures: number;
  /** Articles analysed by other stage versions than this rasd's (see `rasd reanalyze`). */
  outdated: number;
}
