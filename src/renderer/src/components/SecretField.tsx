import { useState } from 'react';
import { secretHint } from '@shared/domain/format';
import { SECRET_LABELS, secretValueSchema, type SecretStatus } from '@shared/domain/secrets';
import { api, unwrap } from '../api';

interface Props {
  status: SecretStatus;
  onChange(status: SecretStatus): void;
}

/**
 * One API key: save it, see that it is saved ("saved · ends in 1a2b"), replace it, delete it. The
 * typed key leaves this component once, on Save, and is cleared from its state straight after.
 */
export function SecretField({ status, onChange }: Props) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = SECRET_LABELS[status.name];

  const save = async () => {
    const checked = secretValueSchema.safeParse(value);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'That is not a valid key.');
      return;
    }
    setBusy(true);
    try {
      onChange(await unwrap(api().secrets.save({ name: status.name, value: checked.data })));
      setEditing(false);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setValue('');
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      onChange(await unwrap(api().secrets.delete({ name: status.name })));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="secret" data-testid={`secret-${status.name}`}>
      <div className="secret__label">{label}</div>
      {status.saved && !editing ? (
        <div className="secret__row">
          <span className="secret__hint" data-testid="secret-hint">
            {secretHint(status.last4 ?? '')}
          </span>
          <button
            type="button"
            className="button button--small"
            onClick={() => setEditing(true)}
            disabled={busy}
          >
            Replace
          </button>
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => void remove()}
            disabled={busy}
            data-testid="secret-delete"
          >
            Delete
          </button>
        </div>
      ) : (
        <form
          className="secret__row"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={status.saved ? 'Paste the new key' : 'Paste the key'}
            aria-label={label}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            data-testid="secret-input"
          />
          <button type="submit" className="button button--small button--primary" disabled={busy || !value}>
            Save
          </button>
          {editing && (
            <button type="button" className="button button--small" onClick={() => setEditing(false)}>
              Keep the saved key
            </button>
          )}
          {!status.saved && <span className="secret__hint">not saved</span>}
        </form>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="secret-error">
          {error}
        </p>
      )}
    </div>
  );
}
