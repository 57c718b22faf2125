export interface Migration {
  /** Applied in order; the database's `PRAGMA user_version` is the last one applied. */
  version: number;
  name: string;
  /** Plain SQL, run in one transaction with the version bump. Never edit one that has shipped. */
  sql: string;
}
