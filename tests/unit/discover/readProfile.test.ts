import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CoreRuntime } from '../../../src/main/core/runtime';
import type { ProfileReadReport } from '../../../src/shared/domain/linkedin';
import { provenanceOf } from '../../../src/main/core/records/provenance';
import { freshDb } from '../../helpers/importing';
import { seedLeads } from '../../helpers/leads';
import { FakeTime } from '../safety/support/fakeTime';
import { startFixtureSite, type FixtureSite } from '../linkedin/support/fixtureSite';
import { call, openTestCore, TUESDAY_10AM, useFixtureLinkedIn } from './support';

/**
 * "Read their LinkedIn profile" from a contact's panel: the core reads the profile page in the
 * browser session (Chromium against the fixture site) and brings the contact up to date.
 */
describe('reading a contact’s LinkedIn profile', () => {
  let site: FixtureSite;
  let t: ReturnType<typeof freshDb>;
  let time: FakeTime;
  let core: CoreRuntime | null = null;
  let dana: number;
  let noProfile: number;

  beforeAll(async () => {
    site = await startFixtureSite();
  });
  afterAll(async () => site?.close());
  beforeEach(() => {
    site.reset();
    site.requests.length = 0;
    t = freshDb();
    time = new FakeTime(TUESDAY_10AM);
    useFixtureLinkedIn(t.db, site.url, time);
    [dana, noProfile] = seedLeads(
      t.db,
      [
        {
          name: 'Dana Whitfield',
          title: 'Owner',
          company: 'Acme Roofing',
          tier: 'WARM',
          score: 60,
          linkedin: 'https://www.linkedin.com/in/dana-whitfield',
        },
        { name: 'Gus Hale', title: 'Owner', company: 'Hale HVAC', tier: 'WARM', score: 60 },
      ],
      time.clock,
    ) as [number, number];
    t.db.close();
  });
  afterEach(async () => {
    await core?.close();
    core = null;
    t.cleanup();
  });

  it('updates the title and degree from the profile, traced to LinkedIn, as one profile view', async () => {
    core = await openTestCore(t.file, t.dir, time);
    await expect(call(core, 'linkedin.readProfile', { contactId: dana })).rejects.toThrow(/browser/i);
    expect(site.requests).toEqual([]);

    await call(core, 'linkedin.open');
    const report = await call<ProfileReadReport>(core, 'linkedin.readProfile', { contactId: dana });
    expect(report).toMatchObject({
      name: 'Dana Whitfield',
      headline: 'CEO at Acme Roofing | Storm restoration across Central Texas',
      degree: 2,
      currentTitle: 'Chief Executive Officer',
      currentCompany: 'Acme Roofing',
      mutualConnections: 14,
      mutualNames: ['Jordan Lee', 'Sam Patel'],
      changed: ['title', 'connection_degree'],
    });
    const db = core.ctx.db;
    expect(db.prepare('SELECT title, connection_degree FROM contacts WHERE id = ?').get(dana)).toEqual({
      title: 'Chief Executive Officer',
      connection_degree: 2,
    });
    expect(provenanceOf(db, 'contact', dana).find((f) => f.field === 'title')?.source).toEqual({
      kind: 'derived',
      note: 'read from their LinkedIn profile on 2025-03-04',
    });
    // Scored again with the new title: "Owner" was 35 points, a chief executive is 40.
    const titlePoints = db
      .prepare(
        `SELECT f.value ->> '$.points' FROM scores s, json_each(s.breakdown, '$.factors') f
         WHERE s.contact_id = ? AND f.value ->> '$.factor' = 'title'`,
      )
      .pluck()
      .get(dana);
    expect(titlePoints).toBe(40);
    expect(
      db
        .prepare(
          `SELECT count(*) FROM quota_ledger WHERE quota = 'linkedin.profile_view' AND outcome = 'used'`,
        )
        .pluck()
        .get(),
    ).toBe(1);

    // Read again: nothing left to change.
    expect(
      (await call<ProfileReadReport>(core, 'linkedin.readProfile', { contactId: dana })).changed,
    ).toEqual([]);
  });

  it('says so, and reads nothing, for a contact without a known profile', async () => {
    core = await openTestCore(t.file, t.dir, time);
    await call(core, 'linkedin.open');
    site.requests.length = 0;
    await expect(call(core, 'linkedin.readProfile', { contactId: noProfile })).rejects.toThrow(
      /No LinkedIn profile is known for Gus Hale/,
    );
    expect(site.requests).toEqual([]);
  });
});
