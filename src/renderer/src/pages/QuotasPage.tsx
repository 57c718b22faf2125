import { formatCount } from '@shared/domain/format';
import type { QuotaStatus, UsageDay } from '@shared/domain/quotas';
import { Page } from '../components/Page';
import { useDataVersion } from '../hooks/useDataVersion';
import { useLoaded } from '../hooks/useLoaded';
import { api, unwrap } from '../api';
import { useNav } from '../stores/navStore';
import { Meter } from './quotas/Meters';
import { UsageChart } from './quotas/UsageChart';
import { SyncCreditsButton } from './settings/SyncCreditsButton';

const GROUPS: { title: string; ids: string[] }[] = [
  {
    title: 'LinkedIn outreach',
    ids: ['inmail_month', 'invite_day', 'invite_week', 'message_day', 'message_week'],
  },
  { title: 'Email', ids: ['email_day'] },
  { title: 'LinkedIn browsing', ids: ['profile_view_day', 'profile_view_week', 'search_day', 'search_week'] },
  { title: 'Hunter credits', ids: ['hunter_search_month', 'hunter_verification_month'] },
];

function InMailOutlookCard({ status }: { status: QuotaStatus }) {
  const { inmail } = status;
  return (
    <section className="card inmail-outlook" data-testid="inmail-outlook">
      <h3>HOT contacts waiting for an InMail</h3>
      <p className={`recommendation recommendation--${inmail.level}`} data-testid="recommendation">
        {inmail.recommendation}
      </p>
      <p className="muted">
        {inmail.remaining} of {inmail.limit} InMails left this month; they reset on {inmail.resetDate}.{' '}
        {formatCount(inmail.pendingHot)} HOT contact{inmail.pendingHot === 1 ? '' : 's'} without an email
        waiting.
      </p>
      {inmail.waiting.length > 0 && (
        <table className="waiting" data-testid="waiting-hot">
          <thead>
            <tr>
              <th>#</th>
              <th>Person</th>
              <th>Score</th>
              <th>Planned as</th>
            </tr>
          </thead>
          <tbody>
            {inmail.waiting.slice(0, 25).map((w, i) => (
              <tr key={w.contactId} className={i < inmail.remaining ? 'waiting--covered' : undefined}>
                <td>{i + 1}</td>
                <td>
                  {w.name} <span className="muted">{w.company ?? ''}</span>
                </td>
                <td>{w.score}</td>
                <td>{w.planned ?? 'not planned yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Every limit of the one quota ledger: a meter each, the last 30 days, and the InMail advice. */
export function QuotasPage() {
  const version = useDataVersion();
  const go = useNav((s) => s.go);
  const { value: status, error } = useLoaded<QuotaStatus>(`status:${version}`, () =>
    unwrap(api().quotas.status()),
  );
  const { value: usage } = useLoaded<UsageDay[]>(`usage:${version}`, () =>
    unwrap(api().quotas.usage({ days: 30 })),
  );
  return (
    <Page
      id="quotas"
      title="Quotas"
      actions={
        <>
          {/* Outside the meters: they reload when the sync changes the ledger, and its answer stays. */}
          <SyncCreditsButton />
          <button type="button" className="button" onClick={() => go('settings')}>
            Change the limits
          </button>
        </>
      }
    >
      {error && <p className="field-error">{error}</p>}
      {status && (
        <div className="quotas">
          <p className="muted">
            Counted in your time zone, {status.timeZone}. A meter turns amber at{' '}
            {Math.round(status.warnAt * 100)}% of its limit; nothing is ever sent past one.
          </p>
          <div className="quota-groups">
            {GROUPS.map((group) => (
              <section key={group.title} className="card quota-group">
                <h3>{group.title}</h3>
                {status.meters
                  .filter((m) => group.ids.includes(m.id))
                  .map((m) => (
                    <Meter key={m.id} meter={m} />
                  ))}
              </section>
            ))}
          </div>
          <section className="card">
            <h3>The last 30 days</h3>
            {usage && <UsageChart days={usage} />}
          </section>
          <InMailOutlookCard status={status} />
        </div>
      )}
    </Page>
  );
}
