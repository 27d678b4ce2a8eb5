import dayjs from 'dayjs';

/** Money is integer fen 分 in the API; people read yuan. */
export function money(fen: number | null | undefined, currency = 'CNY'): string {
  if (fen == null) return '—';
  const sym = currency === 'CNY' ? '¥' : `${currency} `;
  const v = fen / 100;
  return `${fen < 0 ? '-' : ''}${sym}${Math.abs(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
export const yuanToFen = (y: number | null | undefined) => (y == null ? undefined : Math.round(y * 100));
export const fenToYuan = (f: number | null | undefined) => (f == null ? undefined : f / 100);

/**
 * A time as the tenant's people read it: in the tenant's time zone (tenant.time_zone), not the
 * browser's — a Shanghai brand's operator abroad, or a browser set to UTC, still reads Shanghai times.
 */
export function zonedTime(iso: string | null | undefined, timeZone: string, withZone = false): string {
  if (!iso) return '—';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}${withZone ? ` (${timeZone})` : ''}`;
}

export const time = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const date = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');
export const num = (n: number | null | undefined) => (n == null ? '—' : n.toLocaleString('zh-CN'));
export const pct = (r: number | null | undefined) => (r == null ? '—' : `${(r * 100).toFixed(1)}%`);

/** Codes are shown in groups of four, as printed on cards. */
export const groupCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ');
