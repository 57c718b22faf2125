import { z } from 'zod';
import { serviceUrl } from './serviceUrl';

/** Hunter's seniority levels and departments, as its domain search takes them. */
export const HUNTER_SENIORITIES = ['junior', 'senior', 'executive'] as const;
export const HUNTER_DEPARTMENTS = [
  'executive',
  'it',
  'finance',
  'management',
  'sales',
  'legal',
  'support',
  'hr',
  'marketing',
  'communication',
  'education',
  'design',
  'health',
  'operations',
] as const;

export const DEFAULT_HUNTER_BASE_URL = 'https://api.hunter.io/v2';

/**
 * Email enrichment: where Hunter's API lives (tests point it at a fake server on 127.0.0.1), whom a
 * domain search asks for, and how much of the month's credits one domain may use. The monthly
 * budgets themselves are quotas (Settings → Outreach limits: Hunter searches and verifications).
 */
export const enrichSettingsSchema = z.object({
  hunterBaseUrl: serviceUrl('Hunter API', DEFAULT_HUNTER_BASE_URL, ['api.hunter.io']),
  seniority: z.array(z.enum(HUNTER_SENIORITIES)).max(3).default(['executive', 'senior']),
  /** Empty: every department. */
  departments: z.array(z.enum(HUNTER_DEPARTMENTS)).max(HUNTER_DEPARTMENTS.length).default([]),
  /**
   * Verification credits spent per domain whose pattern is unknown: the best guess is checked, and
   * a valid answer teaches the pattern to everyone else there. 0 spends none.
   */
  verifyGuessesPerDomain: z.number().int().min(0).max(5).default(1),
  /** Ask the email finder (a search credit each) for people a domain search did not list. */
  useEmailFinder: z.boolean().default(false),
  /** Guessed addresses kept per person when the domain's pattern is unknown. */
  maxGuesses: z.number().int().min(1).max(8).default(3),
  /** Guess a domain from the company name when nothing gives one (used only if it has an MX record). */
  guessDomains: z.boolean().default(true),
  /**
   * DNS servers for MX lookups ("192.0.2.1" or "127.0.0.1:5353"); empty: the system's. Not on the
   * Settings page: for a network whose resolver hides MX records, and for tests.
   */
  dnsServers: z
    .array(
      z
        .string()
        .trim()
        .regex(
          /^\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?$/,
          'A DNS server is an IPv4 address, with a port if not 53.',
        ),
    )
    .max(4)
    .default([]),
});

export type EnrichSettings = z.infer<typeof enrichSettingsSchema>;
