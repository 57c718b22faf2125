import { useState } from 'react';
import type { DashboardData } from '@shared/domain/dashboard';
import { api, unwrap } from '../api';
import { Page } from '../components/Page';
import { EmptyState } from '../components/EmptyState';
import { useDataVersion } from '../hooks/useDataVersion';
import { useLoaded } from '../hooks/useLoaded';
import { FunnelCard } from './dashboard/FunnelCard';
import { TiersCard } from './dashboard/TiersCard';
import { RatesCard } from './dashboard/RatesCard';
import { QuotaCard } from './dashboard/QuotaCard';
import { FactorOutcomes } from './dashboard/FactorOutcomes';

/** The home page once there is data: the funnel, tiers, rates, quota use and what predicts replies. */
export function DashboardPage() {
  const version = useDataVersion();
  const [days, setDays] = useState(30);
  const { value: data, error } = useLoaded<DashboardData>(
    `dashboard:${version}:${days}`,
    // Days are the seller's: the core counts them in the outreach time zone.
    () => unwrap(api().dashboard.data({ quotaDays: days })),
    // Refreshed by a data change, the cards stay (with their toggles) while the new figures load.
    'dashboard',
  );
  return (
    <Page id="dashboard" title="Dashboard">
      {error && <p className="field-error">{error}</p>}
      {data && data.contacts === 0 && (
        <EmptyState
          title="Nothing to measure yet"
          action={{ label: 'Import a list', page: 'import' }}
          testId="dashboard-empty"
        >
          <p>
            Once people are in, this page shows how they move from imported to replied, how they are scored,
            which tiers, sources, templates and segments answer, and how much of each limit you use.
          </p>
        </EmptyState>
      )}
      {data && data.contacts > 0 && (
        <div className="dashboard" data-testid="dashboard">
          <FunnelCard stages={data.funnel} />
          <TiersCard tiers={data.tiers} />
          <RatesCard rates={data.rates} />
          <QuotaCard quotas={data.quotas} days={days} onDays={setDays} />
          <div className="dashboard__wide">
            <FactorOutcomes />
          </div>
        </div>
      )}
    </Page>
  );
}
