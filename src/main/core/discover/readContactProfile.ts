import type { ProfileReadReport } from '@shared/domain/linkedin';
import { AppFailure } from '@shared/contract/result';
import type { CoreContext } from '../context';
import { recordAudit } from '../audit/audit';
import { rescore } from '../scoring/rescore';
import { readSettings } from '../settings/settingsStore';

/**
 * Reads one contact's LinkedIn profile in the browser session (a profile view, booked against its
 * caps like any other) and brings the contact up to date: the title of the position LinkedIn shows
 * as current, and the connection degree. The company is not moved — a new employer is the seller's
 * call — but the report says where LinkedIn has them now. Re-scored at once (the title counts).
 */
export async function readContactProfile(ctx: CoreContext, contactId: number): Promise<ProfileReadReport> {
  const contact = ctx.db
    .prepare(
      'SELECT full_name, title, linkedin_url, connection_degree FROM contacts WHERE id = ? AND merged_into IS NULL',
    )
    .get(contactId) as
    | {
        full_name: string;
        title: string | null;
        linkedin_url: string | null;
        connection_degree: number | null;
      }
    | undefined;
  if (!contact) throw new AppFailure('not_found', `There is no contact ${contactId}.`);
  if (!contact.linkedin_url)
    throw new AppFailure('invalid_input', `No LinkedIn profile is known for ${contact.full_name}.`);
  const session = ctx.linkedin.sessions.ready();
  let profile;
  try {
    profile = await session.readProfile(contact.linkedin_url, { ref: { type: 'contact', id: contactId } });
  } finally {
    ctx.linkedin.sessions.notify();
  }

  const at = ctx.clock.now().toISOString();
  const title = profile.currentPosition?.title ?? null;
  const changed: string[] = [];
  ctx.db.transaction(() => {
    if (title && title !== contact.title) {
      ctx.db
        .prepare(
          `UPDATE contacts SET title = ?, field_sources = json_set(field_sources, '$.title', json(?)), updated_at = ? WHERE id = ?`,
        )
        .run(title, JSON.stringify({ linkedin: at }), at, contactId);
      changed.push('title');
    }
    if (profile.degree !== null && profile.degree !== contact.connection_degree) {
      ctx.db
        .prepare('UPDATE contacts SET connection_degree = ?, updated_at = ? WHERE id = ?')
        .run(profile.degree, at, contactId);
      changed.push('connection_degree');
    }
    recordAudit(
      ctx.db,
      {
        action: 'contact.profile_read',
        entityType: 'contact',
        entityId: contactId,
        details: { changed, degree: profile.degree, mutual: profile.mutualConnections.count },
      },
      ctx.clock,
    );
    if (changed.length > 0) rescore(ctx.db, readSettings(ctx.db, 'scoring'), at, [contactId]);
  })();
  return {
    name: profile.name,
    headline: profile.headline,
    location: profile.location,
    degree: profile.degree,
    currentTitle: title,
    currentCompany: profile.currentPosition?.company ?? null,
    mutualConnections: profile.mutualConnections.count,
    mutualNames: profile.mutualConnections.names,
    changed,
  };
}
