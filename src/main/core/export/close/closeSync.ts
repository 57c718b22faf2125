import { AppFailure } from '@shared/contract/result';
import {
  CLOSE_API_TARGET,
  describeScope,
  type CloseSyncReport,
  type ExportScope,
} from '@shared/domain/export';
import type { Db } from '../../db/database';
import type { Clock } from '../../clock';
import { recordAudit } from '../../audit/audit';
import { readSettings } from '../../settings/settingsStore';
import { realSleep, type Sleep } from '../../enrich/time';
import { JobCancelled } from '../../jobs/types';
import {
  compareFileOrder,
  exportLeads,
  fileOrderKey,
  ScopeError,
  type ExportLead,
  type LeadStream,
} from '../exportLeads';
import { addExportItems, recordExport } from '../exportHistory';
import { CloseClient, CloseError } from './closeClient';
import { CrmLinks } from './crmLinks';
import { snapshot } from './closeSnapshot';
import { CompanySync } from './companySync';
import { CLOSE_FIELDS, type FieldIds, type LeadGroup } from './closePayloads';

export interface CloseSyncContext {
  db: Db;
  clock: Clock;
  client: CloseClient;
  signal?: AbortSignal;
  throwIfCancelled(): void;
  progress(done: number, total?: number | null): void;
  sleep?: Sleep;
}

/** Kinds of failure that stop the whole sync: nothing else would work either. */
const FATAL = new Set(['auth', 'forbidden', 'rate_limited']);
/** Tries of one company after a create that may or may not have happened. */
const AMBIGUOUS_TRIES = 3;

/** The scope's people, one group per company (a person without a company is a group alone). */
function groupLeads(leads: Iterable<ExportLead>): LeadGroup[] {
  const groups: LeadGroup[] = [];
  const byCompany = new Map<number, LeadGroup>();
  const ordered = Array.from(leads, (lead) => ({
    lead,
    key: fileOrderKey(lead),
    companyId: lead.companyId,
    contactId: lead.contactId,
  }))
    .sort(compareFileOrder)
    .map((o) => o.lead);
  for (const lead of ordered) {
    if (lead.companyId === null) {
      groups.push({ companyId: null, name: lead.leadName ?? lead.fullName, people: [lead] });
      continue;
    }
    let group = byCompany.get(lead.companyId);
    if (!group) {
      // The distinct lead name, as in the CSV: it is also what finds a lead whose create may have happened.
      group = {
        companyId: lead.companyId,
        name: lead.leadName ?? lead.companyName ?? lead.fullName,
        people: [],
      };
      byCompany.set(lead.companyId, group);
      groups.push(group);
    }
    group.people.push(lead);
  }
  return groups;
}

/** Our lead custom fields in Close, created when missing (their ids differ in every account). */
async function ensureFields(client: CloseClient, signal?: AbortSignal): Promise<FieldIds> {
  const existing = await client.leadCustomFields(signal);
  const ids = {} as FieldIds;
  for (const spec of CLOSE_FIELDS) {
    let field = existing.find((f) => f.name.toLowerCase() === spec.name);
    field ??= await client.createLeadCustomField(
      { name: spec.name, type: spec.type, ...(spec.multiple ? { accepts_multiple_values: true } : {}) },
      signal,
    );
    ids[spec.name] = { id: field.id, multiple: Boolean(field.accepts_multiple_values) };
  }
  return ids;
}

/**
 * Sends a scope's leads to Close through its API: one lead per company, with its contacts, our
 * custom fields and tags; nothing already there is created twice (see CompanySync). Runs until
 * done, cancelled, or stopped by a failure that would stop everything (a refused key); a company
 * Close refuses is reported and the rest go on. Recorded in the export history as `close-api`.
 */
export async function syncToClose(ctx: CloseSyncContext, scope: ExportScope): Promise<CloseSyncReport> {
  const started = performance.now();
  const { db, client, signal } = ctx;
  const sleep = ctx.sleep ?? realSleep;
  let stream: LeadStream;
  try {
    stream = exportLeads(db, scope, { leadNames: true });
  } catch (error) {
    if (error instanceof ScopeError) throw new AppFailure('not_found', error.message);
    throw error;
  }
  const groups = groupLeads(stream.leads);
  const touched: { contactId: number; hash: string }[] = [];
  const report: CloseSyncReport = {
    exportId: 0,
    companies: groups.length,
    leadsCreated: 0,
    leadsUpdated: 0,
    contactsCreated: 0,
    contactsUpdated: 0,
    contactsSkipped: 0,
    unchanged: 0,
    toReview: [],
    failed: [],
    rateLimitWaits: 0,
    seconds: 0,
  };
  ctx.progress(0, groups.length);
  report.exportId = recordExport(
    db,
    {
      target: CLOSE_API_TARGET,
      scope: describeScope(scope),
      filePath: null,
      sha256: null,
      rows: 0,
      createdAt: ctx.clock.now().toISOString(),
      details: { scope, status: 'running' },
    },
    [],
  );
  // Whatever happens, the history says what went to Close.
  const finish = (status: string) => {
    report.rateLimitWaits = client.rateLimitWaits;
    report.seconds = (performance.now() - started) / 1000;
    db.transaction(() => {
      addExportItems(db, report.exportId, touched);
      db.prepare('UPDATE exports SET rows = ?, details = ? WHERE id = ?').run(
        touched.length,
        JSON.stringify({
          scope,
          status,
          ...report,
          toReview: report.toReview.length,
          failed: report.failed.length,
        }),
        report.exportId,
      );
      recordAudit(
        db,
        {
          action: 'export.close_sync',
          entityType: 'export',
          entityId: report.exportId,
          details: {
            status,
            leadsCreated: report.leadsCreated,
            contactsCreated: report.contactsCreated,
            contactsUpdated: report.contactsUpdated,
          },
        },
        ctx.clock,
      );
    })();
  };
  try {
    const fields = await ensureFields(client, signal);
    const close = await snapshot(db, client, signal);
    const links = new CrmLinks(db, CLOSE_API_TARGET);
    const company = new CompanySync(ctx, links, fields, close, report, touched);
    let done = 0;
    for (const group of groups) {
      ctx.throwIfCancelled();
      for (let attempt = 0; ; attempt++) {
        try {
          await company.run(group, attempt);
          break;
        } catch (error) {
          if (!(error instanceof CloseError)) throw error;
          if (FATAL.has(error.kind)) throw new AppFailure('not_allowed', error.message);
          if (error.kind === 'ambiguous_write' && attempt + 1 < AMBIGUOUS_TRIES) {
            await sleep(500 * 2 ** attempt, signal);
            continue;
          }
          report.failed.push({
            companyId: group.companyId ?? 0,
            companyName: group.name,
            message: error.message,
          });
          break;
        }
      }
      ctx.progress(++done, groups.length);
    }
    finish('done');
    return report;
  } catch (error) {
    finish(error instanceof JobCancelled || signal?.aborted ? 'cancelled' : 'stopped');
    if (error instanceof CloseError)
      throw new AppFailure(
        FATAL.has(error.kind) && error.kind !== 'rate_limited' ? 'not_allowed' : 'unavailable',
        error.message,
      );
    throw error;
  }
}

/** A client for the saved key and the configured address (Settings). */
export function closeClientFor(db: Db, apiKey: string | null): CloseClient {
  if (!apiKey) throw new AppFailure('not_found', 'No Close API key is saved. Add it in Settings → API keys.');
  return new CloseClient({ apiKey, baseUrl: readSettings(db, 'export').close.baseUrl });
}
