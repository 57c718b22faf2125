import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, count } from '../../helpers/importing';
import { fixedClock, seedPeople, type SeedPerson } from '../../helpers/exportSeed';
import { FakeClose, type FakeCloseOptions } from '../../fakes/fakeClose';
import { CloseClient } from '../../../src/main/core/export/close/closeClient';
import { syncToClose } from '../../../src/main/core/export/close/closeSync';
import { writeSettings } from '../../../src/main/core/settings/settingsStore';
import type { Db } from '../../../src/main/core/db/database';

const PEOPLE: SeedPerson[] = [
  {
    first: 'Ann',
    last: 'Lee',
    title: 'CEO',
    company: 'Acme Plumbing',
    email: 'ann@acmeplumbing.com',
    website: 'acmeplumbing.com',
    industry: 'Plumbing',
    employees: 120,
    linkedin: 'https://www.linkedin.com/in/ann-lee',
  },
  {
    first: 'Bob',
    last: 'Stone',
    title: 'VP Operations',
    company: 'Acme Plumbing',
    email: 'bob@acmeplumbing.com',
    website: 'acmeplumbing.com',
  },
  {
    first: 'Cara',
    last: 'Diaz',
    title: 'Owner',
    company: 'Bright Roofing',
    email: 'cara@brightroofing.com',
    website: 'brightroofing.com',
    linkedin: 'https://www.linkedin.com/in/cara-diaz',
  },
  {
    first: 'Cy',
    last: 'Mora',
    title: 'President',
    company: 'Corner Electric',
    website: 'cornerelectric.com',
  },
  {
    first: 'Dee',
    last: 'Park',
    title: 'Director of Operations',
    company: 'Delta Mechanical',
    email: 'dee@deltamech.com',
  },
  {
    first: 'Eli',
    last: 'Ward',
    title: 'Founder',
    company: 'Echo Solar',
    email: 'eli@echosolar.com',
    linkedin: 'https://www.linkedin.com/in/eli-ward',
  },
];

async function setup(options: FakeCloseOptions = {}) {
  const t = freshDb();
  await seedPeople(t.db, t.dir, PEOPLE);
  const fake = await FakeClose.start(options);
  writeSettings(t.db, 'export', { close: { baseUrl: fake.url } }, fixedClock());
  return { t, fake };
}

function sync(db: Db, fake: FakeClose, options: { cancelled?: () => boolean; sleepScale?: number } = {}) {
  const client = new CloseClient({ apiKey: fake.key, baseUrl: fake.url, backoff: { baseMs: 5, maxMs: 20 } });
  return syncToClose(
    {
      db,
      clock: fixedClock(),
      client,
      throwIfCancelled: () => {
        if (options.cancelled?.()) throw new Error('cancelled by test');
      },
      progress: () => undefined,
      sleep: async (ms) => new Promise((r) => setTimeout(r, ms / 50)),
    },
    { kind: 'approved' },
  );
}

/** Every person's email or name in Close, once each: no duplicate anywhere. */
function closePeople(fake: FakeClose): string[] {
  return fake
    .allContacts()
    .map((c) => c.emails[0]?.email ?? c.name)
    .sort();
}

