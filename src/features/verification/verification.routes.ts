import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { limitRequests } from '../../core/http/rate-limit.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { html } from '../../public-site/html.ts';
import { layout, type Lang } from '../../public-site/layout.ts';
import { certificateQrSvg, certificateVerificationPath } from '../certificates/index.ts';
import { renderLookupPage, renderUnknownCertificatePage, renderVerificationPage } from './verification-page.ts';
import { findTokenByCertificateNumber, findTokenByGtin, findVerifiedCertificate, verifyCertificate } from './verify-certificate.ts';

/**
 * Verification pages are limited per client address; generous because a whole market or a mobile
 * carrier's NAT may share one address, yet a loop harvesting certificates is stopped within a minute.
 */
export const VERIFICATION_LIMIT = { max: 120, timeWindowMs: 60_000 } as const;

const lang = z.enum(['vi', 'en']).default('vi').catch('vi');
const tokenParams = z.object({ token: z.string().max(64) });
const langQuery = z.object({ lang });
const lookupQuery = z.object({ so: z.string().max(100).optional(), lang });
const gtinParams = z.object({ gtin: z.string().max(20), '*': z.string().optional() });
const gtinQuery = z.object({ cert: z.string().max(100).optional(), lang: z.enum(['vi', 'en']).optional().catch(undefined) });

/**
 * Cache: the verification page is `Cache-Control: no-cache` with a weak ETag, never a max-age. Its whole
 * point is the live status: a revocation decided this morning must show on the next scan, and a CDN or
 * phone that kept a "valid" page for 60 s more would vouch for a revoked product. no-cache still lets the
 * phone keep the page and revalidate it: every scan reaches the server (so it is counted, too), and when
 * the certificate, its status and the day are unchanged the answer is a body-less 304. The ETag leaves
 * out the verification count, so a 304 may show a count a few scans old; the status is never stale.
 */
const VERIFICATION_CACHE = 'no-cache';

// Crawlers, link previews and tools are not people verifying a product; Lighthouse and headless browsers neither.
const NOT_A_PERSON = /bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|curl|wget|python|httpclient|java\/|go-http|headless|lighthouse/i;

function isCountedVerification(request: FastifyRequest): boolean {
  if (request.method !== 'GET') return false;
  const purpose = `${request.headers['sec-purpose'] ?? ''} ${request.headers.purpose ?? ''} ${request.headers['x-purpose'] ?? ''}`;
  if (/prefetch|preview/i.test(purpose)) return false;
  return !NOT_A_PERSON.test(request.headers['user-agent'] ?? '');
}

const sendHtml = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).type('text/html; charset=utf-8').header('cache-control', VERIFICATION_CACHE).send(body);

const withLang = (path: string, language: Lang | undefined) => (language === 'en' ? `${path}?lang=en` : path);

export function registerVerificationRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scoped: App) => {
    await limitRequests(scoped, VERIFICATION_LIMIT);
    // A certificate's page address holds its token: no link followed from it may carry it in a Referer.
    scoped.addHook('onRequest', async (_request, reply) => {
      reply.header('referrer-policy', 'no-referrer');
    });
    // A person scanning a QR gets a page, not JSON, when the limit is reached; other errors go on to
    // the application's error handler.
    scoped.setErrorHandler((error, request, reply) => {
      if (error instanceof AppError && error.code === 'RATE_LIMITED') {
        const language: Lang = (request.query as { lang?: string } | undefined)?.lang === 'en' ? 'en' : 'vi';
        const message = language === 'en' ? error.messageEn ?? error.message : error.message;
        const page = layout({
          lang: language,
          title: language === 'en' ? 'Too many requests' : 'Quá nhiều yêu cầu',
          description: message,
          path: '/xac-minh',
          body: html`<main><h1>${language === 'en' ? 'Too many requests' : 'Quá nhiều yêu cầu'}</h1><p>${message}</p></main>`,
        });
        return reply.status(429).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
      }
      throw error;
    });
    registerRoutes(scoped, ctx);
  });
}

function registerRoutes(app: App, ctx: AppContext): void {
  app.get('/xac-minh', { schema: { hide: true, querystring: lookupQuery } }, async (request, reply) => {
    const { so, lang: language } = request.query;
    if (!so?.trim()) return sendHtml(reply, 200, renderLookupPage(language));
    const token = await findTokenByCertificateNumber(ctx, so);
    if (!token) return sendHtml(reply, 404, renderLookupPage(language, { number: so.trim(), notFound: true }));
    return reply.header('cache-control', VERIFICATION_CACHE).redirect(withLang(certificateVerificationPath(token), language), 303);
  });

  app.get('/xac-minh/:token', { schema: { hide: true, params: tokenParams, querystring: langQuery } }, async (request, reply) => {
    const language = request.query.lang;
    const verification = await verifyCertificate(ctx, request.params.token, { counted: isCountedVerification(request) });
    if (!verification) return sendHtml(reply, 404, renderUnknownCertificatePage(language));
    const { certificate, day, verificationCount } = verification;
    const etag = `W/"${createHash('sha1')
      .update([certificate.id, certificate.version, certificate.status, certificate.revocation?.decidedOn ?? '', day, language].join('|'))
      .digest('base64url')}"`;
    reply.header('etag', etag).header('vary', 'Accept-Encoding');
    const match = request.headers['if-none-match'];
    if (match?.split(',').some((tag) => tag.trim() === etag || tag.trim() === etag.slice(2))) {
      return reply.status(304).header('cache-control', VERIFICATION_CACHE).send();
    }
    return sendHtml(reply, 200, renderVerificationPage(certificate, { lang: language, today: day, verificationCount }));
  });

  // The QR image may be cached: it encodes the certificate's identity, which never changes.
  app.get('/xac-minh/:token/qr.svg', { schema: { hide: true, params: tokenParams } }, async (request, reply) => {
    const certificate = await findVerifiedCertificate(ctx, request.params.token);
    if (!certificate) return sendHtml(reply, 404, renderUnknownCertificatePage('vi'));
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=86400, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(await certificateQrSvg(ctx.config, certificate));
  });

  // GS1 Digital Link resolver for AI 01 (GTIN), with or without key qualifiers (/10/<batch>, /21/<serial>):
  // sends the reader to the verification page of the certificate named by `cert`, or of the product's
  // latest certificate. A redirect, not a copy of the page, so each certificate has one address.
  const resolveGtin = async (request: FastifyRequest<{ Params: z.infer<typeof gtinParams>; Querystring: z.infer<typeof gtinQuery> }>, reply: FastifyReply) => {
    const token = await findTokenByGtin(ctx, request.params.gtin, request.query.cert ?? null);
    if (!token) return sendHtml(reply, 404, renderUnknownCertificatePage(request.query.lang ?? 'vi'));
    return reply.header('cache-control', VERIFICATION_CACHE).redirect(withLang(certificateVerificationPath(token), request.query.lang), 307);
  };
  app.get('/01/:gtin', { schema: { hide: true, params: gtinParams, querystring: gtinQuery } }, resolveGtin);
  app.get('/01/:gtin/*', { schema: { hide: true, params: gtinParams, querystring: gtinQuery } }, resolveGtin);
}
