import { z } from 'zod';
import { defineCall } from './define';
import { secretNameSchema, secretValueSchema, type SecretStatus } from '../domain/secrets';

/**
 * API keys go in once and never come back out: no call returns a key, only whether one is saved
 * and its last four characters.
 */
export const secretCalls = {
  'secrets.status': defineCall('core', z.undefined()).returns<SecretStatus[]>(),
  'secrets.save': defineCall(
    'core',
    z.object({ name: secretNameSchema, value: secretValueSchema }).strict(),
  ).returns<SecretStatus>(),
  'secrets.delete': defineCall('core', z.object({ name: secretNameSchema }).strict()).returns<SecretStatus>(),
};
