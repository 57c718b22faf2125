import { describe, expect, it } from 'vitest';
import { enrichSettingsSchema } from '../../../src/shared/domain/settings/enrich';
import { hunterOrigin } from '../../../src/main/core/enrich/job/runEnrichment';

describe('enrichment settings', () => {
  it('default to Hunter’s v2 address, executives and seniors, every department, one verification per unknown domain', () => {
    expect(enrichSettingsSchema.parse({})).toEqual({
      hunterBaseUrl: 'https://api.hunter.io/v2',
      seniority: ['executive', 'senior'],
      departments: [],
      verifyGuessesPerDomain: 1,
      useEmailFinder: false,
      maxGuesses: 3,
      guessDomains: true,
      dnsServers: [],
    });
  });

  it('take https, or a test server on 127.0.0.1, and nothing else', () => {
    expect(enrichSettingsSchema.safeParse({ hunterBaseUrl: 'http://127.0.0.1:8080/v2' }).success).toBe(true);
    const plain = enrichSettingsSchema.safeParse({ hunterBaseUrl: 'http://api.hunter.io/v2' });
    expect(plain.success).toBe(false);
    expect(plain.error?.issues[0]?.message).toMatch(/must be https/);
    expect(enrichSettingsSchema.safeParse({ seniority: ['boss'] }).success).toBe(false);
    expect(enrichSettingsSchema.safeParse({ dnsServers: ['dns.google'] }).success).toBe(false);
    expect(enrichSettingsSchema.safeParse({ dnsServers: ['127.0.0.1:5353'] }).success).toBe(true);
  });

  it('give the client the address without the /v2 it adds itself', () => {
    expect(hunterOrigin('https://api.hunter.io/v2')).toBe('https://api.hunter.io');
    expect(hunterOrigin('https://api.hunter.io/v2/')).toBe('https://api.hunter.io');
    expect(hunterOrigin('http://127.0.0.1:9/')).toBe('http://127.0.0.1:9');
  });
});
