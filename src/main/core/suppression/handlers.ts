import type { SuppressionView } from '@shared/contract/suppressions';
import type { CoreHandler } from '../handlers';
import type { Db } from '../db/database';
import { addSuppressions, removeSuppression } from './suppressions';
import { guessSuppressionKind } from './suppressionValue';
import { importSuppressionList } from './importList';

/** The list with, for each entry, how many live contacts it keeps out. */
function listWithCounts(db: Db): SuppressionView[] {
  return db
    .prepare(
      `SELECT s.id, s.kind, s.value, s.reason, s.created_at AS createdAt,
         (SELECT count(*) FROM contacts c WHERE c.merged_into IS NULL AND (
            (s.kind = 'email' AND (c.email = s.value OR EXISTS (SELECT 1 FROM contact_emails ce WHERE ce.contact_id = c.id AND ce.email = s.value)))
            OR (s.kind = 'linkedin' AND c.linkedin_key = s.value)
            OR (s.kind = 'domain' AND (suppression_domain(c.email) = s.value
                 OR EXISTS (SELECT 1 FROM companies co WHERE co.id = c.company_id AND co.domain = s.value)))
         )) AS contacts
       FROM suppressions s ORDER BY s.created_at DESC, s.id DESC`,
    )
    .all() as SuppressionView[];
}

export const suppressionHandlers = {
  'suppressions.list': ((_input, ctx) => listWithCounts(ctx.db)) satisfies CoreHandler<'suppressions.list'>,
  'suppressions.add': ((input, ctx) => {
    const invalid: { kind: 'email' | 'domain' | 'linkedin'; value: string }[] = [];
    const entries = input.entries.flatMap((e) => {
      const kind = e.kind ?? guessSuppressionKind(e.value);
      if (!kind) {
        invalid.push({ kind: 'email', value: e.value });
        return [];
      }
      return [{ kind, value: e.value, reason: e.reason ?? null }];
    });
    const report = addSuppressions(ctx.db, entries, ctx.clock);
    ctx.emit('data.changed', { scope: 'suppressions' });
    return { ...report, invalid: [...invalid, ...report.invalid] };
  }) satisfies CoreHandler<'suppressions.add'>,
  'suppressions.remove': ((input, ctx) => {
    removeSuppression(ctx.db, input.id, ctx.clock);
    ctx.emit('data.changed', { scope: 'suppressions' });
  }) satisfies CoreHandler<'suppressions.remove'>,
  'suppressions.import': (async (input, ctx) => {
    const report = await importSuppressionList(ctx.db, input.path, ctx.clock);
    ctx.emit('data.changed', { scope: 'suppressions' });
    return report;
  }) satisfies CoreHandler<'suppressions.import'>,
};
