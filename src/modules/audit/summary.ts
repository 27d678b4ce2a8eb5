import { createHash } from 'node:crypto';

/**
 * What the permanent audit log keeps of a request 审计摘要: a bounded, redacted summary, never a
 * spread of whatever body arrived. Secrets (codes, PINs, passwords, tokens, phones, CSV files) are
 * redacted at any depth; long strings and lists are cut; a body whose summary is still large, or a
 * body that is text (an uploaded file), is kept as its size and SHA-256 digest only.
 */
const SECRET_KEY = /^(code|codes|pin|csv|phone|mobile|password|token)$|password|passphrase|secret|token|_pin$|private_key|api_v3_key|_pem$|_p12$/i;
const MAX_STRING = 200;
const MAX_ITEMS = 20;
const MAX_DEPTH = 6;
const MAX_BYTES = 4096;

export const digest = (text: string) => ({ bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') });

function redact(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}…(+${v.length - MAX_STRING} chars)` : v;
  if (v === null || typeof v !== 'object') return v;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(v)) {
    const kept = v.slice(0, MAX_ITEMS).map((x) => redact(x, depth + 1));
    return v.length > MAX_ITEMS ? [...kept, `…(+${v.length - MAX_ITEMS} more)`] : kept;
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v).slice(0, 50)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(x, depth + 1);
  return out;
}

/** The audit data of a request: its path parameters and a redacted, bounded summary of its body. */
export function requestSummary(params: unknown, body: unknown): Record<string, unknown> {
  if (typeof body === 'string') return { params, body: { text: digest(body) } };
  const kept = redact(body ?? {}, 0);
  const json = JSON.stringify(kept);
  return { params, body: Buffer.byteLength(json) > MAX_BYTES ? { truncated: digest(JSON.stringify(body)) } : kept };
}
