import type { FastifyRequest } from 'fastify';
import type { App } from './types.ts';

/**
 * Security headers on every answer (issue 16 finding 10; decision 020). A route that knows better sets
 * its own header first (an uploaded file's `sandbox`, the verification page's `no-referrer`); this hook
 * fills in only what is missing, in onSend, so errors, 404s and static files get them too.
 */

const common = "base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

export const contentSecurityPolicies = {
  /**
   * The public pages are server-rendered and need no JavaScript: no script at all (their JSON-LD block is
   * data, which CSP does not execute). Their CSS is inline — one <style> per page and style attributes,
   * some computed (the statistics bars' widths) — so styles allow 'unsafe-inline': every interpolated
   * value is escaped, and a style cannot run script. Forms post to the same origin only.
   */
  public: `default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; ${common}`,
  /** The back office (Vite build): scripts and styles from its own files only; React's style props go through the CSSOM, which CSP allows. */
  backOffice: `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; form-action 'self'; ${common}`,
  /** The API documentation (swagger-ui): its own scripts; the UI writes inline styles. */
  apiDocs: `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; ${common}`,
} as const;

export type PolicyName = keyof typeof contentSecurityPolicies;

/** Two years, subdomains included: the HSTS preload list's minimum is one year. */
const HSTS = 'max-age=63072000; includeSubDomains';

export function installSecurityHeaders(app: App, options: { policyFor: (request: FastifyRequest) => PolicyName }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const set = (name: string, value: string) => {
      if (!reply.hasHeader(name)) reply.header(name, value);
    };
    set('content-security-policy', contentSecurityPolicies[options.policyFor(request)]);
    set('x-frame-options', 'DENY');
    set('x-content-type-options', 'nosniff');
    set('referrer-policy', 'strict-origin-when-cross-origin');
    set('cross-origin-opener-policy', 'same-origin');
    // request.protocol is the proxy's x-forwarded-proto only under OCOP_TRUST_PROXY=1 (Fastify's trustProxy);
    // HSTS over plain HTTP is ignored by browsers and would only mislead.
    if (request.protocol === 'https') set('strict-transport-security', HSTS);
    return payload;
  });
}
