import type { EntryDef } from './words.js';

/** Who may call: sign-in, sessions, keys, the wallet link, code guessing, tenants. */
export const ACCESS = {
  UNAUTHENTICATED: {
    status: 401,
    zh: '还没有登录，或登录已经失效。请重新登录。',
    en: 'You are not signed in, or the sign-in has ended. Sign in again.',
    note: 'no key, or an unknown or revoked one; an ended session',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    zh: '商户、用户名或密码不正确。若已多次输错，请 15 分钟后再试。',
    en: 'The tenant, username or password is not right. After many wrong attempts, wait 15 minutes and try again.',
    note: "sign-in refused: the tenant, username or password is not right, or the account's or address's attempts are spent (wait 15 minutes); the answer never says which",
  },
  CURRENT_PASSWORD_INVALID: {
    status: 403,
    zh: '当前密码不正确。若已多次输错，请 15 分钟后再试。',
    en: 'The current password is not right. After many wrong attempts, wait 15 minutes and try again.',
    note: 'changing your own password: `current_password` is not right, or attempts are spent; counts like a failed sign-in',
    also: ['errors'],
  },
  FORBIDDEN: {
    status: 403,
    zh: '你的账号没有权限做这件事。如有需要，请联系管理员。',
    en: 'Your account may not do this. Ask an administrator if you need to.',
    note: 'the key’s or account’s role may not do this',
  },
  CROSS_SITE_REQUEST: {
    status: 403,
    zh: '这个请求不是从本站页面发出的，已拒绝。请刷新页面后重试。',
    en: 'This request did not come from this site’s pages and was refused. Reload the page and retry.',
    note: 'a browser sign-in cookie came without the same-origin proof (`X-Kaquan-Screen`, no cross-site `Sec-Fetch-Site`)',
  },
  TENANT_DISABLED: {
    status: 403,
    zh: '这个商户已被平台停用。请联系平台管理员。',
    en: 'This tenant is disabled by the platform. Contact the platform operator.',
  },
  SESSION_NOT_FOUND: { status: 404, zh: '当前不是用账号登录的。', en: 'This request was not made with a sign-in session.' },
  API_KEY_NOT_FOUND: { status: 404, zh: '没有找到这个 API 密钥。', en: 'No such API key.' },
  OPERATOR_NOT_FOUND: { status: 404, zh: '没有找到这个账号。', en: 'No such account.' },
  OPERATOR_USERNAME_TAKEN: {
    status: 409,
    zh: '用户名[「{username:text}」]已经有人用了，请换一个。',
    en: 'The username[ "{username:text}"] is taken; choose another.',
    also: ['errors'],
  },
  CANNOT_DISABLE_SELF: { status: 422, zh: '不能停用你正在使用的账号。', en: 'You cannot disable the account you are signed in with.' },
  WALLET_LINK_INVALID: {
    status: 401,
    zh: '这个钱包链接已经失效（可能已过期、被作废或不完整）。请从品牌的公众号、小程序或短信重新打开钱包。',
    en: 'This wallet link no longer works (expired, revoked or incomplete). Open the wallet again from the brand’s app or message.',
    note: 'a wallet link forged, altered, expired or revoked (`POST /v1/members/{id}/wallet-links/revoke`)',
  },
  WALLET_SWITCHED: {
    status: 401,
    zh: '这个浏览器刚刚打开了另一位会员的钱包。请重新打开你自己的钱包链接。',
    en: 'This browser has opened another member’s wallet since. Open your own wallet link again.',
    note: "the wallet page shows one member, but this browser has opened another member's link since",
  },
  CODE_LOOKUPS_THROTTLED: {
    status: 429,
    zh: '输错的券码或卡密太多了，请放慢一点[，{retry_after:duration}后]再试。',
    en: 'Too many wrong codes or PINs: slow down and try again[ in {retry_after:duration}].',
    note: 'too many unknown codes or wrong PINs from this caller (key, operator or wallet member): 20 failures are answered, then one every 3 s. Once over budget, a code that exists gets the same 429. `retry_after` (seconds, also the `Retry-After` header) says when to try again',
  },
  CODE_LOOKUPS_LOCKED: {
    status: 429,
    zh: '输错的券码或卡密太多，查询已暂时锁定[，请 {retry_after:duration}后再试]。',
    en: 'Too many wrong codes or PINs: look-ups are locked for now[; try again in {retry_after:duration}].',
    note: 'at 60 attempts (throttled ones count) the caller is locked for 15 minutes, twice as long for each repeat within a day',
  },
  TENANT_NOT_FOUND: { status: 404, zh: '没有找到这个商户。', en: 'No such tenant.' },
  TENANT_EXISTS: {
    status: 409,
    zh: '商户 ID[「{tenant_id:text}」]已经存在。',
    en: 'A tenant with the id[ "{tenant_id:text}"] exists already.',
    note: 'creating a tenant with an `id` that is taken (a retry of the same creation answers this too)',
  },
  AUDIT_HEAD_NOT_FOUND: { status: 404, zh: '审计日志还没有封存过，请稍后再试。', en: 'Nothing has been sealed yet; try again shortly.' },
} as const satisfies Record<string, EntryDef>;
