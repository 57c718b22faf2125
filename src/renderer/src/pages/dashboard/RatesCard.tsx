import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { RATE_DIMENSIONS, type RateDimension, type RateRow } from '@shared/domain/dashboard';
import { formatCount } from '@shared/domain/format';
import { ChartCard, PALETTE, percent } from './ChartCard';

/** Reply and acceptance rates by tier, source, template, state, license type or industry. */
export function RatesCard({ rates }: { rates: Record<RateDimension, RateRow[]> }) {
  const [dimension, setDimension] = useState<RateDimension>('tier');
  const rows = rates[dimension];
  const data = rows.map((r) => ({
    group: r.group,
    reply: r.replyRate === null ? null : Math.round(r.replyRate * 1000) / 10,
    acceptance: r.acceptanceRate === null ? null : Math.round(r.acceptanceRate * 1000) / 10,
  }));
  return (
    <ChartCard
      id="rates"
      title="Response and acceptance"
      help="Of the actions sent: how many got a reply, and how many invites were accepted."
      controls={
        <label className="field field--inline">
          <span>by</span>
          <select
            value={dimension}
            onChange={(e) => setDimension(e.target.value as RateDimension)}
            data-testid="rates-by"
          >
            {RATE_DIMENSIONS.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
      }
      chart={
        rows.length === 0 ? (
          <p className="muted">Nothing sent yet: the rates appear with the first outreach.</p>
        ) : (
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={data}>
              <CartesianGrid vertical={false} strokeDasharray="3 3" />
              <XAxis dataKey="group" interval={0} tick={{ fontSize: 12 }} />
              <YAxis unit="%" domain={[0, 100]} />
              <Tooltip formatter={(value) => (value === null ? '—' : `${String(value)}%`)} />
              <Legend />
              <Bar
                dataKey="reply"
                name="Reply rate"
                fill={PALETTE[0]}
                maxBarSize={48}
                isAnimationActive={false}
              />
              <Bar
                dataKey="acceptance"
                name="Acceptance rate"
                fill={PALETTE[2]}
                maxBarSize={48}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        )
      }
      table={
        <table className="history-table numbers">
          <thead>
            <tr>
              <th>{RATE_DIMENSIONS.find((d) => d.id === dimension)!.label}</th>
              <th>Sent</th>
              <th>Replied</th>
              <th>Reply rate</th>
              <th>Invites</th>
              <th>Accepted</th>
              <th>Acceptance rate</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.group} data-testid="rate-row" data-group={r.group}>
                <td>{r.group}</td>
                <td>{formatCount(r.sent)}</td>
                <td>{formatCount(r.replied)}</td>
                <td>{percent(r.replyRate)}</td>
                <td>{formatCount(r.invites)}</td>
                <td>{formatCount(r.accepted)}</td>
                <td>{percent(r.acceptanceRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
