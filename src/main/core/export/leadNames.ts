import type { Db } from '../db/database';

/**
 * The name a lead goes by in a CRM that groups rows into leads by name (Close's CSV importer puts
 * every row with the same `company` into one lead, wherever it is in the file). A company's name,
 * or a person's own name when they have no company — made distinct when another standing company,
 * or another person without one, goes by the same name (case aside), so two businesses called
 * "Acme Plumbing" never become one lead: "Acme Plumbing (Austin, TX, #412)". Decided over the whole
 * database rather than the export, so a company keeps its name from one export to the next.
 */
export function makeLeadNamer(db: Db): (lead: LeadNameFacts) => string {
  // Every lead's name, companies and company-less people together, folded the one way the lookup
  // below folds it (SQLite's lower() knows only ASCII: "ÉLAN" and "Élan" would not meet there).
  const seen = new Map<string, number>();
  const names = db
    .prepare(
      `SELECT name FROM companies WHERE merged_into IS NULL
       UNION ALL SELECT full_name FROM contacts WHERE company_id IS NULL AND merged_into IS NULL`,
    )
    .pluck()
    .iterate() as IterableIterator<string>;
  for (const name of names) {
    const key = name.toLowerCase();
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return (lead) => {
    const name = lead.companyId !== null && lead.companyName ? lead.companyName : lead.fullName;
    if ((seen.get(name.toLowerCase()) ?? 0) < 2) return name;
    if (lead.companyId !== null && lead.companyName) {
      const place = [lead.city, lead.state].filter(Boolean).join(', ');
      return `${name} (${place ? `${place}, ` : ''}#${lead.companyId})`;
    }
    return `${name} (${lead.email ?? `#${lead.contactId}`})`;
  };
}

export interface LeadNameFacts {
  contactId: number;
  companyId: number | null;
  companyName: string | null;
  fullName: string;
  email: string | null;
  city: string | null;
  state: string | null;
}
