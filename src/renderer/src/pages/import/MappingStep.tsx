import { useEffect, useState } from 'react';
import { IMPORT_FIELDS, type FieldId } from '@shared/domain/import/fields';
import type { ProfileSummary } from '@shared/contract/imports';
import { api, unwrap } from '../../api';
import { formatBytes } from '@shared/domain/format';
import { useImports, type QueueItem } from '../../stores/importStore';

const confidenceClass = (c: number) => (c >= 90 ? 'high' : c >= 70 ? 'medium' : 'low');

function describe(item: QueueItem): string {
  const i = item.inspect!;
  const parts = [
    i.format === 'xlsx' ? 'Excel workbook' : `Text, ${i.encoding ?? ''}`,
    formatBytes(i.fileSize),
  ];
  if (i.delimiter) parts.push(`separated by ${i.delimiter === '\t' ? 'tabs' : `“${i.delimiter}”`}`);
  parts.push(i.headerRow === null ? 'no header row' : `header on row ${i.headerRow}`);
  return parts.join(' · ');
}

/** Step 1: how each column maps to a field, with how sure the automatic mapping is. */
/** Built-in and saved profiles, for "this file is a … export" and for headerless layouts. */
function useProfiles(): ProfileSummary[] {
  const [profiles, setProfiles] = useState<ProfileSummary[]>([]);
  useEffect(() => {
    unwrap(api().imports.profiles()).then(setProfiles, () => setProfiles([]));
  }, []);
  return profiles;
}

export function MappingStep({ item }: { item: QueueItem }) {
  const { setField, setReading, check } = useImports();
  const profiles = useProfiles();
  const inspect = item.inspect!;
  const fieldOf = (column: number): FieldId | null =>
    column in item.mapping ? (item.mapping[column] ?? null) : (inspect.mapping[column]?.field ?? null);
  const mapped = inspect.headers.filter((_, c) => fieldOf(c) !== null).length;
  return (
    <section className="wizard__step" data-testid="mapping-step">
      <p className="muted" data-testid="file-facts">
        {describe(item)}
      </p>
      <div className="wizard__controls">
        {inspect.sheets.length > 1 && (
          <label className="field field--inline">
            <span>Sheet</span>
            <select
              value={item.sheet ?? inspect.sheet ?? ''}
              data-testid="sheet-select"
              onChange={(e) => void setReading(item.key, { sheet: e.target.value })}
            >
              {inspect.sheets.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        )}
        <label className="field field--inline">
          <input
            type="checkbox"
            checked={item.noHeader}
            data-testid="no-header"
            onChange={(e) => void setReading(item.key, { noHeader: e.target.checked })}
          />
          <span>The first row is data (no header row)</span>
        </label>
        <label className="field field--inline">
          <span>Layout</span>
          <select
            value={item.profile ?? ''}
            data-testid="profile-select"
            onChange={(e) => void setReading(item.key, { profile: e.target.value || null })}
          >
            <option value="">Found automatically</option>
            {profiles
              .filter((p) => !item.noHeader || p.headerless)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
          </select>
        </label>
        {inspect.profile && (
          <span className="badge" data-testid="profile-badge">
            Recognised: {inspect.profile}
          </span>
        )}
      </div>
      <div className="table-scroll table-scroll--tall">
        <table className="mapping-table" data-testid="mapping-table">
          <thead>
            <tr>
              <th>Column</th>
              <th>First values</th>
              <th>Goes to</th>
              <th>Confidence</th>
            </tr>
          </thead>
          <tbody>
            {inspect.headers.map((header, column) => {
              const auto = inspect.mapping[column];
              const overridden = column in item.mapping;
              const field = fieldOf(column);
              return (
                <tr key={column} data-testid="mapping-row" data-column={header}>
                  <td className="mapping-table__header">{header}</td>
                  <td className="mapping-table__sample">
                    {inspect.sampleRows
                      .slice(0, 3)
                      .map((r) => r[column] ?? '')
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                  <td>
                    <select
                      value={field ?? ''}
                      aria-label={`Field for ${header}`}
                      data-testid="field-select"
                      onChange={(e) => setField(item.key, column, (e.target.value || null) as FieldId | null)}
                    >
                      <option value="">— keep in the raw row only —</option>
                      {IMPORT_FIELDS.map((f) => (
                        <option key={f.id} value={f.id}>
                          {f.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {overridden ? (
                      <span className="confidence confidence--high">yours</span>
                    ) : auto?.field ? (
                      <span
                        className={`confidence confidence--${confidenceClass(auto.confidence)}`}
                        title={auto.reason}
                      >
                        {auto.confidence}%
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {item.error && (
        <p className="field-error" role="alert">
          {item.error}
        </p>
      )}
      <div className="wizard__actions">
        <span className="muted">
          {mapped} of {inspect.headers.length} columns mapped; the others are kept with each row.
        </span>
        <button
          type="button"
          className="button button--primary"
          data-testid="check-file"
          onClick={() => void check(item.key)}
        >
          Check the file
        </button>
      </div>
    </section>
  );
}
