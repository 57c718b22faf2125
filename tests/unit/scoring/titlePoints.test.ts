import { describe, expect, it } from 'vitest';
import { scoringSettingsSchema, type ScoringSettings } from '../../../src/shared/domain/settings/scoring';
import { titleFactor } from '../../helpers/leads';
import { DEFAULT_ATL_KEYWORDS, isAtlTitle } from '../../../src/main/core/titles/atlTitle';

const DEFAULTS: ScoringSettings = scoringSettingsSchema.parse({});

const titleOf = (title: string | null, s = DEFAULTS) => titleFactor(title, s);

const counts = (as: string, points: number) => `counts as ${as}: ${points} of 40.`;
const NOT_ATL = 'is not an above-the-line title: 10 of 40.';
const atlWithoutRule = (keyword: string) =>
  `is above the line (${keyword}) but no title rule pays more for it: 10 of 40.`;

/**
 * Real titles → points → sentence under the default rules. The seeds' ladder (ARCHITECTURE.md):
 * CEO 40; President, Founder, Owner 35; VP 30; Director 20; other 10. A title with two roles earns
 * the better one. The seeds give the other chief officers no weight of their own although their
 * ATL list names CTO, CFO and COO: they earn the nearest senior rule under the chief executive,
 * President's 35.
 */
const TABLE: [title: string, points: number, sentenceEnd: string][] = [
  // The audit's cases: a chief officer was "not a senior title" at 10; two roles took the first rule.
  ['Chief Operating Officer', 35, counts('chief officer', 35)],
  ['Co-Founder & VP Engineering', 35, counts('president, founder or owner', 35)],
  ['VP and Founder', 35, counts('president, founder or owner', 35)],
  // Every C-level officer below the CEO, spelled out or as the acronym.
  ['COO', 35, counts('chief officer', 35)],
  ['CFO', 35, counts('chief officer', 35)],
  ['Chief Financial Officer', 35, counts('chief officer', 35)],
  ['CTO', 35, counts('chief officer', 35)],
  ['Chief Technology Officer', 35, counts('chief officer', 35)],
  ['CRO', 35, counts('chief officer', 35)],
  ['Chief Revenue Officer', 35, counts('chief officer', 35)],
  ['CMO', 35, counts('chief officer', 35)],
  ['Chief Marketing & Growth Officer', 35, counts('chief officer', 35)],
  // The CEO outranks every other rule, whichever role is named first.
  ['Founder/CEO', 40, counts('chief executive', 40)],
  ['President & Chief Executive Officer', 40, counts('chief executive', 40)],
  ['Chief Executive', 40, counts('chief executive', 40)],
  // Two rules at 35: the first listed names it (President before Chief officer).
  ['President & COO', 35, counts('president, founder or owner', 35)],
  ['Owner/Operator', 35, counts('president, founder or owner', 35)],
  // "Vice" makes a deputy: a Senior Vice President is a VP (30), not a President (35).
  ['Senior Vice President, Field Operations', 30, counts('vice president', 30)],
  ['VP of Sales & Marketing', 30, counts('vice president', 30)],
  ['EVP, Operations', 30, counts('vice president', 30)],
  // Directors are 20 in the seeds, whatever comes in front: an Executive Director runs a
  // non-profit, but this seller sells to contractors, and the seeds pay "director" 20 flat.
  ['Executive Director', 20, counts('director', 20)],
  ['Director of Operations', 20, counts('director', 20)],
  ['Managing Director', 20, counts('director', 20)],
  // Above the line (the discovery and the ATL filter keep them) with no rule of their own in the
  // seeds: the other-title 10, and the sentence says they are above the line.
  ['Head of Operations', 10, atlWithoutRule('Head of')],
  ['Managing Partner', 10, atlWithoutRule('Partner')],
  // Not above the line: the boss named by an assistant, demoted, former, or "chief" of no officer.
  ['Assistant to the CEO', 10, NOT_ATL],
  ['Executive Assistant to the President', 10, NOT_ATL],
  ['Assistant Vice President', 10, NOT_ATL],
  ['Former CEO | Advisor to contractors', 10, NOT_ATL],
  ['Chief Estimator', 10, NOT_ATL],
  ['Chief of Staff', 10, NOT_ATL],
  ['Crew Chief', 10, NOT_ATL],
  ['Office Manager', 10, NOT_ATL],
  ['Project Manager', 10, NOT_ATL],
  ['Product Owner', 10, NOT_ATL],
];

describe('title points and their sentence (default rules)', () => {
  it.each(TABLE)('“%s” earns %i: “… %s”', (title, points, sentenceEnd) => {
    const factor = titleOf(title);
    expect(factor.points).toBe(points);
    expect(factor.max).toBe(40);
    expect(factor.sentence).toBe(`“${title}” ${sentenceEnd}`);
  });

  it('never calls a title the ATL rule keeps "not above the line", nor pays a title it drops', () => {
    for (const [title, points, sentence] of TABLE) {
      const atl = isAtlTitle(title, DEFAULTS.atlKeywords);
      expect(sentence === NOT_ATL, title).toBe(!atl);
      // Every title a rule pays is above the line; nothing below the line earns more than 10.
      if (points > DEFAULTS.otherTitlePoints) expect(atl, title).toBe(true);
    }
  });

  it('pays every C-level acronym the ATL rule knows as a chief officer, and the CEO as the CEO', () => {
    for (const acronym of [
      'CFO',
      'COO',
      'CTO',
      'CMO',
      'CRO',
      'CIO',
      'CSO',
      'CPO',
      'CCO',
      'CDO',
      'CAO',
      'CHRO',
    ]) {
      expect(titleOf(acronym).points, acronym).toBe(35);
      expect(titleOf(`${acronym} at Acme Roofing`).points, acronym).toBe(35);
    }
    expect(titleOf('CEO').points).toBe(40);
  });

  it('says when no title is known', () => {
    expect(titleOf(null).sentence).toBe('No title known: 10 of 40.');
  });
});

describe('the title rules and the ATL rule share one definition', () => {
  it('the scoring settings default to the ATL matcher’s own keywords (one list)', () => {
    expect(DEFAULTS.atlKeywords).toEqual([...DEFAULT_ATL_KEYWORDS]);
  });

  it('judges "above the line" in the sentence by the seller’s edited ATL keywords', () => {
    const noHeads = scoringSettingsSchema.parse({
      atlKeywords: DEFAULT_ATL_KEYWORDS.filter((k) => k !== 'Head of'),
    });
    expect(titleOf('Head of Operations', noHeads).sentence).toBe(`“Head of Operations” ${NOT_ATL}`);
    expect(titleOf('Head of Operations').sentence).toBe(`“Head of Operations” ${atlWithoutRule('Head of')}`);
  });

  it('pays the best matching rule whatever order the rules are listed in', () => {
    const reversed = scoringSettingsSchema.parse({ titleRules: [...DEFAULTS.titleRules].reverse() });
    for (const [title, points] of TABLE) expect(titleOf(title, reversed).points, title).toBe(points);
  });

  it('follows edited points: the best rule is judged on the seller’s numbers', () => {
    const vpFirst = scoringSettingsSchema.parse({
      titleRules: DEFAULTS.titleRules.map((r) => (r.label === 'Vice president' ? { ...r, points: 38 } : r)),
    });
    expect(titleOf('Co-Founder & VP Engineering', vpFirst)).toMatchObject({
      points: 38,
      sentence: '“Co-Founder & VP Engineering” counts as vice president: 38 of 40.',
    });
  });
});
