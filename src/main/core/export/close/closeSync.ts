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
import { createCompanyIndex } from '../../dedupe/resolve';
import { DEFAULT_COMPANY_MATCH_SETTINGS } from '../../dedupe/companySettings';
import type { CompanyRecord } from '../../dedupe/records';
import type { EntityIndex } from '../../dedupe/engine';
import type { PreparedCompany } from '../../dedupe/records';
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
import { websiteUrl } from '../formats/values';
import { CloseClient, CloseError } from './closeClient';
import { CrmLinks } from './crmLinks';
import type { CloseContact, CloseLead } from './closeTypes';
import {
  CLOSE_FIELDS,
  contactHash,
  contactPayload,
  findPerson,
  leadCustomFields,
  leadHash,
  leadPayload,
  type FieldIds,
  type LeadGroup,
} from './closePayloads';

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
      groups.push({ companyId: null, name: lead.fullName, people: [lead] });
      continue;
    }
    let group = byCompany.get(lead.companyId);
    if (!group) {
      group = { companyId: lead.companyId, name: lead.companyName ?? lead.fullName, people: [] };
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

function companyRecord(id: number, lead: CloseLead): CompanyRecord {
  const address = lead.addresses?.[0];
  return {
    id,
    name: lead.name ?? lead.display_name ?? '',
    website: lead.url ?? undefined,
    address: address?.address_1,
    city: address?.city,
    state: address?.state,
    zip: address?.zipcode,
    phone: lead.contacts?.flatMap((c) => c.phones ?? [])[0]?.phone,
    emails: lead.contacts?.flatMap((c) => (c.emails ?? []).map((e) => e.email)),
  };
}

function ourCompany(group: LeadGroup): CompanyRecord {
  const first = group.people[0]!;
  return {
    id: -1,
    name: group.name,
    website: websiteUrl(first) ?? undefined,
    address: first.address ?? undefined,
    city: first.city ?? undefined,
    state: first.state ?? undefined,
    zip: first.zip ?? undefined,
    phone: first.companyPhone ?? undefined,
    emails: group.people.map((p) => p.email).filter((e): e is string => Boolean(e)),
  };
}

/** Close's leads as they were when the sync began, indexed by the dedupe engine for the fuzzy step. */
interface CloseSnapshot {
  index: EntityIndex<CompanyRecord, PreparedCompany>;
  leads: CloseLead[];
}

async function snapshot(db: Db, client: CloseClient, signal?: AbortSignal): Promise<CloseSnapshot> {
  const leads: CloseLead[] = [];
  for await (const page of client.allLeads(signal)) leads.push(...page);
  const thresholds = readSettings(db, 'dedupe').companies;
  const index = createCompanyIndex(
    leads.map((lead, i) => companyRecord(i, lead)),
    { match: { ...DEFAULT_COMPANY_MATCH_SETTINGS, thresholds } },
  );
  return { index, leads };
}

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Syncs one company and its people to Close, by the seeds' rules, in this order:
 * 1. people synced before: unchanged → nothing; changed and created by us → their contact updated;
 * 2. the rest, each checked against Close: the same email → already there, skipped; the same
 *    LinkedIn profile (the linkedin_url custom field) → updated if we add an email, else skipped;
 * 3. people still unknown join the company's lead: the one we linked before, one found in step 2,
 *    or one the dedupe engine finds by company (score ≥ the merge threshold); a doubtful match
 *    (the review band) is left for the seller; no match → a new lead with them as its contacts.
 * Every write to Close is followed at once by its link, so a stopped sync resumes where it was.
 */
class CompanySync {
  constructor(
    private readonly ctx: CloseSyncContext,
    private readonly links: CrmLinks,
    private readonly fields: FieldIds,
    private readonly close: CloseSnapshot,
    private readonly report: CloseSyncReport,
    private readonly touched: { contactId: number; hash: string }[],
  ) {}

  private now = () => this.ctx.clock.now().toISOString();

  private linkContact(
    lead: ExportLead,
    contact: CloseContact,
    leadId: string,
    origin: 'created' | 'matched',
  ) {
    const hash = contactHash(lead);
    this.links.set(
      'contact',
      lead.contactId,
      { remoteId: contact.id, remoteParentId: leadId, origin, dataHash: hash },
      this.now(),
    );
    this.touched.push({ contactId: lead.contactId, hash });
  }

  private linkLead(group: LeadGroup, leadId: string, origin: 'created' | 'matched') {
    if (group.companyId === null) return;
    this.links.set(
      'company',
      group.companyId,
      { remoteId: leadId, remoteParentId: null, origin, dataHash: leadHash(group, this.fields) },
      this.now(),
    );
  }

  async run(group: LeadGroup, attempt: number): Promise<void> {
    const { client, signal } = this.ctx;
    const companyLink = group.companyId === null ? null : this.links.get('company', group.companyId);
    let leadId = companyLink?.remoteId ?? null;
    let leadOrigin: 'created' | 'matched' = companyLink?.origin ?? 'matched';
    let changed = false;
    const unknown: ExportLead[] = [];

    // 1. Already synced.
    for (const person of group.people) {
      const link = this.links.get('contact', person.contactId);
      if (!link) {
        unknown.push(person);
        continue;
      }
      leadId ??= link.remoteParentId;
      const hash = contactHash(person);
      if (link.dataHash === hash || link.origin === 'matched') {
        this.report.unchanged++;
        continue;
      }
      const updated = await client.updateContact(link.remoteId, contactPayload(person), signal);
      this.linkContact(person, updated, link.remoteParentId ?? leadId ?? '', 'created');
      this.report.contactsUpdated++;
      changed = true;
    }

    // 2. Checked against Close, person by person.
    const toAdd: ExportLead[] = [];
    for (const person of unknown) {
      this.ctx.throwIfCancelled();
      if (person.email) {
        const found = (await client.searchLeads(`email_address:${quote(person.email)}`, signal))[0];
        if (found) {
          const contact = findPerson(found.contacts, person);
          if (contact) {
            this.linkContact(person, contact, found.id, 'matched');
            this.report.contactsSkipped++;
            leadId ??= found.id;
            continue;
          }
        }
      }
      if (person.linkedinUrl) {
        const found = (
          await client.searchLeads(`custom.linkedin_url:${quote(person.linkedinUrl)}`, signal)
        )[0];
        if (found) {
          leadId ??= found.id;
          const contact = findPerson(found.contacts, person);
          if (contact) {
            const addsEmail = Boolean(person.email) && !(contact.emails?.length ?? 0);
            if (addsEmail) {
              const updated = await client.updateContact(
                contact.id,
                { emails: [{ email: person.email!, type: 'office' }] },
                signal,
              );
              this.linkContact(person, updated, found.id, 'matched');
              this.report.contactsUpdated++;
              changed = true;
            } else {
              this.linkContact(person, contact, found.id, 'matched');
              this.report.contactsSkipped++;
            }
            continue;
          }
        }
      }
      toAdd.push(person);
    }
    // Our fields on a lead we linked before no longer say what they said (a new score, a new tier).
    const leadChanged = companyLink !== null && companyLink.dataHash !== leadHash(group, this.fields);
    if (toAdd.length === 0) {
      if (leadId && (changed || leadChanged)) await this.updateLead(group, leadId, leadOrigin);
      else if (leadId && !companyLink) this.linkLead(group, leadId, leadOrigin);
      return;
    }

    // 3. The company's lead: known, adopted after a create that may have happened, fuzzy, or new.
    if (!leadId && attempt > 0) {
      const same = (await client.searchLeads(`name:${quote(group.name)}`, signal)).find(
        (l) => l.name === group.name,
      );
      if (same) leadId = same.id;
    }
    if (!leadId && group.companyId !== null) {
      const best = this.close.index.match(ourCompany(group))[0];
      if (best) {
        const lead = this.close.leads[best.b]!;
        if (best.decision !== 'same') {
          this.report.toReview.push({
            companyId: group.companyId,
            companyName: group.name,
            leadId: lead.id,
            leadName: lead.name ?? lead.display_name ?? '',
            score: best.score,
          });
          return;
        }
        leadId = lead.id;
        leadOrigin = 'matched';
      }
    }
    if (!leadId) {
      const created = await client.createLead(leadPayload(group, this.fields, toAdd), signal);
      this.report.leadsCreated++;
      this.linkLead(group, created.id, 'created');
      for (const person of toAdd) {
        const contact = findPerson(created.contacts, person);
        if (contact) this.linkContact(person, contact, created.id, 'created');
      }
      this.report.contactsCreated += toAdd.length;
      return;
    }

    // The lead exists: add whoever it does not have yet.
    const lead = await client.getLead(leadId, signal);
    for (const person of toAdd) {
      this.ctx.throwIfCancelled();
      const there = findPerson(lead.contacts, person);
      if (there) {
        this.linkContact(person, there, leadId, 'matched');
        this.report.contactsSkipped++;
        continue;
      }
      const contact = await client.createContact({ lead_id: leadId, ...contactPayload(person) }, signal);
      this.linkContact(person, contact, leadId, 'created');
      this.report.contactsCreated++;
    }
    await this.updateLead(group, leadId, leadOrigin);
  }

  /** Our custom fields and tags on the lead, now that its people changed. */
  private async updateLead(group: LeadGroup, leadId: string, origin: 'created' | 'matched'): Promise<void> {
    await this.ctx.client.updateLead(leadId, leadCustomFields(group, this.fields), this.ctx.signal);
    this.report.leadsUpdated++;
    this.linkLead(group, leadId, origin);
  }
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
    stream = exportLeads(db, scope);
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
