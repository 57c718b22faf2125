import { describe, expect, it } from 'vitest';
import { parsePersonName } from '../../../src/main/core/enrich/names';
import { mergeLearnedPattern, type LearnedPattern } from '../../../src/main/core/enrich/patternStore';
import { detectTemplate, normalizeTemplate, patternName } from '../../../src/main/core/enrich/patterns';

const name = (fullName: string) => parsePersonName({ fullName })!;
const AT = '2025-06-15T12:00:00.000Z';

describe('pattern detection', () => {
  it('names the pattern an address follows', () => {
    expect(detectTemplate(name('Jane Doe'), 'jane.doe')).toBe('{first}.{last}');
    expect(detectTemplate(name('Jane Doe'), 'jdoe')).toBe('{f}{last}');
    expect(detectTemplate(name('Jane Doe'), 'doe')).toBe('{last}');
    expect(detectTemplate(name('Jane Doe'), 'JANE_DOE')).toBe('{first}_{last}');
    expect(detectTemplate(name("Sean O'Neil"), 'soneil')).toBe('{f}{last}');
    expect(detectTemplate(name('Mary-Jane Watson'), 'maryjane.watson')).toBe('{first}.{last}');
    expect(detectTemplate(name('Jürgen Müller'), 'juergen.mueller')).toBe('{first}.{last}');
  });

  it('learns nothing from an address no pattern explains, or that two patterns explain', () => {
    expect(detectTemplate(name('Jane Doe'), 'sales')).toBeNull();
    expect(detectTemplate(name('Jane Doe'), 'jane.doe2')).toBeNull();
    // li.li is first.last and last.first at once: it says nothing about anyone else.
    expect(detectTemplate(name('Li Li'), 'li.li')).toBeNull();
  });

  it("reads Hunter's templates and refuses anything else", () => {
    expect(normalizeTemplate('{first}.{last}')).toBe('{first}.{last}');
    expect(normalizeTemplate(' {F}{LAST} ')).toBe('{f}{last}');
    expect(normalizeTemplate('{first}..{last}')).toBeNull();
    expect(normalizeTemplate('{middle}.{last}')).toBeNull();
    expect(normalizeTemplate('sales')).toBeNull();
    expect(normalizeTemplate(null)).toBeNull();
    expect(patternName('{f}.{last}')).toBe('f.last');
    expect(patternName('{last}')).toBe('{last}');
  });
});

describe('pattern learning', () => {
  const verified = (template: string): Parameters<typeof mergeLearnedPattern>[1] => ({
    template,
    source: 'verified_address',
    example: `x@acme.com`,
  });

  it('lets a verified address replace what Hunter inferred, and not the other way round', () => {
    const fromHunter = mergeLearnedPattern(
      undefined,
      { template: '{first}', source: 'hunter', example: null },
      AT,
    );
    const learned = mergeLearnedPattern(fromHunter, verified('{first}.{last}'), AT);
    expect(learned).toMatchObject({
      template: '{first}.{last}',
      source: 'verified_address',
      confirmations: 1,
    });
    expect(mergeLearnedPattern(learned, { template: '{first}', source: 'hunter', example: null }, AT)).toBe(
      learned,
    );
  });

  it('keeps a well-confirmed pattern against one odd address, and flips on a majority', () => {
    let p: LearnedPattern | undefined;
    for (let i = 0; i < 3; i++) p = mergeLearnedPattern(p, verified('{first}.{last}'), AT);
    expect(p!.confirmations).toBe(3);
    p = mergeLearnedPattern(p, verified('{f}{last}'), AT);
    expect(p).toMatchObject({ template: '{first}.{last}', confirmations: 2 });
    p = mergeLearnedPattern(p, verified('{f}{last}'), AT);
    p = mergeLearnedPattern(p, verified('{f}{last}'), AT);
    expect(p).toMatchObject({ template: '{f}{last}', confirmations: 1 });
  });
});
