import { useImports, type QueueItem } from '../../stores/importStore';

const STEP_TEXT: Record<QueueItem['step'], string> = {
  reading: 'Reading…',
  mapping: 'Map columns',
  checking: 'Checking…',
  review: 'Ready to import',
  importing: 'Importing…',
  done: 'Imported',
  failed: 'Could not import',
};

/** The files waiting to be imported, one after the other. */
export function FileQueue() {
  const { items, selected, select, remove } = useImports();
  if (items.length === 0) return null;
  return (
    <ul className="file-queue" data-testid="file-queue">
      {items.map((item) => (
        <li
          key={item.key}
          className={
            item.key === selected ? 'file-queue__item file-queue__item--selected' : 'file-queue__item'
          }
          data-testid="queued-file"
          data-step={item.step}
        >
          <button type="button" className="file-queue__select" onClick={() => select(item.key)}>
            <span className="file-queue__name">{item.fileName}</span>
            <span className={`file-queue__step file-queue__step--${item.step}`}>{STEP_TEXT[item.step]}</span>
          </button>
          {(item.step === 'done' || item.step === 'failed' || item.step === 'mapping') && (
            <button
              type="button"
              className="button button--small"
              aria-label={`Remove ${item.fileName}`}
              onClick={() => remove(item.key)}
            >
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
