import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { XLSX_TYPE } from './file.js';
import { peekLink, takeDownload } from './link.js';
import { tokenPrint } from './model.js';
import { confirmPage, refusedPage } from './page.js';

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow').type('text/html; charset=utf-8').send(body);

/**
 * The download link 一次性下载链接, outside /v1 and without sign-in: the token is the only credential.
 * GET shows a page and changes nothing (link scanners and chat previews fetch it); only the POST of
 * its form counts a download and answers the file.
 */
export function pages(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  // the page's form posts application/x-www-form-urlencoded; its one field says nothing the server needs
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, {}));
  const params = Type.Object({ token: Type.String({ maxLength: 200 }) });
  const schema = { hide: true, params };

  app.get('/d/:token', { schema }, async (req, reply) => {
    const token = req.params.token;
    const r = await peekLink(ctx, token);
    if ('ok' in r) return html(reply, 200, confirmPage(token, r.ok));
    const p = refusedPage(r.refused);
    return html(reply, p.status, p.html);
  });

  app.post('/d/:token', { schema }, async (req, reply) => {
    const token = req.params.token;
    const r = await takeDownload(ctx, token, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    if ('file' in r) {
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="kaquan-${r.delivery.id}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(r.file);
    }
    // an unknown token names no tenant's audit log: the process log keeps a fingerprint and the address
    if (r.refused === 'unknown') req.log.warn({ token: tokenPrint(token), ip: req.ip }, 'delivery link: unknown token');
    const p = refusedPage(r.refused);
    return html(reply, p.status, p.html);
  });
}
