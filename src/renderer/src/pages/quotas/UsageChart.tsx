import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { QUOTA_KEY_LABELS, type QuotaKey, type UsageDay } from '@shared/domain/quotas';

const SERIES: { key: QuotaKey; label: string; color: string }[] = [
  { key: 'linkedin.invite', label: QUOTA_KEY_LABELS['linkedin.invite'], color: '#2457c5' },
  { key: 'linkedin.inmail', label: QUOTA_KEY_LABELS['linkedin.inmail'], color: '#c2410c' },
  { key: 'linkedin.message', label: QUOTA_KEY_LABELS['linkedin.message'], color: '#3b6e9c' },
  { key: 'email.send', label: QUOTA_KEY_LABELS['email.send'], color: '#b7791f' },
  { key: 'hunter.search', label: QUOTA_KEY_LABELS['hunter.search'], color: '#6b6b66' },
];

/** The last 30 days of limited actions, a stacked bar per day. */
export function UsageChart({ days }: { days: UsageDay[] }) {
  const data = days.map((d) => ({
    date: d.date.slice(5),
    ...Object.fromEntries(SERIES.map((s) => [s.key, d.used[s.key] ?? 0])),
  }));
  return (
    <div className="usage-chart" data-testid="usage-chart">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tick={{ fontSize: 11 }} interval={4} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="used"
              fill={s.color}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
