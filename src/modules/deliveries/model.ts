import { createHash, randomBytes } from 'node:crypto';
import type { Keyring } from '../../secrets.js';

export type Method = 'file' | 'link';
export type DeliveryState = 'created' | 'downloaded' | 'expired' | 'revoked';

export interface DeliveryRow {
  tenant_id: string;
  id: string;
  method: Method;
  recipient_name: string;
  recipient_phone: string | null;
  recipient_email: string | null;
  reference_type: string | null;
  reference_id: string | null;
  note: string | null;
  cards: number;
  protected: boolean;
  file_bytes: number | null;
  expires_at: Date | null;
  max_downloads: number | null;
  downloads: number;
  last_download_at: Date | null;
  fetches: number;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  void_bulk_id: string | null;
  actor: string;
  created_at: Date;
}
/** Every column but the file (read only when it is served). */
export const COLS =
  'tenant_id, id, method, recipient_name, recipient_phone, recipient_email, reference_type, reference_id, note, cards, protected, file_bytes, expires_at, max_downloads, downloads, last_download_at, fetches, revoked_at, revoked_by, revoke_reason, void_bulk_id, actor, created_at';

/** Links: how long by default and at most, and how many downloads at most. */
export const LINK_HOURS = 72;
export const LINK_MAX_HOURS = 30 * 24;
export const LINK_MAX_DOWNLOADS = 10;
/** The most cards one delivery hands over (one workbook; voiding them on a revoke is one bulk action). */
export const MAX_CARDS = 10_000;

/**
 * The state a person reads: revoked (the link no longer works) · downloaded (a link: n of m by the
 * recipient; a file: taken out by the operator) · expired (a link past its time, never downloaded) · created.
 */
export function stateOf(d: Pick<DeliveryRow, 'revoked_at' | 'method' | 'expires_at' | 'downloads' | 'fetches'>, now: Date): DeliveryState {
  if (d.revoked_at) return 'revoked';
  // a link: the recipient downloaded it; a file: the operator took it out to send
  if (d.downloads > 0 || (d.method === 'file' && d.fetches > 0)) return 'downloaded';
  if (d.method === 'link' && d.expires_at && new Date(d.expires_at) <= now) return 'expired';
  return 'created';
}

export function deliveryView(d: DeliveryRow, now: Date) {
  const usable = d.method === 'link' && !d.revoked_at && d.expires_at != null && new Date(d.expires_at) > now && d.downloads < (d.max_downloads ?? 0);
  return {
    id: d.id,
    method: d.method,
    state: stateOf(d, now),
    recipient: { name: d.recipient_name, phone: d.recipient_phone, email: d.recipient_email },
    reference_type: d.reference_type,
    reference_id: d.reference_id,
    note: d.note,
    cards: d.cards,
    password_protected: d.protected,
    file_bytes: d.file_bytes,
    expires_at: d.expires_at ? new Date(d.expires_at).toISOString() : null,
    max_downloads: d.max_downloads,
    downloads: d.downloads,
    link_usable: usable,
    last_download_at: d.last_download_at ? new Date(d.last_download_at).toISOString() : null,
    fetches: d.fetches,
    revoked_at: d.revoked_at ? new Date(d.revoked_at).toISOString() : null,
    revoked_by: d.revoked_by,
    revoke_reason: d.revoke_reason,
    void_bulk_id: d.void_bulk_id,
    actor: d.actor,
    created_at: new Date(d.created_at).toISOString(),
  };
}
export type DeliveryView = ReturnType<typeof deliveryView>;

/** A link's token: 32 random bytes (256 bits), base64url, 43 characters. */
export const newToken = () => randomBytes(32).toString('base64url');
export const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;
/** What is stored of a token: its HMAC under the server's key (a database reader cannot make a link from it). */
export const tokenHash = (keys: Keyring, token: string) => keys.hmac(`delivery-link:${token}`);
/** A short, non-secret fingerprint of a refused unknown token, for the log (never the token). */
export const tokenPrint = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 12);
