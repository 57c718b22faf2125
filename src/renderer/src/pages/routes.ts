export const PAGES = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'import', label: 'Import' },
  { id: 'records', label: 'Companies & contacts' },
  { id: 'review', label: 'Review' },
  { id: 'discover', label: 'Discover' },
  { id: 'today', label: 'Today' },
  { id: 'quotas', label: 'Quotas' },
  { id: 'templates', label: 'Templates' },
  { id: 'suppressions', label: 'Do not contact' },
  { id: 'export', label: 'Export' },
  { id: 'audit', label: 'Audit log' },
  { id: 'settings', label: 'Settings' },
] as const;

export type PageId = (typeof PAGES)[number]['id'];

export const isPageId = (value: string): value is PageId => PAGES.some((page) => page.id === value);
