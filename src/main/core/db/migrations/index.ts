import { m0001 } from './0001_foundation';
import { m0002 } from './0002_records';
import { m0003 } from './0003_resolution';
import { m0004 } from './0004_pipeline';
import { m0005 } from './0005_import_profiles';
import { m0006 } from './0006_resolution_keys';
import { m0007 } from './0007_search';
import { m0008 } from './0008_lead_status';
import { m0009 } from './0009_list_indexes';
import { m0010 } from './0010_outreach';
import { m0011 } from './0011_export';
import { m0012 } from './0012_enrichment';
import { m0013 } from './0013_discovery';
import { m0014 } from './0014_credit_owner';
import { m0015 } from './0015_chief_officer_rule';
import { m0016 } from './0016_alternative_batch';
import type { Migration } from './types';

/** Every migration, in order. Append only: a migration that has shipped is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
  m0015,
  m0016,
];

export const LATEST_VERSION = MIGRATIONS.length;
export type { Migration };
