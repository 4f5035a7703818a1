import crypto from 'node:crypto';

export function createNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

/** HTTPS, or HTTPS ended by a reverse proxy in front (X-Forwarded-Proto: https, see the README). */
export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:' || request.headers.get('X-Forwarded-Proto') === 'https';
}

/** A year: browsers then come only over HTTPS (sent only on an answer that came over HTTPS). */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * Headers every page and data response carries. Pages get a script nonce, so only the app's
 * own scripts run; Vite's development server injects inline scripts without one, so there
 * inline scripts are allowed. Pages and data are about the person signed in: never kept in
 * a shared or the browser's cache (unless a route says otherwise). Over HTTPS, HSTS.
 */
export function setSecurityHeaders(headers: Headers, request: Request, nonce?: string): void {
  if (isHttps(request)) headers.set('Strict-Transport-Security', `max-age=${HSTS_MAX_AGE_SECONDS}`);
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-store');
  const dev = process.env.NODE_ENV === 'development';
  headers.set(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      dev || !nonce ? "script-src 'self' 'unsafe-inline'" : `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; '),
  );
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'same-origin');
  headers.set('X-Frame-Options', 'DENY');
}
