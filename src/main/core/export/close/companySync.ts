import type { CloseSyncReport } from '@shared/domain/export';
import type { ExportLead } from '../exportLeads';
import type { CrmLinks } from './crmLinks';
import type { CloseContact } from './closeTypes';
import type { CloseSyncContext } from './closeSync';
import { ourCompany, type CloseSnapshot } from './closeSnapshot';
import {
  contactHash,
  contactPayload,
  findPerson,
  leadCustomFields,
  leadHash,
  leadPayload,
  type FieldIds,
  type LeadGroup,
} from './closePayloads';

/** A value in a Close search query: in double quotes, with quotes and backslashes escaped. */
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
export class CompanySync {
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
          if (!contact) {
            // The lead names this profile as one of its people, though none of its contacts matches
            // by email, profile or name (renamed in Close: "E. Ward"). The seeds' rule: a LinkedIn
            // match is the same person, so nobody is added twice; the lead is theirs to keep.
            this.report.contactsSkipped++;
            continue;
          }
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
