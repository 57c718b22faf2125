/** How a person was found; the scorer weighs it (existing connection 15, search 10, company page 5). */
export type DiscoverySource = 'company_page' | 'search' | 'existing_connection';

/** Which LinkedIn page the row was read from. */
export type DiscoveryVia = 'people_search' | 'company_people' | 'sales_nav_lead_list' | 'connections_list';

/** 1st, 2nd, 3rd+ degree; null when LinkedIn shows none ("Out of network", "LinkedIn Member"). */
export type ConnectionDegree = 1 | 2 | 3 | null;

/** One person as a LinkedIn page lists them. */
export interface PersonRow {
  name: string;
  /** The title line LinkedIn shows under the name (a headline on most pages). */
  title: string | null;
  /** Canonical public profile, `https://www.linkedin.com/in/<slug>`; null on Sales Navigator rows. */
  profileUrl: string | null;
  /** The Sales Navigator lead page, for rows read from a lead list. */
  salesNavLeadUrl: string | null;
  location: string | null;
  degree: ConnectionDegree;
  /** The company when the page names it (lead lists, "Current: … at X" lines); null otherwise. */
  company: string | null;
  source: DiscoverySource;
  via: DiscoveryVia;
  /** Only on the connections list: "Connected on March 3, 2024" as written. */
  connectedOn?: string;
}

export interface DiscoveredPerson extends PersonRow {
  /** Whether `title` passes the ATL rule with the session's keywords. */
  isAtl: boolean;
}

export interface MutualConnections {
  /** Everyone LinkedIn counts: the named ones plus "N other". */
  count: number;
  /** The ones LinkedIn names (at most two or three). */
  names: string[];
}

export interface ProfileDetails {
  profileUrl: string;
  name: string;
  headline: string | null;
  location: string | null;
  degree: ConnectionDegree;
  /** The first experience entry that runs to "Present". */
  currentPosition: { title: string; company: string | null } | null;
  mutualConnections: MutualConnections;
  /** What the top card offers, so the queue can tell an invite is pending before trying again. */
  relationship: 'connected' | 'pending' | 'connectable' | 'unknown';
}

/** A company to discover people at; the slug comes from its LinkedIn URL (/company/<slug>/). */
export interface CompanyTarget {
  name: string;
  linkedinSlug?: string;
  /** LinkedIn's numeric id, for the people search "Current company" filter. */
  linkedinId?: string;
}
