import { AppError } from '../errors.js';

/** Cursor pagination over time-ordered ids: newest first, the cursor is the last id seen. */
export function decodeCursor(cursor?: string): string | null {
  if (!cursor) return null;
  try {
    const id = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!/^[a-z]+_[0-9a-z]+$/.test(id)) throw new Error();
    return id;
  } catch {
    throw new AppError(400, 'INVALID_CURSOR', 'cursor: not a cursor this API gave out');
  }
}

export function pageOf<T extends { id: string }>(rows: T[], limit: number) {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  return { data, next_cursor: more ? Buffer.from(data[data.length - 1].id).toString('base64url') : null };
}
