import type { FactorOutcome, FactorOutcomes as Outcomes } from '@shared/domain/dashboard';
import { formatCount } from '@shared/domain/format';
import { api, unwrap } from '../../api';
import { useDataVersion } from '../../hooks/useDataVersion';
import { useLoaded } from '../../hooks/useLoaded';
import { percent } from './ChartCard';

function liftSentence(f: FactorOutcome): string {
  if (f.replyLift === null) return 'Not enough sent at each level yet to compare.';
  const points = Math.abs(Math.round(f.replyLift));
  if (points === 0)
    return 'The top level replies as often as the others: this weight does not predict replies.';
  return f.replyLift > 0
    ? `Leads at the top level reply ${points} points more often than the others.`
    : `Leads at the top level reply ${points} points less often than the others: this weight may point the wrong way.`;
}

/**
 * Outcomes fed back to the scoring: for each factor of the score, and each level of it, how many
 * leads are there, how much was sent to them, and how often they replied or accepted. Loads its
 * own figures, so it can stand on the dashboard and beside the scoring weights in Settings.
 */
export function FactorOutcomes() {
  const version = useDataVersion();
  const { value, error } = useLoaded<Outcomes>(`factor-outcomes:${version}`, () =>
    unwrap(api().dashboard.factorOutcomes()),
  );
  return (
    <section className="card factor-outcomes" data-testid="factor-outcomes">
      <h3>What predicts replies</h3>
      <p className="muted">
        Reply and acceptance rates of the outreach sent, by the points each scoring factor gave the lead.
        {value ? ` From ${formatCount(value.sent)} sent action${value.sent === 1 ? '' : 's'}.` : ''}
      </p>
      {error && <p className="field-error">{error}</p>}
      {value && value.factors.length === 0 && <p className="muted">No scored leads yet.</p>}
      {value?.factors.map((f) => (
        <div key={f.factor} className="factor" data-testid="factor" data-factor={f.factor}>
          <h4>
            {f.label}
            <span className="muted factor__lift" data-testid="factor-lift">
              {' '}
              — {liftSentence(f)}
            </span>
          </h4>
          <table className="history-table numbers">
            <thead>
              <tr>
                <th>Level</th>
                <th>Points</th>
                <th>Leads contacted</th>
                <th>Sent</th>
                <th>Reply rate</th>
                <th>Acceptance</th>
              </tr>
            </thead>
            <tbody>
              {f.levels.map((l) => (
                <tr key={l.points} data-testid="factor-level" data-points={l.points}>
                  <td>{l.label}</td>
                  <td>{f.factor === 'icp' ? '' : l.points}</td>
                  <td>{formatCount(l.leads)}</td>
                  <td>{formatCount(l.sent)}</td>
                  <td>
                    <span className="rate-bar">
                      <span
                        className="rate-bar__fill"
                        style={{ width: `${Math.round((l.replyRate ?? 0) * 100)}%` }}
                      />
                    </span>{' '}
                    {percent(l.replyRate)}
                  </td>
                  <td>{percent(l.acceptanceRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
