/** The parts of Close's API objects the sync reads (developer.close.com, API v1). */

export interface CloseList<T> {
  data: T[];
  has_more: boolean;
  total_results?: number;
}

export interface CloseCustomField {
  id: string;
  name: string;
  type: string;
  accepts_multiple_values?: boolean;
}

export interface CloseContact {
  id: string;
  lead_id?: string;
  name?: string;
  title?: string;
  emails?: { email: string; type?: string }[];
  phones?: { phone: string; type?: string }[];
  urls?: { url: string; type?: string }[];
}

export interface CloseAddress {
  label?: string;
  address_1?: string;
  city?: string;
  state?: string;
  zipcode?: string;
  country?: string;
}

export interface CloseLead {
  id: string;
  name?: string;
  display_name?: string;
  url?: string | null;
  addresses?: CloseAddress[];
  contacts?: CloseContact[];
  /** Custom field values by field id (`custom.cf_…` in requests). */
  custom?: Record<string, unknown>;
  [key: `custom.${string}`]: unknown;
}
