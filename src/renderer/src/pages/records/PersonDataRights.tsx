import { useState } from 'react';
import { formatCount } from '@shared/domain/format';
import { LAWFUL_BASES, type PersonPrivacy } from '@shared/domain/privacy';
import { api, unwrap } from '../../api';
import { useDataVersion } from '../../hooks/useDataVersion';
import { useLoaded } from '../../hooks/useLoaded';
import { useJob } from '../../hooks/useJob';
import { ProgressBar } from '../../components/ProgressBar';
import { useJobs } from '../../stores/jobsStore';
import { usePrefs } from '../../stores/prefsStore';

/**
 * The person's data rights, at the end of the contact drawer: the lawful basis for holding their
 * data (editable), everything held on them as a JSON file, and Erase (after asking, unless the
 * seller turned confirmations off), which runs as a job with its progress and Cancel shown here.
 */
export function PersonDataRights({ contactId, onErased }: { contactId: number; onErased(): void }) {
  const version = useDataVersion();
  const { value: person } = useLoaded<PersonPrivacy>(`privacy:${contactId}:${version}`, () =>
    unwrap(api().privacy.person({ id: contactId })),
  );
  const confirmFirst = usePrefs((s) => s.prefs?.confirmDestructive ?? true);
  const cancelJob = useJobs((s) => s.cancel);
  const [basis, setBasis] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [suppress, setSuppress] = useState(true);
  const [exported, setExported] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The erasure is a job (it searches every imported row): followed here and in the status bar.
  const [eraseJobId, setEraseJobId] = useState<number | null>(null);
  const erasing = useJob(eraseJobId, (ended) => {
    setEraseJobId(null);
    if (ended.status === 'done') onErased();
    else if (ended.status === 'failed') setError(ended.error ?? 'The erasure failed; nothing was changed.');
    else setNotice('The erasure was cancelled; nothing was changed.');
  });
  if (!person) return null;
  const typed = basis ?? person.lawfulBasis;
  const fail = (e: Error) => setError(e.message);
  const erase = () => {
    setAsking(false);
    setError(null);
    setNotice(null);
    return unwrap(api().privacy.erasePerson({ id: contactId, suppress })).then(
      (job) => setEraseJobId(job.id),
      fail,
    );
  };
  return (
    <section className="data-rights" data-testid="data-rights">
      <h3>Data rights</h3>
      <label className="field">
        <span>Lawful basis</span>
        <div className="row">
          <input
            list="lawful-bases"
            value={typed}
            maxLength={120}
            onChange={(e) => setBasis(e.target.value)}
            data-testid="lawful-basis"
          />
          <datalist id="lawful-bases">
            {LAWFUL_BASES.map((b) => (
              <option key={b} value={b} />
            ))}
          </datalist>
          {typed.trim() !== person.lawfulBasis && typed.trim() !== '' && (
            <button
              type="button"
              className="button button--small"
              onClick={() =>
                unwrap(api().privacy.setLawfulBasis({ id: contactId, lawfulBasis: typed })).then(
                  () => setBasis(null),
                  fail,
                )
              }
              data-testid="lawful-basis-save"
            >
              Save
            </button>
          )}
        </div>
      </label>
      <p className="muted">
        Held on this person: {person.records} record{person.records === 1 ? '' : 's'}, {person.sourceRows}{' '}
        imported row{person.sourceRows === 1 ? '' : 's'}, {person.outreachActions} outreach action
        {person.outreachActions === 1 ? '' : 's'}
        {person.inExports ? `; in ${person.inExports} export file${person.inExports === 1 ? '' : 's'}` : ''}.
      </p>
      <div className="row">
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            unwrap(api().privacy.exportPerson({ id: contactId })).then((r) => setExported(r.path), fail)
          }
          data-testid="export-person"
        >
          Export as JSON
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          disabled={eraseJobId !== null}
          onClick={() => (confirmFirst ? setAsking(true) : void erase())}
          data-testid="erase-person"
        >
          Erase…
        </button>
      </div>
      {exported && (
        <p className="notice" role="status" data-testid="person-exported">
          Written to <code>{exported}</code>{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => void api().system.showInFolder({ path: exported })}
          >
            Show
          </button>
        </p>
      )}
      {asking && (
        <div
          className="confirm confirm--block"
          role="alertdialog"
          aria-label="Erase this person?"
          data-testid="erase-confirm"
        >
          <p>
            Erase this person everywhere: their records, emails, score, decisions, outreach, and their cells
            in the imported rows, and the data exports made of them here. Only a backup can bring them back.
            The audit log keeps that an erasure happened, not who it was.
            {person.inExports
              ? ` They are in ${person.inExports} export file${person.inExports === 1 ? '' : 's'} already written: remove them from your CRM too.`
              : ''}
          </p>
          <label className="field field--inline">
            <input type="checkbox" checked={suppress} onChange={(e) => setSuppress(e.target.checked)} />
            <span>
              Keep their email and LinkedIn profile on the do-not-contact list, so no import brings them back
            </span>
          </label>
          <div className="row">
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => void erase()}
              data-testid="erase-yes"
            >
              Erase
            </button>
            <button type="button" className="button button--small" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {eraseJobId !== null && (
        <div className="erase-progress" role="status" data-testid="erase-progress">
          <p className="muted">
            Erasing… searching every imported row, audit entry and job result for them
            {erasing && erasing.total !== null
              ? ` (${formatCount(erasing.done)} of ${formatCount(erasing.total)} rows)`
              : ''}
            .
          </p>
          {erasing && <ProgressBar done={erasing.done} total={erasing.total} label={erasing.label} />}
          <button
            type="button"
            className="button button--small"
            onClick={() => void cancelJob(eraseJobId)}
            data-testid="erase-cancel"
          >
            Cancel — nothing is erased
          </button>
        </div>
      )}
      {notice && (
        <p className="notice" role="status" data-testid="erase-stopped">
          {notice}
        </p>
      )}
      {error && <p className="field-error">{error}</p>}
    </section>
  );
}
