/** A tag 标签 is its name: trimmed, 1 to 32 characters (docs/growth.md "Segments and tags"). */
export const MAX_TAG = 32;

/** Why this is not a tag name; null when it is one (after trimming). */
export function tagProblem(v: unknown): string | null {
  if (typeof v !== 'string') return 'a tag: text of 1 to 32 characters';
  const t = v.trim();
  if (t.length < 1) return 'empty: a tag has 1 to 32 characters';
  if ([...t].length > MAX_TAG) return 'longer than 32 characters';
  if (/\p{Cc}/u.test(t)) return 'control characters';
  return null;
}
