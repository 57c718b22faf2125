import { describe, expect, it } from 'vitest';
import { HunterClient } from '../../../src/main/core/enrich/hunterClient';

describe('tests and the network', () => {
  it('refuse any fetch beyond this computer, so no test can reach a real service', async () => {
    await expect(fetch('https://api.hunter.io/v2/account')).rejects.toThrow(
      'A test tried to reach api.hunter.io: tests talk only to fake servers on 127.0.0.1.',
    );
    // The app's own client goes through the same fetch: a lost fake address fails loudly.
    const hunter = new HunterClient({ apiKey: 'test-key', baseUrl: 'https://api.hunter.io' });
    await expect(hunter.account()).rejects.toThrow(/api\.hunter\.io/);
  });
});
