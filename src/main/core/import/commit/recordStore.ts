import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/database';
import { companyNameKey } from '../../normalize/companyName';
import { joinName, personNameKey } from '../../normalize/personName';
import { COMPANY_FIELDS, CONTACT_FIELDS, type CompanyDraft, type ContactDraft } from './drafts';
import type { RecordKeys } from './recordKeys';
import { addressKey, normalizeAddress } from '../../dedupe/address';
import { preparePerson, type PreparedPerson } from '../../dedupe/records';
import { namesDisagree } from '../../dedupe/personMatcher';
import { isFreeMailDomain } from '../../normalize/freeMail';
import { trustOf } from '../../resolution/trust';
import { FieldPrecedence } from './precedence';

/** A stored or drafted person's name, as the dedupe engine compares names. */
const personOf = (first: unknown, last: unknown, full: unknown): PreparedPerson =>
  preparePerson({
    id: 0,
    firstName: (first as string | null) || undefined,
    lastName: (last as string | null) || undefined,
    fullName: (full as string | null) || undefined,
  });

/** The folded street line ("4800 S. Paulina St." → "4800 s paulinast"), or null without one. */
const addressKeyOf = (address: string | null): string | null =>
  address ? addressKey(normalizeAddress(address)) || null : null;

export type Outcome = 'insert' | 'update' | 'unchanged';

/**
 * field → [source row id, sheet column] for values that did not come from the row that created
 * the record. A record's own values are traced through the row that created it (the first
 * source row linked to it in its creating import) and that import's mapping, which keeps each
 * record's provenance small on a 250,000-row file.
 */
export type FieldSources = Record<string, [number, number]>;

type Row = Record<string, unknown> & { id: number; field_sources: string; created_batch_id: number | null };

/** The columns an import writes, in the order of the INSERT statements below. */
const COMPANY_COLUMNS = [
  ...COMPANY_FIELDS,
  'name_key',
  'address_key',
  'crm_source',
  'field_sources',
  'created_batch_id',
  'created_at',
  'updated_at',
] as const;
const CONTACT_COLUMNS = [
  ...CONTACT_FIELDS,
  'company_id',
  'email',
  'name_key',
  'crm_source',
  'discovery_source',
  'connection_degree',
  'field_sources',
  'created_batch_id',
  'created_at',
  'updated_at',
] as const;

// Positional parameters: binding 30 named values per row costs more than the insert itself.
const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

/**
 * Finds, inserts and updates companies and contacts for one import, inside the import's
 * transaction. An existing record is found by its natural keys (see RecordKeys); a value from
 * the row replaces the stored one only when the row has a value (an empty cell never erases), and
 * the record as it was is logged once per import so Undo can restore it.
 */
export class RecordStore {
  private readonly updates = new Map<string, Statement>();
  private readonly logged = new Set<string>();
  private readonly insertCompany: Statement;
  private readonly insertContact: Statement;
  private readonly loadCompany: Statement;
  private readonly loadContact: Statement;
  private readonly insertEmail: Statement;
  private readonly insertChange: Statement;
  private readonly insertAlternative: Statement;
  private readonly precedence: FieldPrecedence;

  constructor(
    private readonly db: Db,
    private readonly keys: RecordKeys,
    private readonly batchId: number,
    private readonly now: string,
    private readonly crmSource: string | null,
    sourceKind: string,
  ) {
    this.precedence = new FieldPrecedence(db, batchId, trustOf(sourceKind));
    // One alternative per record, field and value: a re-import records nothing twice.
    this.insertAlternative = db.prepare(
      `INSERT INTO field_alternatives (entity_type, entity_id, field, value, source_row_id, batch_id, created_at)
       SELECT @entity, @id, @field, @value, @row, @batch, @now WHERE NOT EXISTS (
         SELECT 1 FROM field_alternatives WHERE entity_type = @entity AND entity_id = @id AND field = @field AND value = @value)`,
    );
    this.insertCompany = db.prepare(insertSql('companies', COMPANY_COLUMNS));
    this.insertContact = db.prepare(insertSql('contacts', CONTACT_COLUMNS));
    this.loadCompany = db.prepare('SELECT * FROM companies WHERE id = ?');
    this.loadContact = db.prepare('SELECT * FROM contacts WHERE id = ?');
    this.insertEmail = db.prepare(
      `INSERT INTO contact_emails (contact_id, email, source, confidence, status, evidence, source_row_id, created_at)
       VALUES (?, ?, 'import', 70, 'unknown', ?, ?, ?) ON CONFLICT (contact_id, email) DO NOTHING`,
    );
    this.insertChange = db.prepare(
      `INSERT INTO import_changes (batch_id, entity_type, entity_id, action, before) VALUES (?, ?, ?, ?, ?)`,
    );
  }

