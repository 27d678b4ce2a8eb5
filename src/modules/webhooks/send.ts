import { lookup as dnsLookup } from 'node:dns/promises';
import { Agent, buildConnector, request } from 'undici';
import { isPublicAddress, literalAddress } from './public-address.js';

/** Resolves a host name to its addresses (tests inject one; the default asks the system resolver). */
export type Lookup = (hostname: string) => Promise<string[]>;
const systemLookup: Lookup = async (hostname) => (await dnsLookup(hostname, { all: true })).map((a) => a.address);

export class NotPublicAddress extends Error {
  constructor() {
    super('not a public address');
  }
}

/**
 * The address a delivery connects to: the host is resolved here, once, and every address of the
 * answer must be public (unless private targets are allowed). The socket then connects to this very
 * address, so a name that answers differently a moment later (DNS rebinding) changes nothing.
 */
export async function resolveTarget(hostname: string, opts: { allowPrivate: boolean; lookup?: Lookup }): Promise<string> {
  const literal = literalAddress(hostname);
  const addresses = literal ? [literal] : await (opts.lookup ?? systemLookup)(hostname);
  if (!addresses.length) throw Object.assign(new Error('no address'), { code: 'ENOTFOUND' });
  if (!opts.allowPrivate && !addresses.every(isPublicAddress)) throw new NotPublicAddress();
  return addresses[0];
}

/** An undici dispatcher whose every connection goes through resolveTarget. TLS still checks the URL's name. */
export function guardedAgent(opts: { allowPrivate: boolean; lookup?: Lookup; ca?: string }): Agent {
  const connect = buildConnector(opts.ca ? { ca: opts.ca } : {});
  return new Agent({
    connect(target, callback) {
      // undici derives the TLS server name from target.host (the URL's), so only the address changes
      resolveTarget(target.hostname, opts).then(
        (address) => connect({ ...target, hostname: address }, callback),
        (e: Error) => callback(e, null),
      );
    },
  });
}

const agents = new Map<boolean, Agent>();
const agentFor = (allowPrivate: boolean) => {
  if (!agents.has(allowPrivate)) agents.set(allowPrivate, guardedAgent({ allowPrivate }));
  return agents.get(allowPrivate)!;
};

export interface Answer {
  status: number | null;
  /** a coarse word, never the receiver's text nor a socket message with addresses and ports */
  error: string | null;
  durationMs: number;
}

/** One POST. The response body is thrown away unread: only the status and the time it took are kept. */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { allowPrivate: boolean; timeoutMs: number; dispatcher?: Agent },
): Promise<Answer> {
  const started = performance.now();
  const signal = AbortSignal.timeout(opts.timeoutMs);
  const took = () => Math.round(performance.now() - started);
  try {
    // undici's request never follows a redirect: a 3xx is a failed attempt, not a second request elsewhere
    const res = await request(url, { method: 'POST', body, headers, signal, dispatcher: opts.dispatcher ?? agentFor(opts.allowPrivate) });
    const durationMs = took();
    await res.body.dump({ signal, limit: 64 * 1024 }).catch(() => {});
    const status = res.statusCode;
    if (status >= 200 && status < 300) return { status, error: null, durationMs };
    return { status, error: status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}`, durationMs };
  } catch (e) {
    return { status: null, error: describe(e, signal, opts.timeoutMs), durationMs: took() };
  }
}

function describe(e: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (e instanceof NotPublicAddress) return 'refused: not a public address';
  if (signal.aborted) return `timeout: no answer within ${timeoutMs / 1000}s`;
  const code = String((e as { code?: unknown })?.code ?? '');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return 'could not resolve the host name';
  if (/^(ERR_TLS_|ERR_SSL_|EPROTO$)|CERT|UNABLE_TO_|SELF_SIGNED/.test(code)) return 'TLS error';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return `timeout: no answer within ${timeoutMs / 1000}s`;
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return 'connection closed before an answer';
  return 'could not connect';
}
