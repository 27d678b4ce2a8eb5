import { Type } from '@sinclair/typebox';
import { AppError } from '../errors.js';

/**
 * Cursor pagination 分页. Lists are keyset-paginated: a page is "the next `limit` rows after the
 * last one seen", in the list's sort order, never an OFFSET (which slows down and skips or repeats
 * rows while the list changes).
 *
 * The default order, newest first, walks the time-ordered ids alone (the primary key), and its
 * cursor is the last id seen — the format this API has always given out. Any other sort walks
 * (sort key, id): the cursor carries the sort's name, the last row's key and its id, so the next
 * page starts exactly after that row even when keys repeat, and a cursor used with another sort
 * answers 400 INVALID_CURSOR rather than a wrong page.
 */

/** A sort key: a fixed SQL expression written in code (never user text) and the type its cursor value is cast back to. */
export interface SortKey {
  sql: string;
  type: 'text' | 'int8' | 'timestamptz';
}
/** What a list may be sorted by: name → key; `null` sorts by the time-ordered id (creation order). */
export type Sorts = { created_at: null } & Record<string, SortKey | null>;
export type SortName<S extends Sorts> = (keyof S & string) | `-${keyof S & string}`;

export const DEFAULT_SORT = '-created_at';
const ID_RE = /^[a-z]+_[0-9a-z]+$/;
const KEY_RE: Record<SortKey['type'], RegExp> = {
  text: /^[\s\S]{0,1000}$/, // text keys are names, at most 200 characters
  int8: /^-?\d{1,19}$/,
  timestamptz: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
};

/** The `sort` query parameter of a list: one of the names, `-` first for descending. */
export function SortQuery<S extends Sorts>(sorts: S) {
  const names = Object.keys(sorts).flatMap((n) => [n, `-${n}`]);
  return Type.Unsafe<SortName<S>>({
    type: 'string',
    enum: names,
    default: DEFAULT_SORT,
    description: `order of the list: ${names.join(', ')} (a leading - is descending; default ${DEFAULT_SORT}, newest first). Changing it starts again from the first page.`,
  });
}

const invalidCursor = (why = 'not a cursor this API gave out') => new AppError(400, 'INVALID_CURSOR', `cursor: ${why}`);

const INT8 = [-(2n ** 63n), 2n ** 63n - 1n];
/** A key the database can read back: an int8 within its range, a timestamp that is a real moment. */
function inRange(type: SortKey['type'], k: string): boolean {
  if (type === 'int8') return BigInt(k) >= INT8[0] && BigInt(k) <= INT8[1];
  if (type === 'timestamptz') {
    const d = new Date(k);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 23) === k.slice(0, 23);
  }
  return true;
}

/** The sort key as text in the cursor: timestamps to the microsecond in UTC, so the next page starts exactly after the last row. */
function keyText(k: SortKey) {
  return k.type === 'timestamptz' ? `to_char((${k.sql}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : `(${k.sql})::text`;
}

function encode(sort: string, key: string | null, id: string) {
  return Buffer.from(sort === DEFAULT_SORT ? id : JSON.stringify([sort, key, id])).toString('base64url');
}

function decode(sort: string, key: SortKey | null, cursor: string | undefined): { key: string | null; id: string } | null {
  if (!cursor) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('[')) {
    // the plain-id format: what the default order gives out (and all lists gave out before sorting)
    if (!ID_RE.test(text)) throw invalidCursor();
    if (sort !== DEFAULT_SORT) throw invalidCursor(`made for sort=${DEFAULT_SORT}; start again without a cursor`);
    return { key: null, id: text };
  }
  let parts: unknown;
  try {
    parts = JSON.parse(text);
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parts) || parts.length !== 3 || typeof parts[0] !== 'string' || typeof parts[2] !== 'string' || !ID_RE.test(parts[2]))
    throw invalidCursor();
  const [s, k, id] = parts as [string, unknown, string];
  if (s !== sort) throw invalidCursor(`made for sort=${s.slice(0, 40)}; start again without a cursor`);
  if (key ? typeof k !== 'string' || !KEY_RE[key.type].test(k) || !inRange(key.type, k) : k !== null) throw invalidCursor();
  return { key: k as string | null, id };
}

export interface Keyset {
  /** `, <key> AS kq_sort_key` to add to the select list (empty when sorting by id). */
  select: string;
  /** The condition "after the cursor" (TRUE on the first page); pushes its values onto params. */
  after(params: unknown[]): string;
  orderBy: string;
  /** Pushes limit + 1 (one more row says whether there is a next page) and answers its placeholder. */
  limit(params: unknown[], limit: number): string;
  page<T extends { id: string }>(rows: T[], limit: number): { data: T[]; next_cursor: string | null };
}

/**
 * One list query's order and cursor. `sorts` is the module's fixed table of keys; `sort` was
 * validated by the route's schema against the same table, and is checked here again.
 */
export function keyset(sorts: Sorts, sort: string | undefined, cursor: string | undefined): Keyset {
  const name = sort ?? DEFAULT_SORT;
  const desc = name.startsWith('-');
  const field = desc ? name.slice(1) : name;
  if (!Object.hasOwn(sorts, field)) {
    throw new AppError(400, 'VALIDATION_FAILED', `querystring.sort: must be one of ${Object.keys(sorts).join(', ')} (- first for descending)`, {
      errors: [{ field: 'querystring.sort', reason: 'unknown sort' }],
    });
  }
  const key = sorts[field];
  const from = decode(name, key, cursor);
  const op = desc ? '<' : '>';
  const dir = desc ? 'DESC' : 'ASC';
  return {
    select: key ? `, ${keyText(key)} AS kq_sort_key` : '',
    orderBy: key ? `${key.sql} ${dir}, id ${dir}` : `id ${dir}`,
    after(params) {
      if (!from) return 'TRUE';
      if (!key) {
        params.push(from.id);
        return `id ${op} $${params.length}`;
      }
      params.push(from.key, from.id);
      // a row comparison: the (key, id) index serves it as one range
      return `(${key.sql}, id) ${op} ($${params.length - 1}::${key.type}, $${params.length}::text)`;
    },
    limit(params, limit) {
      params.push(limit + 1);
      return `$${params.length}`;
    },
    page<T extends { id: string }>(rows: T[], limit: number) {
      const more = rows.length > limit;
      const shown = (more ? rows.slice(0, limit) : rows) as (T & { kq_sort_key?: string })[];
      const last = shown[shown.length - 1];
      const next_cursor = more ? encode(name, key ? last.kq_sort_key! : null, last.id) : null;
      const data = key ? shown.map(({ kq_sort_key: _, ...row }) => row as unknown as T) : shown;
      return { data, next_cursor };
    },
  };
}

/** The plain-id cursor, for lists that only go newest first (webhook deliveries). */
export function decodeCursor(cursor?: string): string | null {
  return decode(DEFAULT_SORT, null, cursor)?.id ?? null;
}

export function pageOf<T extends { id: string }>(rows: T[], limit: number) {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  return { data, next_cursor: more ? encode(DEFAULT_SORT, null, data[data.length - 1].id) : null };
}
