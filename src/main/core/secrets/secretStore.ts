import { createRequire } from 'node:module';
import { AppFailure } from '@shared/contract/result';
import { SECRET_NAMES, type SecretName, type SecretStatus } from '@shared/domain/secrets';

/** What the core needs of the keychain: one key, to call a provider with. */
export interface SecretReader {
  read(name: SecretName): Promise<string | null>;
}

/** The three keychain operations we use; keytar in the app, the same keytar in tests. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'Prospect Desk';

/** keytar is loaded on first use, so a machine without a keychain can still run everything else. */
export function loadKeytar(): KeychainBackend {
  const require = createRequire(import.meta.url);
  return require('keytar') as KeychainBackend;
}

const UNAVAILABLE =
  'The system keychain is not available, so API keys cannot be stored safely. On Linux, install and unlock a ' +
  'Secret Service keyring (GNOME Keyring or KWallet with libsecret); on macOS and Windows the keychain is built in.';

/**
 * API keys live in the OS keychain and nowhere else. This store hands out a key only to core code
 * that calls a provider (`read`); everything the UI gets is `status`, which shows the last four
 * characters and never the key.
 */
export class SecretStore implements SecretReader {
  private backend: KeychainBackend | null = null;

  constructor(
    private readonly service: string = DEFAULT_KEYCHAIN_SERVICE,
    private readonly loadBackend: () => KeychainBackend = loadKeytar,
  ) {}

  async statusAll(): Promise<SecretStatus[]> {
    return Promise.all(SECRET_NAMES.map((name) => this.status(name)));
  }

  async status(name: SecretName): Promise<SecretStatus> {
    const value = await this.read(name);
    return { name, saved: value !== null, last4: value === null ? null : value.slice(-4) };
  }

  async save(name: SecretName, value: string): Promise<SecretStatus> {
    await this.guard(() => this.keychain().setPassword(this.service, name, value));
    return this.status(name);
  }

  async delete(name: SecretName): Promise<SecretStatus> {
    await this.guard(() => this.keychain().deletePassword(this.service, name));
    return this.status(name);
  }

  /** The key itself, for a provider client in the core. Never return this across IPC. */
  async read(name: SecretName): Promise<string | null> {
    return this.guard(() => this.keychain().getPassword(this.service, name));
  }

  private keychain(): KeychainBackend {
    if (!this.backend) {
      try {
        this.backend = this.loadBackend();
      } catch (error) {
        throw new AppFailure('keychain_unavailable', `${UNAVAILABLE} (${(error as Error).message})`);
      }
    }
    return this.backend;
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof AppFailure) throw error;
      // keytar's errors name the D-Bus or keychain failure; they never contain the secret.
      throw new AppFailure('keychain_unavailable', `${UNAVAILABLE} (${(error as Error).message})`);
    }
  }
}
