interface Props {
  done: number;
  total: number | null;
  label: string;
}

/** Determinate when the total is known, indeterminate (animated) while it is not. */
export function ProgressBar({ done, total, label }: Props) {
  const known = total !== null && total > 0;
  const percent = known ? Math.min(100, (done / total) * 100) : 0;
  return (
    <div
      className={`progress ${known ? '' : 'progress--indeterminate'}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? total : undefined}
      aria-valuenow={known ? done : undefined}
    >
      <div className="progress__fill" style={{ width: known ? `${percent}%` : undefined }} />
    </div>
  );
}
