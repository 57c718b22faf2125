import { useState } from 'react';
import { UNVERIFIED_RULE, type RetentionPreview } from '@shared/domain/privacy';
import { formatCount } from '@shared/domain/format';
import { api, unwrap } from '../../api';
import { useDataVersion } from '../../hooks/useDataVersion';
import { useLoaded } from '../../hooks/useLoaded';

/**
 * The retention rule: how many days unverified contacts are kept (0: always), what "unverified"
 * means, how many the rule would purge now, and Purge now.
 */
export function PrivacySection() {
  const version = useDataVersion();
  const [nudge, setNudge] = useState(0);
  const { value: saved } = useLoaded<number>(`retention:${version}:${nudge}`, () =>
    unwrap(api().settings.all()).then((all) => all.privacy.retentionDays),
  );
  const [typed, setTyped] = useState<string | null>(null);
  const days = typed ?? (saved === null ? '' : String(saved));
  const parsed = Number(days);
  const valid = days !== '' && Number.isInteger(parsed) && parsed >= 0 && parsed <= 3650;
  const { value: preview } = useLoaded<RetentionPreview>(
    valid && parsed > 0 ? `retention-preview:${version}:${nudge}:${parsed}` : null,
    () => unwrap(api().privacy.retentionPreview({ days: parsed })),
  );
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = (work: Promise<string>) =>
    work.then(
      (text) => {
        setMessage(text);
        setError(null);
        setTyped(null);
        setAsking(false);
        setNudge((n) => n + 1);
      },
      (e: Error) => setError(e.message),
    );
  if (saved === null) return null;
  return (
    <section className="card" data-testid="privacy-section">
      <h3>Data retention</h3>
      <label className="field field--inline field--wide">
        <span>Erase unverified contacts after</span>
        <input
          type="number"
          min={0}
          max={3650}
          className="input--short"
          value={days}
          onChange={(e) => setTyped(e.target.value)}
          data-testid="retention-days"
        />
        <span>days (0 keeps them)</span>
        <button
          type="button"
          className="button button--small"
          disabled={!valid || parsed === saved}
          onClick={() =>
            act(
              unwrap(api().settings.update({ section: 'privacy', value: { retentionDays: parsed } })).then(
                () =>
                  parsed === 0
                    ? 'The retention rule is off.'
                    : `Saved: the rule runs once a day, after the daily backup.`,
              ),
            )
          }
          data-testid="retention-save"
        >
          Save
        </button>
      </label>
      <p className="muted">
        A contact is unverified when it has: {UNVERIFIED_RULE.join('; ')}. Its age is counted from when it was
        first stored. Erasing removes everything held on the person, as Erase in a contact’s details does.
      </p>
      {valid && parsed > 0 && preview && (
        <p data-testid="retention-preview">
          {formatCount(preview.count)} contact{preview.count === 1 ? '' : 's'} would be erased now.
        </p>
      )}
      {saved > 0 &&
        (asking ? (
          <div className="confirm" role="alertdialog" aria-label="Purge now?" data-testid="purge-confirm">
            <span>
              Erase every unverified contact older than {saved} days now? Only a backup can bring them back.
            </span>
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() =>
                act(
                  unwrap(api().privacy.purgeNow()).then(
                    (r) => `Erased ${formatCount(r.purged)} unverified contact${r.purged === 1 ? '' : 's'}.`,
                  ),
                )
              }
              data-testid="purge-yes"
            >
              Erase them
            </button>
            <button type="button" className="button button--small" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" className="button" onClick={() => setAsking(true)} data-testid="purge-now">
            Purge now
          </button>
        ))}
      {message && (
        <p className="notice" role="status" data-testid="privacy-message">
          {message}
        </p>
      )}
      {error && <p className="field-error">{error}</p>}
    </section>
  );
}
