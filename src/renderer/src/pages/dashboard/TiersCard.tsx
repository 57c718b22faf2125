import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DashboardData } from '@shared/domain/dashboard';
import { formatCount } from '@shared/domain/format';
import { ChartCard, TIER_COLOURS, percent } from './ChartCard';

export function TiersCard({ tiers }: { tiers: DashboardData['tiers'] }) {
  const total = tiers.reduce((n, t) => n + t.count, 0);
  return (
    <ChartCard
      id="tiers"
      title="Tiers"
      help="How the people in the database are scored now."
      chart={
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={tiers} margin={{ top: 20 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="tier" />
            <YAxis allowDecimals={false} />
            <Tooltip formatter={(value) => formatCount(Number(value))} />
            <Bar dataKey="count" name="People" isAnimationActive={false}>
              {tiers.map((t) => (
                <Cell key={t.tier} fill={TIER_COLOURS[t.tier]} />
              ))}
              <LabelList dataKey="count" position="top" formatter={(value) => formatCount(Number(value))} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table className="history-table numbers">
          <thead>
            <tr>
              <th>Tier</th>
              <th>People</th>
              <th>Share</th>
            </tr>
          </thead>
          <tbody>
            {tiers.map((t) => (
              <tr key={t.tier} data-testid={`tier-${t.tier}`}>
                <td>{t.tier}</td>
                <td>{formatCount(t.count)}</td>
                <td>{percent(total > 0 ? t.count / total : null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
