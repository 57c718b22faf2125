import { describe, expect, it } from 'vitest';
import { DEFAULT_ATL_KEYWORDS, isAtlTitle, matchAtlTitle } from '../../../src/main/core/titles/atlTitle';

describe('the ATL title rule (default keywords)', () => {
  it.each([
    'CEO',
    'Chief Executive Officer',
    'President & CEO, Dunn Electric',
    'Vice President of Sales',
    'VP, Operations',
    'SVP Sales',
    'Senior Vice President, Field Operations',
    'Co-founder & CTO',
    'Cofounder',
    'Founder | Brooks Solar',
    'Owner',
    'Co-Owner at Jimenez Roofing & Gutters',
    'Business Owner',
    'Owner/Operator',
    'Owner, Raman Electric LLC',
    'Managing Partner',
    'Partner at Smith & Lowe LLP',
    'Founding Partner',
    'Managing Director, Acme Roofing Commercial',
    'Director of Operations | Acme Roofing',
    'Sales Director',
    'Head of Finance at Acme Roofing',
    'Chief Financial Officer',
    'Chief Marketing & Growth Officer',
    'CFO',
    'COO / Co-Founder',
    'Helping roofers scale | CEO at Acme Roofing',
    // Accents are dropped before matching, so this one reads as "President".
    'Président-directeur général',
  ])('counts %s', (title) => {
    expect(isAtlTitle(title)).toBe(true);
  });

  it.each([
    ['Assistant to the CEO', 'names the boss'],
    ['Executive Assistant to the CEO at Acme Roofing', 'names the boss'],
    ['EA to the President and CEO', 'names the boss'],
    ['Director’s Assistant at Acme Roofing', 'possessive'],
    ["Director's assistant", 'possessive'],
    ['Owner’s Representative – Acme Roofing', 'possessive'],
    ["President's Club winner | Account Executive", 'possessive'],
    ['Assistant Director of Facilities', 'demoted'],
    ['Associate Director', 'demoted'],
    ['Assistant Vice President', 'demoted (AVP)'],
    ['AVP, Lending', 'AVP is not VP'],
    ['Former VP, Acme Roofing | Now consulting for contractors', 'not current'],
    ['ex-CEO turned advisor', 'not current'],
    ['Aspiring Founder', 'not current'],
    ['Chief Estimator at Acme Roofing', 'not a chief officer'],
    ['Crew Chief', 'not a chief officer'],
    ['Chief of Staff', 'not a chief officer'],
    ['Product Owner – Acme Roofing Digital', 'a job of its own'],
    ['Partner Manager', 'modifier'],
    ['HR Business Partner', 'a job of its own'],
    ['Channel Partner Manager', 'modifier'],
    ['I coach CEOs and founders', 'plurals are not titles'],
    ['Directory services engineer', 'whole words only'],
    ['MVP of the regional sales team', 'whole words only'],
    ['Roofing Estimator at Acme Roofing', 'no keyword'],
    ['', 'empty'],
  ])('does not count %s (%s)', (title) => {
    expect(matchAtlTitle(title)).toBeNull();
  });

  it('says which keyword matched, and where', () => {
    expect(matchAtlTitle('Helping roofers scale | CEO at Acme Roofing')).toEqual({
      keyword: 'CEO',
      part: 'CEO at Acme Roofing',
    });
    expect(matchAtlTitle('VP, Operations')).toEqual({ keyword: 'VP', part: 'VP' });
    expect(matchAtlTitle('Chief Technology Officer')).toEqual({
      keyword: 'Chief',
      part: 'Chief Technology Officer',
    });
    expect(matchAtlTitle(null)).toBeNull();
  });

  it('follows the seller’s keywords: removing one, or adding their own', () => {
    const noDirectors = DEFAULT_ATL_KEYWORDS.filter((k) => k !== 'Director' && k !== 'Managing Director');
    expect(isAtlTitle('Director of Operations', noDirectors)).toBe(false);
    expect(isAtlTitle('Managing Director', noDirectors)).toBe(false);
    expect(isAtlTitle('Superintendent', [...DEFAULT_ATL_KEYWORDS, 'Superintendent'])).toBe(true);
    expect(isAtlTitle('Assistant Superintendent', [...DEFAULT_ATL_KEYWORDS, 'Superintendent'])).toBe(false);
    // With only "CEO", the acronym and its spelled-out form both count.
    expect(isAtlTitle('Chief Executive Officer', ['CEO'])).toBe(true);
    expect(isAtlTitle('CFO', ['CEO'])).toBe(false);
  });

  it('does not read a Vice President as a President ("vice" makes a deputy)', () => {
    // The title rules pay the best keyword a title matches: "President" must not pay a VP 35.
    for (const title of ['Vice President of Sales', 'Senior Vice-President', 'Executive Vice President'])
      expect(matchAtlTitle(title, ['President']), title).toBeNull();
    expect(matchAtlTitle('Vice President of Sales')).toEqual({
      keyword: 'Vice President',
      part: 'Vice President of Sales',
    });
    expect(matchAtlTitle('President & CEO', ['President'])?.keyword).toBe('President');
  });
});
