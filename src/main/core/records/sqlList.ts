/** `IN (@p0, @p1, …)` for a list of values, adding them to the named parameters. */
export function sqlList(values: readonly unknown[], prefix: string, params: Record<string, unknown>): string {
  return values
    .map((value, i) => {
      params[`${prefix}${i}`] = value;
      return `@${prefix}${i}`;
    })
    .join(', ');
}
