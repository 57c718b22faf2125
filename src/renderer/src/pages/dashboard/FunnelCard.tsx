import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { FUNNEL_STAGES, type FunnelStage } from '@shared/domain/dashboard';
import { formatCount } from '@shared/domain/format';
import { ChartCard, PALETTE, percent } from './ChartCard';

/** Imported → ATL found → email found → approved → contacted → accepted → replied. */
export function FunnelCard({ stages }: { stages: FunnelStage[] }) {
  const imported = stages[0]?.count ?? 0;
  return (
    <ChartCard
      id="funnel"
      title="Funnel"
      help="Each stage counts the people who reached it. InMails and invites reach people without an email, so a later stage can be larger than an earlier one."
      chart={
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={stages} layout="vertical" margin={{ left: 8, right: 48 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={96} />
            <Tooltip formatter={(value) => formatCount(Number(value))} />
            <Bar dataKey="count" name="People" fill={PALETTE[0]} isAnimationActive={false}>
              <LabelList dataKey="count" position="right" formatter={(value) => formatCount(Number(value))} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table className="history-table numbers">
          <thead>
            <tr>
              <th>Stage</th>
              <th>People</th>
              <th>Of imported</th>
              <th>Of the stage before</th>
            </tr>
          </thead>
          <tbody>
            {stages.map((stage, i) => (
              <tr key={stage.id} data-testid={`funnel-${stage.id}`}>
                <td title={FUNNEL_STAGES[i]?.help}>{stage.label}</td>
                <td>{formatCount(stage.count)}</td>
                <td>{percent(imported > 0 ? stage.count / imported : null)}</td>
                <td>
                  {i === 0
                    ? ''
                    : percent(stages[i - 1]!.count > 0 ? stage.count / stages[i - 1]!.count : null)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
