import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardData } from '@shared/domain/dashboard';
import { formatCount } from '@shared/domain/format';
import { quotaKeyLabel } from '@shared/domain/quotas';
import { ChartCard, PALETTE } from './ChartCard';

/** Units used per quota per day (InMails, invites, Hunter searches…), stacked. */
export function QuotaCard({
  quotas,
  days,
  onDays,
}: {
  quotas: DashboardData['quotas'];
  days: number;
  onDays(days: number): void;
}) {
  const data = quotas.days.map((d) => ({ day: d.day.slice(5), ...d.used }));
  const total = (name: string) => quotas.days.reduce((n, d) => n + (d.used[name] ?? 0), 0);
  return (
    <ChartCard
      id="quotas"
      title="Quota use"
      help="Units used each day; a booking given back (an invite not sent) does not count."
      controls={
        <select value={days} onChange={(e) => onDays(Number(e.target.value))} data-testid="quota-days">
          <option value={30}>30 days</option>
          <option value={90}>90 days</option>
        </select>
      }
      chart={
        quotas.names.length === 0 ? (
          <p className="muted">No limited action used in these days.</p>
        ) : (
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={data}>
              <CartesianGrid vertical={false} strokeDasharray="3 3" />
              <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={12} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {quotas.names.map((name, i) => (
                <Bar
                  key={name}
                  dataKey={name}
                  name={quotaKeyLabel(name)}
                  stackId="use"
                  fill={PALETTE[i % PALETTE.length]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )
      }
      table={
        <table className="history-table numbers">
          <thead>
            <tr>
              <th>Day</th>
              {quotas.names.map((name) => (
                <th key={name}>{quotaKeyLabel(name)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {quotas.days
              .filter((d) => Object.keys(d.used).length > 0)
              .map((d) => (
                <tr key={d.day} data-testid="quota-row" data-day={d.day}>
                  <td>{d.day}</td>
                  {quotas.names.map((name) => (
                    <td key={name}>{formatCount(d.used[name] ?? 0)}</td>
                  ))}
                </tr>
              ))}
            <tr className="numbers__total">
              <td>Total</td>
              {quotas.names.map((name) => (
                <td key={name}>{formatCount(total(name))}</td>
              ))}
            </tr>
          </tbody>
        </table>
      }
    />
  );
}
