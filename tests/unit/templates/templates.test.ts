import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { StillClock, seedLeads, useOutreachSettings } from '../../helpers/leads';
import {
  companyForMessage,
  contactValues,
  deleteTemplate,
  listTemplates,
  saveTemplate,
} from '../../../src/main/core/templates/templates';
import {
  messageProblem,
  renderTemplate,
  unfilledProblem,
  variablesIn,
} from '../../../src/shared/domain/templates';
import { INVITE_NOTE_MAX as LINKEDIN_NOTE_MAX } from '../../../src/main/core/linkedin/assistedSend';
import { INVITE_NOTE_MAX } from '../../../src/shared/domain/templates';
import { AppFailure } from '../../../src/shared/contract/result';

describe('rendering a template', () => {
  it('uses the contact’s values, the template’s fallback, then the variable’s own', () => {
    const text = 'Hi {first_name}, how is {company}? {mutual_connection|Sam} says hello. — {my_name}';
    expect(renderTemplate(text, { first_name: 'Ann', company: 'Acme', my_name: 'Bo' })).toEqual({
      text: 'Hi Ann, how is Acme? Sam says hello. — Bo',
      missing: ['mutual_connection'],
      unknown: [],
    });
    expect(renderTemplate(text, { first_name: '  ' }, { company: 'your firm' })).toEqual({
      text: 'Hi there, how is your firm? Sam says hello. —',
      missing: ['first_name', 'company', 'mutual_connection', 'my_name'],
      unknown: [],
    });
  });

  it('leaves unknown names as written and reports them', () => {
    expect(renderTemplate('Hi {frist_name}', { first_name: 'Ann' })).toEqual({
      text: 'Hi {frist_name}',
      missing: [],
      unknown: ['frist_name'],
    });
    expect(variablesIn('{title} at {company}, {title}')).toEqual(['title', 'company']);
  });

  it('sees a wrongly cased or misspelled name, and will not call such a message ready', () => {
    const rendered = renderTemplate('Hi {First_Name}, {compnay|you} looks great', { first_name: 'Ann' });
    expect(rendered).toEqual({
      text: 'Hi {First_Name}, {compnay|you} looks great',
      missing: [],
      unknown: ['First_Name', 'compnay'],
    });
    expect(unfilledProblem(null, rendered.text)).toBe(
      '“{First_Name}” is not a variable and would be sent as written: did you mean {first_name}? Fix it (in the template on the Templates page, or here).',
    );
    expect(unfilledProblem('About {compnay}', 'Hi Ann')).toBe(
      '“{compnay}” is not a variable and would be sent as written: did you mean {company}? Fix it (in the template on the Templates page, or here).',
    );
    expect(unfilledProblem(null, 'See {the attached}', '')).toBe(
      '“{the attached}” is not a variable and would be sent as written. Fix it.',
    );
    expect(unfilledProblem(null, 'Hi Ann, {braces} aside [your area]')).toMatch(
      /^Write your own words in place of “\[your area\]”/,
    );
    expect(unfilledProblem('Hello', 'Hi Ann, all filled in.')).toBeNull();
  });

  it('tidies what an empty fallback leaves', () => {
    expect(renderTemplate('Hi {last_name}, thanks', {}).text).toBe('Hi, thanks');
  });

  it('knows LinkedIn’s limits, the same 300 as the browser actions', () => {
    expect(INVITE_NOTE_MAX).toBe(LINKEDIN_NOTE_MAX);
    expect(messageProblem('invite', null, 'a'.repeat(300))).toBeNull();
    expect(messageProblem('invite', null, ` ${'a'.repeat(300)}\n`)).toBeNull();
    expect(messageProblem('invite', null, 'a'.repeat(301))).toMatch(/301 characters; LinkedIn allows 300/);
    expect(messageProblem('inmail', '', 'Body')).toBe('The subject is empty.');
    expect(messageProblem('email', 'Hi', '  ')).toBe('The message is empty.');
  });

  it('drops a company’s legal form in a message', () => {
    expect(companyForMessage('Okafor Electric, Inc.')).toBe('Okafor Electric');
    expect(companyForMessage('Sunrise Builders & Co')).toBe('Sunrise Builders & Co');
    expect(companyForMessage('Acme Holdings LLC')).toBe('Acme Holdings');
  });
});

describe('stored templates', () => {
  let t: ReturnType<typeof freshDb>;
  const clock = new StillClock('2026-03-02T17:00:00Z');
  beforeEach(() => {
    t = freshDb();
  });
  afterEach(() => t.cleanup());

  const failure = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof AppFailure) return e;
      throw e;
    }
    throw new Error('expected a failure');
  };

  it('start with the seeds’ templates, one default per kind', () => {
    const templates = listTemplates(t.db);
    expect(templates.map((x) => [x.kind, x.name, x.isDefault])).toEqual([
      ['email', 'Intro email', true],
      ['follow_up', 'Thanks for connecting', true],
      ['inmail', 'Intro InMail', true],
      ['invite', 'Connection note', true],
    ]);
    const invite = templates.find((x) => x.kind === 'invite')!;
    expect(invite.body).toContain("learn more about {company}'s [relevant area]");
    expect(templates.find((x) => x.kind === 'inmail')!.body).toMatch(/Best regards,\n\{my_name\}$/);
  });

  it('refuses an invite template over 300 characters, and one without a subject where one is needed', () => {
    expect(
      failure(() => saveTemplate(t.db, { kind: 'invite', name: 'Long', body: 'x'.repeat(301) }, clock))
        .message,
    ).toBe('An invitation note can have 300 characters; this template has 301.');
    expect(
      failure(() => saveTemplate(t.db, { kind: 'email', name: 'No subject', body: 'Hi' }, clock)).code,
    ).toBe('invalid_input');
    expect(
      failure(() => saveTemplate(t.db, { kind: 'invite', name: 'Connection note', body: 'Hi' }, clock)).code,
    ).toBe('conflict');
  });

  it('moves the default when another is made default or the default is deleted', () => {
    const short = saveTemplate(
      t.db,
      {
        kind: 'invite',
        name: 'Short',
        body: 'Hi {first_name}!',
        fallbacks: { first_name: 'friend' },
        isDefault: true,
      },
      clock,
    );
    expect(short).toMatchObject({ isDefault: true, fallbacks: { first_name: 'friend' } });
    const invites = () =>
      listTemplates(t.db)
        .filter((x) => x.kind === 'invite')
        .map((x) => [x.name, x.isDefault]);
    expect(invites()).toEqual([
      ['Short', true],
      ['Connection note', false],
    ]);
    deleteTemplate(t.db, short.id, clock);
    expect(invites()).toEqual([['Connection note', true]]);
  });

  it('previews against a real contact’s values', () => {
    const [id] = seedLeads(
      t.db,
      [
        {
          name: 'Brian Okafor',
          title: 'VP, Operations',
          company: 'Okafor Electric, Inc.',
          tier: 'WARM',
          score: 60,
        },
      ],
      clock,
    );
    useOutreachSettings(t.db, clock, { senderName: 'Jo Seller' });
    expect(contactValues(t.db, id!, 'Jo Seller')).toMatchObject({
      first_name: 'Brian',
      last_name: 'Okafor',
      title: 'VP, Operations',
      company: 'Okafor Electric',
      mutual_connection: null,
      my_name: 'Jo Seller',
    });
  });
});
