import { z } from 'zod';
import { defineCall } from './define';
import { companyFilterSchema, companySortSchema } from './records';
import type {
  AssistedSendResult,
  DiscoveryRun,
  LinkedInReadReport,
  ProfileReadReport,
  SessionStatus,
} from '../domain/linkedin';

const id = z.number().int().positive();

export const linkedinCalls = {
  /** The browser session: not running, waiting for sign-in, ready, or stopped with the reason. */
  'linkedin.status': defineCall('core', z.undefined()).returns<SessionStatus>(),
  /** "Open LinkedIn browser": the seller's browser on the app's profile; they sign in by hand. */
  'linkedin.open': defineCall('core', z.undefined()).returns<SessionStatus>(),
  'linkedin.close': defineCall('core', z.undefined()).returns<SessionStatus>(),
  /** The seller dealt with a login wall, checkpoint, captcha or limit notice and pressed Continue. */
  'linkedin.continue': defineCall('core', z.undefined()).returns<SessionStatus>(),
  /** Reads the seller's connections page and marks the contacts who are existing connections. */
  'linkedin.readConnections': defineCall('core', z.undefined()).returns<LinkedInReadReport>(),
  /** Imports the Sales Navigator lead list the seller has open in the browser window. */
  'linkedin.importLeadList': defineCall('core', z.undefined()).returns<LinkedInReadReport>(),
  /**
   * Opens a profile in the browser session when it is open; `opened: false` means it is not, and
   * the caller opens the system browser instead.
   */
  'linkedin.openProfile': defineCall(
    'core',
    z.object({ url: z.string().trim().min(1).max(2000) }).strict(),
  ).returns<{ opened: boolean }>(),
  /**
   * Assisted send of a Today item (an invite or an InMail): opens the profile in the browser,
   * fills in the note, and waits for the seller to press Send there; a sent item is marked sent.
   */
  'linkedin.assistedSend': defineCall('core', z.object({ id }).strict()).returns<AssistedSendResult>(),
  /** Reads a contact's profile in the browser session and brings their title and degree up to date. */
  'linkedin.readProfile': defineCall(
    'core',
    z.object({ contactId: id }).strict(),
  ).returns<ProfileReadReport>(),

  'discovery.runs': defineCall('core', z.undefined()).returns<DiscoveryRun[]>(),
  /** A run over the top companies by ICP score without an ATL contact, or chosen companies. */
  'discovery.start': defineCall(
    'core',
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('top'), limit: z.number().int().min(1).max(500) }).strict(),
      z.object({ kind: z.literal('companies'), companyIds: z.array(id).min(1).max(5000) }).strict(),
      // The Companies list as the seller has filtered and sorted it: its first `limit` companies.
      z
        .object({
          kind: z.literal('filter'),
          filter: companyFilterSchema,
          sort: companySortSchema.default('name'),
          direction: z.enum(['asc', 'desc']).default('asc'),
          limit: z.number().int().min(1).max(500),
        })
        .strict(),
    ]),
  ).returns<DiscoveryRun>(),
  'discovery.pause': defineCall('core', z.object({ id }).strict()).returns<DiscoveryRun>(),
  'discovery.resume': defineCall('core', z.object({ id }).strict()).returns<DiscoveryRun>(),
  'discovery.cancel': defineCall('core', z.object({ id }).strict()).returns<DiscoveryRun>(),
};
