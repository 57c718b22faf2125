import type { QuotaMeter } from '@shared/domain/quotas';

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : null;

/** One limit: used of limit as a bar, amber from the warning share, red when used up. */
export function Meter({ meter }: { meter: QuotaMeter }) {
  const share = meter.limit > 0 ? Math.min(1, meter.used / meter.limit) : 1;
  return (
    <div
      className={`meter meter--${meter.level}`}
      data-testid="meter"
      data-quota={meter.id}
      data-level={meter.level}
    >
      <div className="meter__head">
        <span className="meter__label">{meter.label}</span>
        <span className="meter__figures" data-testid="meter-figures">
          {meter.used} of {meter.limit}
        </span>
      </div>
      <div
        className="meter__bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={meter.limit}
        aria-valuenow={meter.used}
        aria-label={meter.label}
      >
        <div className="meter__fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <div className="meter__foot muted">
        {meter.notice
          ? `LinkedIn said “${meter.notice.message}”: stopped until ${when(meter.notice.until)}`
          : meter.resetsAt
            ? `${meter.window === 'week' ? 'Next frees' : 'Resets'} ${when(meter.resetsAt)}`
            : 'Nothing used in the last 7 days'}
        {meter.syncedAt && ` · synced with Hunter ${when(meter.syncedAt)}`}
      </div>
    </div>
  );
}
