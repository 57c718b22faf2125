import type { Tier } from '@shared/domain/settings/scoring';

export function TierBadge({ tier, score }: { tier: Tier | null; score?: number | null }) {
  if (!tier) return <span className="muted">—</span>;
  return (
    <span className={`tier tier--${tier.toLowerCase()}`} data-testid="tier">
      {tier}
      {score !== undefined && score !== null && <span className="tier__score"> {score}</span>}
    </span>
  );
}

export const STATUS_TEXT = {
  new: 'new',
  approved: 'approved',
  rejected: 'rejected',
  changed: 'changed since decided',
} as const;
export const SOURCE_TEXT: Record<string, string> = {
  import: 'import',
  connection: 'connection',
  search: 'search',
  company_page: 'company page',
};