  /**
   * The id of the company a draft describes, if it is already here. `keys` are the draft's folded
   * name and street, worked out once by the caller (folding them is most of an import's JS time).
   */
  private findCompany(
    draft: CompanyDraft,
    keys: { name: string | null; address: string | null },
  ): number | null {
    if (draft.license_number) {
      const byLicense = this.keys.companyByLicense(draft.license_number, draft.state);
      if (byLicense !== null) return byLicense;
    }
    if (draft.crm_id && this.crmSource) {
      const byCrm = this.keys.companyByCrm(this.crmSource, draft.crm_id);
      if (byCrm !== null) return byCrm;
    }
    if (keys.name === null) return null;
    return this.keys.companyBySameName(keys.name, { ...draft, address_key: keys.address });
  }

  /**
   * The id of the contact a draft describes: same email, same LinkedIn profile, or same name at the
   * same company. An address is not a person: an office inbox or a family gmail is shared, so an
   * email finds a stored contact only when the names do not say they are two people (the dedupe
   * engine's name rule, `namesDisagree`), and a free-mail address, which says nothing about an
   * employer, never finds someone at another company. A row that finds nobody becomes a contact of
   * its own, with the shared address as one of its addresses (see addEmails).
   */
  private findContact(draft: ContactDraft, companyId: number | null, nameKey: string | null): number | null {
    let person: PreparedPerson | null = null;
    for (const email of draft.emails) {
      for (const id of this.keys.contactsByEmail(email)) {
        person ??= personOf(draft.first_name, draft.last_name, draft.full_name);
        if (this.sameOwner(this.loadContact.get(id) as Row, email, person, companyId)) return id;
      }
    }
    if (draft.linkedin_key) {
      const byProfile = this.keys.contactByLinkedin(draft.linkedin_key);
      if (byProfile !== null) return byProfile;
    }
    return nameKey && companyId !== null ? this.keys.contactByName(companyId, nameKey) : null;
  }

  /** Whether the stored contact `row`, who has `email`, is the person the row describes. */
  private sameOwner(row: Row, email: string, person: PreparedPerson, companyId: number | null): boolean {
    const freeMail = isFreeMailDomain(email.slice(email.indexOf('@') + 1));
    if (freeMail && companyId !== null && row.company_id !== null && row.company_id !== companyId)
      return false;
    return !namesDisagree(person, personOf(row.first_name, row.last_name, row.full_name));
  }

  /** `sources` is asked for only when an existing record changes (an insert needs none). */
  upsertCompany(
    draft: CompanyDraft,
    sourceRowId: number,
    sources: () => FieldSources,
  ): { id: number; outcome: Outcome } {
    const keys = {
      name: draft.name ? companyNameKey(draft.name) : null,
      address: addressKeyOf(draft.address),
    };
    const found = this.findCompany(draft, keys);
    const values: Record<string, unknown> = {};
    for (const field of COMPANY_FIELDS) if (draft[field] !== null) values[field] = draft[field];
    if (keys.name !== null) values.name_key = keys.name;
    if (keys.address) values.address_key = keys.address;
    if (draft.crm_id && this.crmSource) values.crm_source = this.crmSource;
    if (found === null) {
      const id = this.insert(this.insertCompany, COMPANY_COLUMNS, {
        ...values,
        name: draft.name ?? '',
        name_key: values.name_key ?? '',
      });
      this.keys.companyStored(id, values);
      return { id, outcome: 'insert' };
    }
    const outcome = this.update(
      'companies',
      'company',
      this.loadCompany.get(found) as Row,
      values,
      sourceRowId,
      sources,
    );
    if (outcome === 'update') this.keys.companyStored(found, values);
    return { id: found, outcome };
  }

