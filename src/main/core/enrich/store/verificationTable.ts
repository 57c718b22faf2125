import type { Clock } from '../../clock';
import { systemClock } from '../../clock';
import type { Db } from '../../db/database';
import { statement } from '../../db/statementCache';
import type { EmailVerification } from '../hunterTypes';
import type { VerificationCache } from '../spend';

/** Verifier answers on `hunter_verifications`, one per address per month; the first one stays. */
export class VerificationTable implements VerificationCache {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock = systemClock,
  ) {}

  get(email: string, month: string): EmailVerification | undefined {
    const result = statement(this.db, 'SELECT result FROM hunter_verifications WHERE email = ? AND month = ?')
      .pluck()
      .get(email, month) as string | undefined;
    return result === undefined ? undefined : (JSON.parse(result) as EmailVerification);
  }

  set(email: string, month: string, result: EmailVerification): void {
    statement(
      this.db,
      `INSERT INTO hunter_verifications (email, month, result, verified_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (email, month) DO NOTHING`,
    ).run(email, month, JSON.stringify(result), this.clock.now().toISOString());
  }
}
