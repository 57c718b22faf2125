import { z } from 'zod';
import { defineCall } from './define';
import { secretNameSchema, secretValueSchema, type SecretStatus } from '../domain/secrets';

/**
 * API keys go in once and never come back out: no call returns a key, only whether one is saved
 * and its last four characters. Answered by the host (Electron main), which alone talks to the
 * keychain: keytar must stay on one thread, and the core asks the host for a key when a provider
 * call needs one.
 */
export const secretCalls = {
  'secrets.status': defineCall('main', z.undefined()).returns<SecretStatus[]>(),
  'secrets.save': defineCall(
    'main',
    z.object({ name: secretNameSchema, value: secretValueSchema }).strict(),
  ).returns<SecretStatus>(),
  'secrets.delete': defineCall('main', z.object({ name: secretNameSchema }).strict()).returns<SecretStatus>(),
};
