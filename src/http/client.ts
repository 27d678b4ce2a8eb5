import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';

/**
 * The client behind a request, for the risk engine's subjects (docs/risk.md "Device trust"): the
 * caller's address, and the device id the wallet page sends in `X-Kaquan-Device` (a random id it
 * keeps in local storage). A device id tells devices apart; it proves nothing about who is who.
 */
export function clientOf(req: FastifyRequest): { ip: string; device_id: string | null } {
  const d = req.headers['x-kaquan-device'];
  const device = typeof d === 'string' && /^[\w.:-]{8,128}$/.test(d) ? d : null;
  return { ip: req.ip, device_id: device };
}

/** `client` in a body the brand's server sends for a member-started action: the member's address and device, as far as that server trusts them. */
export const ForwardedClient = Type.Object(
  {
    ip: Type.String({ minLength: 2, maxLength: 64, description: 'the member’s IP address as your server saw it' }),
    device_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'the member’s device id (e.g. the wallet page’s X-Kaquan-Device)' })),
  },
  { description: 'the member’s client, forwarded by your server: makes this issue a member-started claim 领取 for the risk rules' },
);

/** A second-verification proof sent with a guarded request: header `X-Kaquan-OTP: <challenge_id>:<code>` (docs/risk.md "Outcomes"). */
export function proofOf(req: FastifyRequest): { challenge_id: string; code: string } | undefined {
  const h = req.headers['x-kaquan-otp'];
  const m = typeof h === 'string' ? /^([\w-]{1,64}):(\w{4,12})$/.exec(h.trim()) : null;
  return m ? { challenge_id: m[1]!, code: m[2]! } : undefined;
}
