import { DateTime } from 'luxon';
import type { LinkInfo, Refusal } from './link.js';

/**
 * The pages of a download link 下载页: small, server-written HTML, Chinese first. No script at all
 * (the app's CSP forbids inline script; a plain form POSTs the confirmation to the same address,
 * which `form-action 'self'` allows); the styles are one <style> element, which the CSP allows.
 */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f5f5;margin:0;color:#222}
main{max-width:28rem;margin:3rem auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 1px 4px rgba(0,0,0,.08)}
h1{font-size:1.3rem;margin:0 0 1rem}p{line-height:1.6}.en{color:#888;font-size:.9rem}
button{font-size:1.05rem;padding:.7rem 1.6rem;border:0;border-radius:6px;background:#1677ff;color:#fff;cursor:pointer}
dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}dt{color:#666}dd{margin:0}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow"><title>${esc(title)} · 卡券 Kaquan</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

/** A time on the brand's calendar, with its offset (2026-11-28 10:30 +08:00). */
const fmt = (d: Date, tz: string) => DateTime.fromJSDate(new Date(d), { zone: tz }).toFormat('yyyy-LL-dd HH:mm ZZ');

/** The confirmation page: what is waiting, and one button that POSTs to take it. */
export function confirmPage(token: string, info: LinkInfo): string {
  const d = info.delivery;
  const left = (d.max_downloads ?? 0) - d.downloads;
  return layout(
    '领取卡券文件',
    `<h1>领取卡券文件 <span class="en">Your codes</span></h1>
<p>${esc(info.tenantName)} 交给 <b>${esc(d.recipient_name)}</b> 的 ${d.cards} 张卡券。</p>
<dl><dt>有效期至</dt><dd>${fmt(d.expires_at!, info.timeZone)}</dd><dt>可下载次数</dt><dd>还剩 ${left} 次 / 共 ${d.max_downloads} 次</dd></dl>
${d.protected ? '<p>文件已加密：打开时需要输入密码，密码会通过其他方式单独发给您。</p>' : ''}
<p>点击下方按钮后下载开始，并计入下载次数。请勿转发此链接。</p>
<form method="post" action="/d/${esc(token)}"><input type="hidden" name="confirm" value="yes"><button type="submit">确认下载 Download</button></form>
<p class="en">Pressing the button downloads the file and counts as one download. ${d.protected ? 'The file asks for a password, sent to you separately. ' : ''}Do not forward this link.</p>`,
  );
}

const REFUSED: Record<Refusal, [status: number, zh: string, en: string]> = {
  unknown: [404, '链接无效：请检查链接是否完整，或联系发券方。', 'This link is not valid. Check that it is complete, or ask the sender.'],
  expired: [410, '链接已过期，不能再下载。请联系发券方重新发送。', 'This link has expired. Ask the sender for a new one.'],
  used_up: [410, '下载次数已用完，不能再下载。如未收到文件，请联系发券方。', 'This link has been used up. If you did not get the file, ask the sender.'],
  revoked: [410, '链接已被发券方撤销，不能再下载。', 'The sender has revoked this link.'],
};

/** The page for a link that serves nothing, and its status (404 unknown, 410 the rest). */
export function refusedPage(r: Refusal): { status: number; html: string } {
  const [status, zh, en] = REFUSED[r];
  return { status, html: layout('无法下载', `<h1>无法下载 <span class="en">Not available</span></h1><p>${zh}</p><p class="en">${en}</p>`) };
}
