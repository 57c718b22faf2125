import { useState } from 'react';
import type {
  SuppressionImportReport,
  SuppressionKind,
  SuppressionView,
} from '@shared/contract/suppressions';
import { formatCount } from '@shared/domain/format';
import { Page } from '../components/Page';
import { useDataVersion } from '../hooks/useDataVersion';
import { useLoaded } from '../hooks/useLoaded';
import { useSellerTimeZone } from '../hooks/useSellerTimeZone';
import { dayOfIso } from '@shared/time/zonedTime';
import { api, unwrap } from '../api';

const KIND_TEXT: Record<SuppressionKind, string> = { email: 'Email', domain: 'Domain', linkedin: 'LinkedIn' };

function AddForm() {
  const [value, setValue] = useState('');
  const [kind, setKind] = useState<SuppressionKind | ''>('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const add = async () => {
    const values = value
      .split(/[\n,;]+/)
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length === 0) return;
    try {
      const report = await unwrap(
        api().suppressions.add({
          entries: values.map((v) => ({
            value: v,
            ...(kind ? { kind } : {}),
            reason: reason.trim() || null,
          })),
        }),
      );
      const invalid = report.invalid.map((i) => i.value);
      setMessage({
        text: `Added ${report.added}${report.alreadyListed ? `; ${report.alreadyListed} already listed` : ''}.${invalid.length ? ` Not an email, domain or LinkedIn profile: ${invalid.join(', ')}.` : ''}`,
        error: invalid.length > 0 && report.added === 0,
      });
      if (invalid.length === 0) setValue('');
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  };
  return (
    <form
      className="card suppress-form"
      data-testid="suppress-form"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <h3>Add</h3>
      <label className="field">
        <span>Email addresses, domains or LinkedIn profiles (one a line, or separated by commas)</span>
        <textarea
          rows={3}
          value={value}
          data-testid="suppress-value"
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <div className="suppress-form__row">
        <label className="field field--inline">
          <span>Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as SuppressionKind | '')}>
            <option value="">Tell from the value</option>
            <option value="email">Email</option>
            <option value="domain">Domain</option>
            <option value="linkedin">LinkedIn</option>
          </select>
        </label>
        <label className="field field--inline">
          <span>Reason</span>
          <input value={reason} data-testid="suppress-reason" onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className="button button--primary" data-testid="suppress-add">
          Add to the list
        </button>
      </div>
      {message && (
        <p className={message.error ? 'field-error' : 'muted'} data-testid="suppress-message">
          {message.text}
        </p>
      )}
    </form>
  );
}

function ImportButton() {
  const [report, setReport] = useState<SuppressionImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choose = async () => {
    try {
      const [path] = await unwrap(api().system.pickFiles({ title: 'Choose a do-not-contact list' }));
      if (!path) return;
      setReport(await unwrap(api().suppressions.import({ path })));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="suppress-import">
      <button type="button" className="button" data-testid="suppress-import" onClick={() => void choose()}>
        Import a list…
      </button>
      {report && (
        <p className="muted" data-testid="suppress-import-report">
          {report.fileName}: {formatCount(report.added)} added, {formatCount(report.alreadyListed)} already
          listed
          {report.invalid.length > 0 && `, ${formatCount(report.invalid.length)} not valid`}
          {report.unrecognisedCount > 0 &&
            `; ${formatCount(report.unrecognisedCount)} row${report.unrecognisedCount === 1 ? '' : 's'} had nothing to list (e.g. row ${report.unrecognised[0]!.row}: “${report.unrecognised[0]!.text}”)`}
          .
        </p>
      )}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

/** The do-not-contact list: by email, domain or LinkedIn profile; the plan, the queue and exports honour it. */
export function SuppressionsPage() {
  const version = useDataVersion();
  const timeZone = useSellerTimeZone();
  const { value: list } = useLoaded<SuppressionView[]>(`suppressions:${version}`, () =>
    unwrap(api().suppressions.list()),
  );
  const [error, setError] = useState<string | null>(null);
  return (
    <Page id="suppressions" title="Do not contact" actions={<ImportButton />}>
      <p className="muted">
        People on this list are never planned, never in a day’s queue and never exported — by their address,
        by their email’s or their company’s domain, or by their LinkedIn profile. A file can be a plain list
        (one a line), a CSV or a spreadsheet; a header row with an “email”, “domain” or “LinkedIn” column says
        what each is.
      </p>
      <AddForm />
      {error && <p className="field-error">{error}</p>}
      {list && list.length === 0 && <p className="muted">The list is empty.</p>}
      {list && list.length > 0 && (
        <table className="suppress-table" data-testid="suppress-table">
          <thead>
            <tr>
              <th>Kind</th>
              <th>Value</th>
              <th>Reason</th>
              <th>Keeps out</th>
              <th>Added</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id} data-testid="suppress-row" data-value={s.value}>
                <td>{KIND_TEXT[s.kind]}</td>
                <td>{s.value}</td>
                <td className="muted">{s.reason ?? ''}</td>
                <td>{s.contacts === 1 ? '1 contact' : `${formatCount(s.contacts)} contacts`}</td>
                <td className="muted">{dayOfIso(s.createdAt, timeZone)}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="suppress-remove"
                    onClick={() =>
                      void unwrap(api().suppressions.remove({ id: s.id })).then(
                        () => setError(null),
                        (e: Error) => setError(e.message),
                      )
                    }
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
