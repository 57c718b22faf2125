import { useState, type ReactNode } from 'react';

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

const parseList = (text: string) =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

/**
 * A list of words typed as "a, b, c". The text typed is kept as typed (a trailing comma, a space)
 * while it still says the same list; a list changed elsewhere (discard, defaults) shows as given.
 */
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
  const [text, setText] = useState(value.join(', '));
  const shown = parseList(text).join('\u0000') === value.join('\u0000') ? text : value.join(', ');
  return (
    <label className="field">
      <span>{label}</span>
      <input
        value={shown}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseList(e.target.value));
        }}
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
