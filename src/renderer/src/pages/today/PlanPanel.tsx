import { useState } from 'react';
import type { OutreachPlan } from '@shared/domain/outreach';
import { formatCount } from '@shared/domain/format';
import { api, unwrap } from '../../api';
import { TierBadge } from '../records/TierBadge';

const CHANNELS = [
  ['inmail', 'InMail'],
  ['email', 'Email'],
  ['invite', 'Invite with a note'],
] as const;

/**
 * The outreach plan for the approved leads not yet planned: counts per channel, the estimated
 * completion date, the first people and why each channel. The seller reviews it, then applies it.
 */
export function PlanPanel({
  unplanned,
  onApplied,
}: {
  unplanned: number;
  onApplied(plan: OutreachPlan): void;
}) {
  const [plan, setPlan] = useState<OutreachPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const review = async () => {
    try {
      setPlan(await unwrap(api().outreach.previewPlan()));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const apply = async () => {
    setBusy(true);
    try {
      const applied = await unwrap(api().outreach.applyPlan());
      setPlan(null);
      onApplied(applied);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  if (!plan)
    return (
      <div className="notice plan-notice" data-testid="plan-notice">
        <p>
          {formatCount(unplanned)} approved lead{unplanned === 1 ? ' is' : 's are'} not in your outreach plan
          yet.
        </p>
        <button
          type="button"
          className="button button--primary"
          data-testid="review-plan"
          onClick={() => void review()}
        >
          Review the plan
        </button>
        {error && <p className="field-error">{error}</p>}
      </div>
    );
  return (
    <section className="card plan" data-testid="plan">
      <h3>Outreach plan from {plan.date}</h3>
      <dl className="counts">
        {CHANNELS.map(([kind, label]) => (
          <div key={kind}>
            <dt>{label}</dt>
            <dd data-testid={`plan-${kind}`}>{formatCount(plan.counts[kind])}</dd>
          </div>
        ))}
        <div>
          <dt>Cannot reach</dt>
          <dd>{formatCount(plan.counts.unreachable)}</dd>
        </div>
      </dl>
      <p className="muted">
        {plan.inmailRemaining} InMails left this month
        {plan.overflow > 0 && `; ${plan.overflow} HOT leads without an email get an invite instead`}
        {plan.suppressed > 0 && `; ${plan.suppressed} on the do-not-contact list left out`}.
      </p>
      <p data-testid="plan-estimate">
        {plan.estimatedCompletion
          ? `At your daily limits everything planned is done by ${plan.estimatedCompletion} (invites need ${plan.days.invite} working day${plan.days.invite === 1 ? '' : 's'}).`
          : 'A daily limit is 0, so this plan never completes; change the limits in Settings.'}
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>Person</th>
              <th>Score</th>
              <th>Channel</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {plan.entries.slice(0, 50).map((e) => (
              <tr key={e.contactId}>
                <td>
                  {e.name}
                  <div className="muted">{[e.title, e.company].filter(Boolean).join(' · ')}</div>
                </td>
                <td>
                  <TierBadge tier={e.tier} score={e.score} />
                </td>
                <td>{e.kind ?? '—'}</td>
                <td className="muted">{e.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.total > 50 && <p className="muted">…and {formatCount(plan.total - 50)} more.</p>}
      <div className="plan__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="apply-plan"
          disabled={busy || plan.total === 0}
          onClick={() => void apply()}
        >
          Apply the plan
        </button>
        <button type="button" className="button" onClick={() => setPlan(null)}>
          Not now
        </button>
      </div>
      {error && <p className="field-error">{error}</p>}
    </section>
  );
}
