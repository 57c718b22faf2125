import { z } from 'zod';
import { serviceUrl } from './serviceUrl';

/** LinkedIn's own address; the app drives this unless the seller (or a test) says otherwise. */
export const LINKEDIN_BASE_URL = 'https://www.linkedin.com';

/**
 * LinkedIn in the seller's own browser: which browser (found automatically when empty), where
 * LinkedIn lives (tests point it at fixture pages on 127.0.0.1), whether the Today queue may
 * pre-fill notes in the browser (assisted send, off until the seller switches it on), and how deep
 * a discovery run reads per company. The ATL title words are the scoring section's `atlKeywords`.
 */
export const linkedinSettingsSchema = z
  .object({
    /** Chrome, Edge or Chromium; empty means "find it". A path that does not exist is an error, not a fallback. */
    browserPath: z.string().trim().max(1000).default(''),
    baseUrl: serviceUrl('LinkedIn', LINKEDIN_BASE_URL, ['www.linkedin.com', 'linkedin.com']),
    /** The Today queue opens the profile in the browser and fills in the note; the seller presses Send. */
    assistedSend: z.boolean().default(false),
    /** People-search result pages read per company in a discovery run (10 people a page). */
    pagesPerCompany: z.number().int().min(1).max(10).default(2),
  })
  .strict();

export type LinkedInSettings = z.infer<typeof linkedinSettingsSchema>;
