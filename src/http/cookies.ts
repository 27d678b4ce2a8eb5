import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

/**
 * Browser sign-ins 浏览器登录 ride in HttpOnly cookies: no script on the page can read them, so a
 * script that got in cannot carry a token away. One cookie per screen, so a clerk screen and a
 * console open in one browser stay signed in as two different people, as before.
 *
 * A cookie is honoured only with the header X-Kaquan-Screen naming its screen (the same-origin
 * proof): a page of another site cannot send a custom header to this server (it takes a CORS
 * preflight, which this server never approves), and a request the browser marks as coming from
 * another site (Sec-Fetch-Site) is refused as well. SameSite=Strict keeps the cookie off
 * cross-site requests in the first place.
 */
export const SCREEN_HEADER = 'x-kaquan-screen';
export type Screen = 'console' | 'clerk' | 'partner' | 'wallet';
const COOKIES: Record<Screen, { name: string; path: string }> = {
  console: { name: 'kq_console', path: '/v1' },
  clerk: { name: 'kq_clerk', path: '/v1' },
  partner: { name: 'kq_partner', path: '/v1' }, // the partner portal 渠道商门户
  wallet: { name: 'kq_wallet', path: '/v1/wallet' },
};
export const cookieName = (s: Screen) => COOKIES[s].name;

/** Cookies are Secure when the public address is https (PUBLIC_URL); read per request, so tests can flip it. */
const secure = (config: Config) => /^https:/i.test(config.publicUrl);

export function readCookies(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    if (!(name in out)) out[name] = part.slice(eq + 1).trim(); // the most specific path comes first
  }
  return out;
}

const crossSite = () =>
  new AppError(
    403,
    'CROSS_SITE_REQUEST',
    'a request signed in by a browser cookie is accepted only from the Kaquan pages of this site; scripts and integrations send Authorization: Bearer <api key>',
  );

/** The screen the request names, if it passes the same-origin check; null when it names none. */
export function screenOf(req: FastifyRequest): Screen | null {
  const s = req.headers[SCREEN_HEADER];
  if (typeof s !== 'string' || !(s in COOKIES)) return null;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') throw crossSite();
  return s as Screen;
}

/**
 * The cookie credential of a request for one of `screens`: its value when the request names that
 * screen and passes the check; null when no such cookie came; 403 when one came without the proof.
 */
export function cookieCredential(req: FastifyRequest, screens: Screen[]): { screen: Screen; value: string } | null {
  const cookies = readCookies(req);
  const screen = screenOf(req);
  if (screen && screens.includes(screen)) {
    const value = cookies[COOKIES[screen].name];
    return value ? { screen, value } : null;
  }
  if (screens.some((s) => cookies[COOKIES[s].name])) throw crossSite();
  return null;
}

export function setCookie(reply: FastifyReply, config: Config, screen: Screen, value: string, maxAgeSeconds: number) {
  if (!/^[A-Za-z0-9._-]+$/.test(value)) throw new Error('a cookie value must be a plain token');
  const { name, path } = COOKIES[screen];
  const age = Math.max(0, Math.floor(maxAgeSeconds));
  reply.header('set-cookie', `${name}=${value}; Path=${path}; Max-Age=${age}; HttpOnly; SameSite=Strict${secure(config) ? '; Secure' : ''}`);
}

export function clearCookie(reply: FastifyReply, config: Config, screen: Screen) {
  const { name, path } = COOKIES[screen];
  reply.header('set-cookie', `${name}=; Path=${path}; Max-Age=0; HttpOnly; SameSite=Strict${secure(config) ? '; Secure' : ''}`);
}
