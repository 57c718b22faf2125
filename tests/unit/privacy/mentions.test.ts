import { describe, expect, it } from 'vitest';
import { mentions, type Identifiers } from '../../../src/main/core/privacy/people';
import { linkedinKey } from '../../../src/main/core/normalize/linkedin';

/** How erasure finds a person in free text (job results, audit details): by the stored keys' rule. */
describe('finding a person’s LinkedIn profile in a text', () => {
  const ids = (...profiles: string[]): Identifiers => ({
    emails: new Set(),
    linkedinKeys: new Set(profiles.map((p) => linkedinKey(p)!.toLowerCase())),
    names: new Set(),
  });

  it('by the key an import stored: the legacy /pub/ form, another case, an encoded name', () => {
    const jane = ids('https://www.linkedin.com/in/jane-doe-4c2b31a');
    expect(mentions('found at linkedin.com/pub/jane-doe/1a/2b3/4c today', jane)).toBe(true);
    expect(mentions('see https://www.linkedin.com/in/Jane-Doe-4C2B31A/?trk=x', jane)).toBe(true);
    expect(mentions('see https://www.linkedin.com/in/jane-doe', jane)).toBe(false);
    expect(mentions('a company: https://www.linkedin.com/company/jane-doe-4c2b31a', jane)).toBe(false);
    const jose = ids('https://www.linkedin.com/in/josé-pérez');
    expect(mentions('{"url":"https://www.linkedin.com/in/jos%C3%A9-p%C3%A9rez"}', jose)).toBe(true);
  });
});
