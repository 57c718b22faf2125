/**
 * What a seller types in the search box, as an FTS5 query: each word a prefix ("acm sol" finds
 * Acme Solar), all words required. Quotes and operators typed by the seller are taken as text.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}@._-]+/u)
    .map((w) => w.replace(/["]/g, '').replace(/^[-._@]+|[-._@]+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' AND ');
}
