import type { Db } from '../../db/database';
import { statement } from '../../db/statementCache';
import type { LearnedPattern, PatternStore } from '../patternStore';
import type { PatternTemplate } from '../patterns';

interface Row {
  template: string;
  source: LearnedPattern['source'];
  example: string | null;
  confirmations: number;
  learned_at: string;
}

/** The engine's pattern store on `email_patterns`: what one run learns, the next run (or job) knows. */
export class PatternTable implements PatternStore {
  constructor(private readonly db: Db) {}

  get(domain: string): LearnedPattern | undefined {
    const row = statement(
      this.db,
      'SELECT template, source, example, confirmations, learned_at FROM email_patterns WHERE domain = ?',
    ).get(domain) as Row | undefined;
    if (!row) return undefined;
    return {
      template: row.template as PatternTemplate,
      source: row.source,
      example: row.example,
      confirmations: row.confirmations,
      learnedAt: row.learned_at,
    };
  }

  set(domain: string, pattern: LearnedPattern): void {
    statement(
      this.db,
      `INSERT INTO email_patterns (domain, template, source, example, confirmations, learned_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (domain) DO UPDATE SET template = excluded.template, source = excluded.source,
         example = excluded.example, confirmations = excluded.confirmations, learned_at = excluded.learned_at`,
    ).run(
      domain,
      pattern.template,
      pattern.source,
      pattern.example,
      pattern.confirmations,
      pattern.learnedAt,
    );
  }
}
