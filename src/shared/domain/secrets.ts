import { z } from 'zod';

/** The API keys the app can hold. Each lives in the OS keychain and nowhere else. */
export const SECRET_NAMES = ['hunter', 'close'] as const;
export const secretNameSchema = z.enum(SECRET_NAMES);
export type SecretName = z.infer<typeof secretNameSchema>;

export const SECRET_LABELS: Record<SecretName, string> = {
  hunter: 'Hunter.io API key',
  close: 'Close API key',
};

/** What the UI may know about a stored key: whether it is there and its last four characters. */
export interface SecretStatus {
  name: SecretName;
  saved: boolean;
  last4: string | null;
}

/** API keys are printable, without spaces; this refuses pasted whitespace and obvious junk. */
export const secretValueSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(8, 'That key is too short to be an API key.')
      .max(512, 'That key is too long to be an API key.')
      .regex(/^[\x21-\x7e]+$/, 'An API key has no spaces or special characters; check what was pasted.'),
  );
