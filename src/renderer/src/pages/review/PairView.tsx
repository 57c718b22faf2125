import type { RecordView, ReviewPair } from '@shared/domain/resolution';

const LABELS: Record<string, string> = {
  name: 'Name',
  full_name: 'Name',
  address: 'Address',
  city: 'City',
  state: 'State',
  zip: 'ZIP',
  phone: 'Phone',
  domain: 'Domain',
  website: 'Website',
  license_number: 'License',
  license_status: 'License status',
  industry: 'Industry',
  employee_count: 'Employees',
  title: 'Title',
  email: 'Email',
  linkedin_url: 'LinkedIn',
  company: 'Company',
  connected_on: 'Connected on',
};

const AGREEMENT_TEXT = {
  exact: 'same',
  agree: 'agrees',
  partial: 'close',
  disagree: 'differs',
  missing: 'missing',
} as const;

function Side({
  record,
  differing,
  label,
  shown,
}: {
  record: RecordView;
  differing: string[];
  label: string;
  shown: string[];
}) {
  return (
    <div className="pair__side" data-testid={`pair-${label}`}>
      <dl className="pair__fields">
        {shown
          .map((field) => [field, record.fields[field] ?? null] as const)
          .map(([field, value]) => (
            <div
              key={field}
              className={differing.includes(field) ? 'pair__field pair__field--differs' : 'pair__field'}
              data-field={field}
            >
              <dt>{LABELS[field] ?? field}</dt>
              <dd>{value === null || value === '' ? <span className="muted">—</span> : String(value)}</dd>
            </div>
          ))}
      </dl>
      {record.inCrm && (
        <p className="badge badge--crm" data-testid="in-crm">
          Already in {record.inCrm.source} · {record.inCrm.id}
        </p>
      )}
      <p className="pair__sources muted">From {record.sources.join(', ') || 'no import'}</p>
    </div>
  );
}

/** Two records side by side, what differs highlighted, the score and why. */
export function PairView({ pair }: { pair: ReviewPair }) {
  // Fields empty on both sides say nothing about the question.
  const blank = (v: unknown) => v === null || v === '';
  const shown = Object.keys(pair.left.fields).filter(
    (f) => !blank(pair.left.fields[f]) || !blank(pair.right.fields[f]),
  );
  return (
    <div className="pair" data-testid="review-pair" data-pair-id={pair.id}>
      <div className="pair__score">
        <span className="pair__score-value" data-testid="pair-score">
          {Math.round(pair.score)}
        </span>
        <span className="muted">match score</span>
        <ul className="pair__reasons" data-testid="pair-reasons">
          {pair.reasons
            .filter((r) => r.agreement !== 'missing')
            .map((r) => (
              <li key={r.field} className={`reason reason--${r.agreement}`}>
                {LABELS[r.field] ?? r.field} {AGREEMENT_TEXT[r.agreement]}
                <span className="muted">
                  {' '}
                  ({r.weight >= 0 ? '+' : ''}
                  {r.weight.toFixed(1)})
                </span>
              </li>
            ))}
        </ul>
      </div>
      <div className="pair__sides">
        <Side record={pair.left} differing={pair.differing} label="left" shown={shown} />
        <Side record={pair.right} differing={pair.differing} label="right" shown={shown} />
      </div>
    </div>
  );
}
