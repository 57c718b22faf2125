import { useDataVersion } from '../../hooks/useDataVersion';
import { useLoaded } from '../../hooks/useLoaded';
import { useSellerTimeZone } from '../../hooks/useSellerTimeZone';
import { dayOfIso } from '@shared/time/zonedTime';
import type { CompanyDetail, ContactDetail, EmailEvidence, FieldProvenance } from '@shared/domain/records';
import { FindEmails } from './FindEmails';
import { KIND_LABELS } from '@shared/domain/outreach';
import { api, unwrap } from '../../api';
import { TierBadge } from './TierBadge';
import { PersonDataRights } from './PersonDataRights';
import { ReadProfile } from './ReadProfile';
import { useState } from 'react';
import { useNav } from '../../stores/navStore';

function Provenance({ fields }: { fields: FieldProvenance[] }) {
  return (
    <table className="provenance" data-testid="provenance">
      <tbody>
        {fields
          .filter((f) => f.value !== null)
          .map((f) => (
            <tr key={f.field} data-field={f.field}>
              <th>{f.field.replace(/_/g, ' ')}</th>
              <td>
                <div>{String(f.value)}</div>
                <div className="muted provenance__source">
                  {f.source === null
                    ? ''
                    : 'batchId' in f.source
                      ? `${f.source.fileName}, row ${f.source.row}${f.source.column ? `, column “${f.source.column}”` : ''}`
                      : f.source.note}
                </div>
                {f.alternatives.length > 0 && (
                  <div className="provenance__alternatives">
                    also seen:{' '}
                    {f.alternatives.map((a) => `${a.value}${a.from ? ` (${a.from})` : ''}`).join('; ')}
                  </div>
                )}
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

const STATUS_HINT: Record<EmailEvidence['status'], string> = {
  verified: 'verified (80 or more)',
  unknown: 'unknown (50–79)',
  risky: 'risky (under 50)',
};

/** One address with how it was found, how sure we are and why. */
function EmailItem({ email: e }: { email: EmailEvidence }) {
  return (
    <li className="email-evidence" data-testid="email-evidence" data-email={e.email} data-status={e.status}>
      <div>
        <strong>{e.email}</strong>{' '}
        <span className={`email-status email-status--${e.status}`} title={STATUS_HINT[e.status]}>
          {e.status}
        </span>{' '}
        <span className="muted">{e.confidence}%</span>
      </div>
      <div className="muted email-evidence__how">
        {e.how}
        {e.verification ? ` · Hunter verifier: ${e.verification}` : ''}
        {e.mx ? ` · MX ${e.mx}` : ''}
        {e.catchAll ? ' · catch-all domain: accepts any address' : ''}
      </div>
      {e.reasons.length > 0 && (
        <ul className="email-evidence__reasons">
          {e.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function ContactBody({ detail, onErased }: { detail: ContactDetail; onErased(): void }) {
  const { contact, score } = detail;
  const timeZone = useSellerTimeZone();
  // Guesses alone are no email to write to: Find an email stays offered until one is verified.
  const needsEmail = !contact.email && !detail.emails.some((e) => e.status === 'verified');
  return (
    <>
      <h2>{contact.fullName || contact.email || 'Unnamed'}</h2>
      <p className="muted">
        {contact.title ?? 'No title'}
        {contact.companyName ? ` · ${contact.companyName}` : ''}
      </p>
      {contact.linkedinUrl && <ReadProfile contactId={contact.id} />}
      <section>
        <h3>
          Score <TierBadge tier={contact.tier} score={contact.score} />
        </h3>
        {score ? (
          <ul className="breakdown" data-testid="score-breakdown">
            {score.factors.map((f) => (
              <li key={f.factor}>{f.sentence}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">Not scored yet.</p>
        )}
      </section>
      <section>
        <h3>Emails</h3>
        {detail.emails.length === 0 ? (
          <p className="muted">No email known yet.</p>
        ) : (
          <ul className="emails" data-testid="emails">
            {detail.emails.map((e) => (
              <EmailItem key={e.email} email={e} />
            ))}
          </ul>
        )}
        {needsEmail && <FindEmails contactIds={[contact.id]} label="Find an email" />}
      </section>
      <section>
        <h3>Where each value came from</h3>
        <Provenance fields={detail.provenance} />
      </section>
      <section>
        <h3>Decisions and outreach</h3>
        {detail.approvals.length === 0 && detail.outreach.length === 0 ? (
          <p className="muted">No decision or outreach yet.</p>
        ) : (
          <ul>
            {detail.approvals.map((a, i) => (
              <li key={`a${i}`}>
                {dayOfIso(a.at, timeZone)} {a.decision}
                {a.reason ? ` — ${a.reason}` : ''}
              </li>
            ))}
            {detail.outreach.map((o) => (
              <li key={`o${o.id}`} data-testid="outreach-entry">
                {KIND_LABELS[o.kind].one}:{' '}
                {o.events.map((e) => `${e.status} ${dayOfIso(e.at, timeZone)}`).join(' → ')}
                {o.body && <div className="muted outreach-log__message">{o.body}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3>History</h3>
        <ul className="history" data-testid="audit">
          {detail.audit.map((h, i) => (
            <li key={i}>
              {h.at.slice(0, 16).replace('T', ' ')} · {h.action} ({h.actor})
            </li>
          ))}
          {detail.audit.length === 0 && <li className="muted">Nothing recorded yet.</li>}
        </ul>
      </section>
      <PersonDataRights contactId={contact.id} onErased={onErased} />
    </>
  );
}

/** Starts a discovery run for this one company, then shows it on the Discover page. */
function FindPeopleButton({ companyId }: { companyId: number }) {
  const go = useNav((s) => s.go);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setError(null);
    try {
      await unwrap(api().discovery.start({ kind: 'companies', companyIds: [companyId] }));
      go('discover');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div>
      <button
        type="button"
        className="button button--small"
        data-testid="find-people"
        onClick={() => void start()}
      >
        Find ATL people on LinkedIn
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function CompanyBody({ detail }: { detail: CompanyDetail }) {
  return (
    <>
      <h2>{detail.company.name}</h2>
      <FindPeopleButton companyId={detail.company.id} />
      <p className="muted">
        {[detail.company.city, detail.company.state].filter(Boolean).join(', ')}
        {detail.company.inCrm ? ' · already in CRM' : ''}
      </p>
      <section>
        <h3>People</h3>
        {detail.contacts.length === 0 ? (
          <p className="muted">No one found at this company yet.</p>
        ) : (
          <ul>
            {detail.contacts.map((c) => (
              <li key={c.id}>
                {c.fullName} — {c.title ?? 'no title'} <TierBadge tier={c.tier} score={c.score} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3>Where each value came from</h3>
        <Provenance fields={detail.provenance} />
      </section>
    </>
  );
}

/** The side panel for one record: provenance, emails with evidence, score, history. */
export function DetailDrawer({
  kind,
  id,
  onClose,
}: {
  kind: 'contact' | 'company';
  id: number;
  onClose(): void;
}) {
  const dataVersion = useDataVersion();
  const { value: detail, error } = useLoaded(
    `${kind}:${id}:${dataVersion}`,
    () =>
      unwrap<ContactDetail | CompanyDetail>(
        kind === 'contact' ? api().records.contact({ id }) : api().records.company({ id }),
      ),
    // The same record refreshed after a data change stays on screen while it reloads.
    `${kind}:${id}`,
  );
  return (
    <aside className="drawer" data-testid="detail-drawer" aria-label="Details">
      <button
        type="button"
        className="button button--small drawer__close"
        onClick={onClose}
        aria-label="Close details"
      >
        ×
      </button>
      {error && <p className="field-error">{error}</p>}
      {detail && 'contact' in detail && <ContactBody detail={detail} onErased={onClose} />}
      {detail && 'company' in detail && <CompanyBody detail={detail} />}
    </aside>
  );
}
