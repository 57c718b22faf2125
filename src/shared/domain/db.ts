export interface TableCount {
  table: string;
  rows: number;
}

export interface DbInfo {
  path: string;
  schemaVersion: number;
  /** The newest schema this build knows. */
  latestVersion: number;
  fileBytes: number;
  tables: TableCount[];
}