  upsertContact(
    draft: ContactDraft,
    companyId: number | null,
    sourceRowId: number,
    sources: () => FieldSources,
    extra: { discovery_source?: string; connection_degree?: number },
  ): { id: number; outcome: Outcome } {
    const key = personNameKey(
      draft.first_name || draft.last_name ? joinName(draft.first_name, draft.last_name) : draft.full_name,
    );
    const found = this.findContact(draft, companyId, key);
    const existing = found === null ? null : (this.loadContact.get(found) as Row);
    const values: Record<string, unknown> = {};
    for (const field of CONTACT_FIELDS) if (draft[field] !== null) values[field] = draft[field];
    if (companyId !== null) values.company_id = companyId;
    if (draft.crm_id && this.crmSource) values.crm_source = this.crmSource;
    if (key) values.name_key = key;
    if (draft.emails[0] && (!existing || existing.email === null)) values.email = draft.emails[0];
    Object.assign(values, extra);
    if (!existing) {
      const id = this.insert(this.insertContact, CONTACT_COLUMNS, {
        ...values,
        full_name: draft.full_name ?? '',
        name_key: key,
        discovery_source: values.discovery_source ?? 'import',
      });
      this.keys.contactStored(id, values);
      return { id, outcome: 'insert' };
    }
    const outcome = this.update('contacts', 'contact', existing, values, sourceRowId, sources);
    if (outcome === 'update') this.keys.contactStored(existing.id, values);
    return { id: existing.id, outcome };
  }

  /** Records every email of a contact with where it came from; returns how many were new. */
  addEmails(
    contactId: number,
    emails: string[],
    sourceRowId: number,
    evidence: string,
    createdNow: boolean,
  ): number {
    let added = 0;
    for (const email of emails) {
      const result = this.insertEmail.run(contactId, email, evidence, sourceRowId, this.now);
      if (result.changes > 0) {
        added++;
        this.keys.emailStored(contactId, email);
        if (!createdNow) this.logChange('contact_email', Number(result.lastInsertRowid), 'insert', null);
      }
    }
    return added;
  }

  private insert(statement: Statement, columns: readonly string[], values: Record<string, unknown>): number {
    const params = new Array<unknown>(columns.length);
    for (let i = 0; i < columns.length; i++) params[i] = values[columns[i]!] ?? null;
    // Provenance and timestamps are the last four columns (see COMPANY_COLUMNS, CONTACT_COLUMNS).
    params[columns.length - 4] = '{}';
    params[columns.length - 3] = this.batchId;
    params[columns.length - 2] = this.now;
    params[columns.length - 1] = this.now;
    return Number(statement.run(params).lastInsertRowid);
  }

  private update(
    table: 'companies' | 'contacts',
    entity: 'company' | 'contact',
    existing: Row,
    values: Record<string, unknown>,
    sourceRowId: number,
    sourcesOf: () => FieldSources,
  ): Outcome {
    let recorded = 0;
    for (const alt of this.precedence.decide(entity, existing, values, sourceRowId)) {
      recorded += this.insertAlternative.run({
        entity,
        id: existing.id,
        field: alt.field,
        value: alt.value,
        row: alt.sourceRowId,
        batch: this.batchId,
        now: this.now,
      }).changes;
    }
    const changed = Object.keys(values).filter((field) => existing[field] !== values[field]);
    if (changed.length === 0) return recorded > 0 ? 'update' : 'unchanged';
    // Records this import created are deleted whole by Undo; only older ones need their before-image.
    if (existing.created_batch_id !== this.batchId) this.logChange(entity, existing.id, 'update', existing);
    const merged = JSON.parse(existing.field_sources) as FieldSources;
    const sources = sourcesOf();
    for (const field of changed) if (sources[field]) merged[field] = sources[field];
    const sql = `UPDATE ${table} SET ${changed.map((f) => `${f} = @${f}`).join(', ')}, field_sources = @field_sources, updated_at = @updated_at WHERE id = @id`;
    let statement = this.updates.get(sql);
    if (!statement) this.updates.set(sql, (statement = this.db.prepare(sql)));
    const params: Record<string, unknown> = {
      id: existing.id,
      field_sources: JSON.stringify(merged),
      updated_at: this.now,
    };
    for (const field of changed) params[field] = values[field];
    statement.run(params);
    return 'update';
  }

  private logChange(
    entity: 'company' | 'contact' | 'contact_email',
    id: number,
    action: 'insert' | 'update',
    before: Row | null,
  ): void {
    const key = `${entity}:${id}`;
    if (this.logged.has(key)) return; // the first before-image of this import is the one to restore
    this.logged.add(key);
    this.insertChange.run(this.batchId, entity, id, action, before === null ? null : JSON.stringify(before));
  }
}