describe('Close API sync', () => {
  let t: ReturnType<typeof freshDb>;
  let fake: FakeClose;
  afterEach(async () => {
    await fake?.close();
    t?.cleanup();
  });

  describe('into an empty Close', () => {
    beforeEach(async () => ({ t, fake } = await setup()));

    it('creates one lead per company with its contacts, custom fields and tags; a second run sends nothing', async () => {
      const report = await sync(t.db, fake);
      expect(report).toMatchObject({
        companies: 5,
        leadsCreated: 5,
        contactsCreated: 6,
        contactsSkipped: 0,
        failed: [],
        toReview: [],
      });
      expect([...fake.leads.values()].map((l) => l.name).sort()).toEqual([
        'Acme Plumbing',
        'Bright Roofing',
        'Corner Electric',
        'Delta Mechanical',
        'Echo Solar',
      ]);
      expect(fake.fields.map((f) => f.name).sort()).toEqual([
        'discovery_source',
        'inmail_eligible',
        'lead_score',
        'lead_tier',
        'linkedin_url',
        'tags',
      ]);
      const field = (name: string) => fake.fields.find((f) => f.name === name)!.id;
      const acme = [...fake.leads.values()].find((l) => l.name === 'Acme Plumbing')!;
      expect(acme.url).toBe('https://acmeplumbing.com');
      expect(acme.contacts.map((c) => [c.name, c.title, c.emails[0]?.email])).toEqual([
        ['Ann Lee', 'CEO', 'ann@acmeplumbing.com'],
        ['Bob Stone', 'VP Operations', 'bob@acmeplumbing.com'],
      ]);
      expect(acme.custom).toMatchObject({
        [field('lead_score')]: 80,
        [field('lead_tier')]: 'HOT',
        [field('tags')]: ['ATL', 'HOT'],
        [field('linkedin_url')]: ['https://www.linkedin.com/in/ann-lee'],
        [field('inmail_eligible')]: 'no',
        [field('discovery_source')]: 'Imported list',
      });
      // Every Close id is stored, and the history says what went.
      expect(count(t.db, 'crm_links', `target = 'close-api' AND entity_type = 'company'`)).toBe(5);
      expect(count(t.db, 'crm_links', `target = 'close-api' AND entity_type = 'contact'`)).toBe(6);
      expect(t.db.prepare(`SELECT target, rows, file_path FROM exports`).get()).toEqual({
        target: 'close-api',
        rows: 6,
        file_path: null,
      });

      const writes = () => fake.requests.filter((r) => r.method !== 'GET').length;
      const before = writes();
      const again = await sync(t.db, fake);
      expect(again).toMatchObject({ leadsCreated: 0, contactsCreated: 0, contactsUpdated: 0, unchanged: 6 });
      expect(writes()).toBe(before);
      expect(closePeople(fake)).toHaveLength(6);
    });

    it('two companies of the same name become two leads, each found again by the next run', async () => {
      await fake.close();
      t.cleanup();
      t = freshDb();
      await seedPeople(t.db, t.dir, [
        ...PEOPLE,
        {
          first: 'Zed',
          last: 'Ray',
          title: 'Owner',
          company: 'Acme Plumbing',
          website: 'acme-fresno.com',
          email: 'zed@acme-fresno.com',
          city: 'Fresno',
          state: 'CA',
        },
      ]);
      fake = await FakeClose.start();
      writeSettings(t.db, 'export', { close: { baseUrl: fake.url } }, fixedClock());
      const report = await sync(t.db, fake);
      expect(report).toMatchObject({ companies: 6, leadsCreated: 6, contactsCreated: 7, failed: [] });
      const acmes = [...fake.leads.values()].filter((l) => l.name.startsWith('Acme Plumbing'));
      expect(acmes.map((l) => [l.name.replace(/#\d+/, '#id'), l.contacts.map((c) => c.name)]).sort()).toEqual(
        [
          ['Acme Plumbing (#id)', ['Ann Lee', 'Bob Stone']],
          ['Acme Plumbing (Fresno, CA, #id)', ['Zed Ray']],
        ],
      );
      const again = await sync(t.db, fake);
      expect(again).toMatchObject({ leadsCreated: 0, contactsCreated: 0, unchanged: 7 });
      expect(closePeople(fake)).toHaveLength(7);
    });

    it('sends a change: a new title updates the contact, a new tier updates the lead', async () => {
      await sync(t.db, fake);
      t.db
        .prepare(`UPDATE contacts SET title = 'Chief Operating Officer' WHERE full_name = 'Bob Stone'`)
        .run();
      t.db
        .prepare(
          `UPDATE scores SET tier = 'WARM', score = 79 WHERE contact_id = (SELECT id FROM contacts WHERE full_name = 'Eli Ward')`,
        )
        .run();
      const report = await sync(t.db, fake);
      expect(report).toMatchObject({
        contactsUpdated: 1,
        leadsUpdated: 2,
        leadsCreated: 0,
        contactsCreated: 0,
      });
      expect(fake.allContacts().find((c) => c.name === 'Bob Stone')!.title).toBe('Chief Operating Officer');
      const echo = [...fake.leads.values()].find((l) => l.name === 'Echo Solar')!;
      expect(echo.custom[fake.fields.find((f) => f.name === 'lead_tier')!.id]).toBe('WARM');
    });
  });

  it('checks each person against Close first: same email skipped, same LinkedIn gets the email, fuzzy company joins its lead, a doubtful one waits', async () => {
    ({ t, fake } = await setup({
      fields: [{ name: 'linkedin_url', type: 'text', accepts_multiple_values: true }],
      leads: [
        {
          name: 'ACME Plumbing, Inc.',
          url: 'https://acmeplumbing.com',
          contacts: [{ name: 'Ann Lee', emails: [{ email: 'Ann@AcmePlumbing.com', type: 'office' }] }],
        },
        {
          name: 'Bright Roofing LLC',
          contacts: [
            { name: 'Cara Diaz', urls: [{ url: 'https://www.linkedin.com/in/cara-diaz', type: 'url' }] },
          ],
          custom: { linkedin_url: ['https://www.linkedin.com/in/cara-diaz'] },
        },
        { name: 'Corner Electrical Services', url: 'https://cornerelectric.com' },
        { name: 'Delta Mechanical Group' },
      ],
    }));
    const leadsBefore = fake.leads.size;
    const report = await sync(t.db, fake);
    // Acme: Ann is there by email (skipped); Bob joins her lead. Bright: Cara is there by LinkedIn
    // and gets her email. Corner: the dedupe engine finds the lead (same domain, close name); Cy
    // joins it. Delta: a doubtful name match, left for the seller. Echo: new.
    expect(report).toMatchObject({
      leadsCreated: 1,
      contactsSkipped: 1,
      contactsUpdated: 1,
      contactsCreated: 3,
      failed: [],
    });
    expect(report.toReview).toEqual([
      expect.objectContaining({ companyName: 'Delta Mechanical', leadName: 'Delta Mechanical Group' }),
    ]);
    expect(report.toReview[0]!.score).toBeGreaterThanOrEqual(80);
    expect(report.toReview[0]!.score).toBeLessThan(90);
    expect(fake.leads.size).toBe(leadsBefore + 1);
    const lead = (name: string) => [...fake.leads.values()].find((l) => l.name === name)!;
    expect(lead('ACME Plumbing, Inc.').contacts.map((c) => c.name)).toEqual(['Ann Lee', 'Bob Stone']);
    expect(lead('Bright Roofing LLC').contacts.map((c) => c.emails.map((e) => e.email))).toEqual([
      ['cara@brightroofing.com'],
    ]);
    expect(lead('Corner Electrical Services').contacts.map((c) => c.name)).toEqual(['Cy Mora']);
    expect(lead('Delta Mechanical Group').contacts).toEqual([]);
    expect(lead('Echo Solar').contacts.map((c) => c.name)).toEqual(['Eli Ward']);
    // Searches asked Close by email and by the custom field, as the rules say.
    const queries = fake.requests.map((r) => r.query.query).filter(Boolean);
    expect(queries).toContain('email_address:"ann@acmeplumbing.com"');
    expect(queries).toContain('custom.linkedin_url:"https://www.linkedin.com/in/cara-diaz"');
    // Run again: nothing is created twice, and the doubtful company still waits.
    const again = await sync(t.db, fake);
    expect(again).toMatchObject({ leadsCreated: 0, contactsCreated: 0 });
    expect(again.toReview).toHaveLength(1);
    expect(closePeople(fake)).toHaveLength(new Set(closePeople(fake)).size);
  });

  it('a lead that names the person’s LinkedIn profile is theirs, even under another name: nobody is added twice', async () => {
    ({ t, fake } = await setup({
      fields: [{ name: 'linkedin_url', type: 'text', accepts_multiple_values: true }],
      leads: [
        {
          name: 'Echo Solar',
          contacts: [{ name: 'E. Ward' }],
          custom: { linkedin_url: ['https://www.linkedin.com/in/eli-ward'] },
        },
      ],
    }));
    const report = await sync(t.db, fake);
    const echo = [...fake.leads.values()].filter((l) => l.name === 'Echo Solar');
    expect(echo).toHaveLength(1);
    expect(echo[0]!.contacts.map((c) => c.name)).toEqual(['E. Ward']);
    expect(report).toMatchObject({ leadsCreated: 4, failed: [] });
    expect(report.contactsSkipped).toBeGreaterThanOrEqual(1);
    expect(closePeople(fake)).not.toContain('eli@echosolar.com');
  });

  it('waits out a 429 for the RateLimit header’s reset, then goes on', async () => {
    ({ t, fake } = await setup({ rateLimit: { limit: 6, windowMs: 400 } }));
    fake.rateLimitNext(2, 0.25);
    const client = new CloseClient({ apiKey: fake.key, baseUrl: fake.url });
    const report = await syncToClose(
      { db: t.db, clock: fixedClock(), client, throwIfCancelled: () => undefined, progress: () => undefined },
      { kind: 'approved' },
    );
    expect(report).toMatchObject({ leadsCreated: 5, contactsCreated: 6, failed: [] });
    expect(report.rateLimitWaits).toBeGreaterThanOrEqual(2);
    const limited = fake.requests.filter((r) => r.status === 429);
    expect(limited.length).toBe(report.rateLimitWaits);
    // After each 429 the next request came no sooner than the reset it was told.
    for (const hit of limited) {
      const next = fake.requests.find((r) => r.at > hit.at);
      expect(next, 'a request after the 429').toBeDefined();
      expect(next!.at - hit.at).toBeGreaterThanOrEqual(hit.reset! * 1000 - 5);
    }
    expect(limited[0]!.reset).toBe(0.25);
    expect(closePeople(fake)).toHaveLength(6);
  });

  it('a create that may have happened (connection dropped, 502) is looked up before it is tried again', async () => {
    ({ t, fake } = await setup());
    // Acme's create goes through but its answer is lost; so does Corner's (a 502 after the work).
    fake.inject({ method: 'POST', path: '/lead/', status: 0, afterWork: true });
    fake.onLeadCreated = (n) => {
      if (n === 2) fake.inject({ method: 'POST', path: '/lead/', status: 502, afterWork: true });
    };
    const report = await sync(t.db, fake);
    expect(report.failed).toEqual([]);
    // Acme's people are found by email; Corner's only person has no email: its lead is found by
    // its exact name. Neither is sent again.
    expect(fake.requests.filter((r) => r.query.query?.startsWith('name:')).map((r) => r.query.query)).toEqual(
      ['name:"Corner Electric"'],
    );
    expect(fake.count('POST', '/lead/')).toBe(5);
    expect(fake.leadsCreated).toBe(5);
    expect([...fake.leads.values()].map((l) => l.name).sort()).toEqual([
      'Acme Plumbing',
      'Bright Roofing',
      'Corner Electric',
      'Delta Mechanical',
      'Echo Solar',
    ]);
    expect(closePeople(fake)).toHaveLength(6);
    expect(count(t.db, 'crm_links', `entity_type = 'contact'`)).toBe(6);
  });

  it('stopped half-way, resumes without creating anything twice', async () => {
    ({ t, fake } = await setup());
    let stop = false;
    fake.onLeadCreated = (n) => {
      if (n === 2) stop = true;
    };
    await expect(sync(t.db, fake, { cancelled: () => stop })).rejects.toThrow(/cancelled/);
    expect(fake.leads.size).toBe(2);
    expect(count(t.db, 'crm_links', `entity_type = 'company'`)).toBe(2);
    expect(JSON.parse(t.db.prepare('SELECT details FROM exports').pluck().get() as string)).toMatchObject({
      status: 'stopped',
      leadsCreated: 2,
    });
    // A sync that dies between Close's answer and our record: the link is lost, the lead is not.
    t.db
      .prepare(
        `DELETE FROM crm_links WHERE entity_type = 'company' AND rowid = (SELECT max(rowid) FROM crm_links WHERE entity_type = 'company')`,
      )
      .run();
    t.db.prepare(`DELETE FROM crm_links WHERE entity_type = 'contact'`).run();
    fake.onLeadCreated = null;
    const resumed = await sync(t.db, fake);
    expect(resumed.failed).toEqual([]);
    expect(fake.leads.size).toBe(5);
    expect(closePeople(fake)).toEqual(
      [
        'ann@acmeplumbing.com',
        'bob@acmeplumbing.com',
        'cara@brightroofing.com',
        'Cy Mora',
        'dee@deltamech.com',
        'eli@echosolar.com',
      ].sort(),
    );
  });

  it('with every stored id lost, finds each lead again instead of creating it twice', async () => {
    ({ t, fake } = await setup());
    await sync(t.db, fake);
    const leads = fake.leads.size;
    const people = closePeople(fake);
    // As if the app had died after each of Close's answers and before recording it.
    t.db.prepare('DELETE FROM crm_links').run();
    const again = await sync(t.db, fake);
    expect(again).toMatchObject({ leadsCreated: 0, contactsCreated: 0, failed: [], toReview: [] });
    // Found by email; Cy (no email, no profile) through his company, by the dedupe engine.
    expect(again.contactsSkipped).toBe(6);
    expect(fake.leads.size).toBe(leads);
    expect(closePeople(fake)).toEqual(people);
    const cy = t.db
      .prepare(
        `SELECT l.remote_parent_id FROM crm_links l JOIN contacts c ON c.id = l.entity_id
         WHERE l.entity_type = 'contact' AND c.full_name = 'Cy Mora'`,
      )
      .pluck()
      .get();
    expect(cy).toBe([...fake.leads.values()].find((l) => l.name === 'Corner Electric')!.id);
  });

  it('stops at once on a refused key, saying so', async () => {
    ({ t, fake } = await setup());
    const client = new CloseClient({ apiKey: 'api_wrong_key_123', baseUrl: fake.url });
    await expect(
      syncToClose(
        {
          db: t.db,
          clock: fixedClock(),
          client,
          throwIfCancelled: () => undefined,
          progress: () => undefined,
        },
        { kind: 'approved' },
      ),
    ).rejects.toMatchObject({ code: 'not_allowed', message: expect.stringMatching(/refused the API key/) });
    expect(fake.leads.size).toBe(0);
  });
});
