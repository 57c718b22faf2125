import { describe, expect, it } from 'vitest';
import { exportSettingsSchema } from '../../../src/shared/domain/settings/export';
import { enrichSettingsSchema } from '../../../src/shared/domain/settings/enrich';
import { linkedinSettingsSchema } from '../../../src/shared/domain/settings/linkedin';
import { isServiceUrl } from '../../../src/shared/domain/settings/serviceUrl';

describe('a service address in Settings', () => {
  it('is the service’s own https host or a test server on this computer, nothing else', () => {
    const close = ['api.close.com'];
    expect(isServiceUrl('https://api.close.com', close)).toBe(true);
    expect(isServiceUrl('https://api.close.com/api/v1/', close)).toBe(true);
    expect(isServiceUrl('http://127.0.0.1:8123', close)).toBe(true);
    expect(isServiceUrl('http://localhost:8123/x', close)).toBe(true);
    for (const bad of [
      'https://evil.example',
      'https://api.close.com.evil.example',
      'https://evil.example/api.close.com',
      'https://user:pass@api.close.com',
      'http://api.close.com',
      'http://10.0.0.2:8123',
      'ftp://api.close.com',
      'not a url',
    ])
      expect(isServiceUrl(bad, close), bad).toBe(false);
  });

  it('keeps each service to its own hosts, and says which address is meant', () => {
    const close = exportSettingsSchema.safeParse({ close: { baseUrl: 'https://api.hunter.io' } });
    expect(close.error?.issues[0]?.message).toBe(
      'The Close API address must be https://api.close.com (or a test server on 127.0.0.1).',
    );
    expect(enrichSettingsSchema.safeParse({ hunterBaseUrl: 'https://api.close.com/v2' }).success).toBe(false);
    expect(enrichSettingsSchema.parse({}).hunterBaseUrl).toBe('https://api.hunter.io/v2');
    expect(linkedinSettingsSchema.safeParse({ baseUrl: 'https://linkedin.com' }).success).toBe(true);
    expect(linkedinSettingsSchema.safeParse({ baseUrl: 'https://www.linkedin.com' }).success).toBe(true);
    expect(linkedinSettingsSchema.safeParse({ baseUrl: 'https://linkedin.example' }).success).toBe(false);
  });
});
