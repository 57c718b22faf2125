import type { ReactNode } from 'react';

/** A whole number typed in place; an empty box is kept as NaN so the schema can say what is wrong. */
export function NumberField({
  label,
  value,
  onChange,
  min = 0,
  max = 100,
  step = 1,
  testId,
  hint,
}: {
  label: string;
  value: number;
  onChange(value: number): void;
  min?: number;
  max?: number;
  step?: number;
  testId?: string;
  hint?: ReactNode;
}) {
  return (
    <label className="field field--number">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        step={step}
        value={Number.isNaN(value) ? '' : value}
        onChange={(e) => onChange(e.target.value === '' ? NaN : Number(e.target.value))}
        data-testid={testId}
      />
      {hint && <small className="muted">{hint}</small>}
    </label>
  );
}

/** A list of words typed as "a, b, c". */
export function ListField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string[];
  onChange(value: string[]): void;
  testId?: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        value={value.join(', ')}
        onChange={(e) =>
          onChange(
            e.target.value
              .split(',')
              .map((w) => w.trim())
              .filter(Boolean),
          )
        }
        data-testid={testId}
      />
    </label>
  );
}

/** The first problem a zod check found, as a sentence with where it is. */
export function firstIssue(issues: { path: PropertyKey[]; message: string }[]): string | null {
  const issue = issues[0];
  if (!issue) return null;
  const where = issue.path.filter((p) => typeof p === 'string').join(' › ');
  return where ? `${where}: ${issue.message}` : issue.message;
}
