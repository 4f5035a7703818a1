import crypto from 'node:crypto';

export function createNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

/**
 * Headers every page and data response carries. Pages get a script nonce, so only the app's
 * own scripts run; Vite's development server injects inline scripts without one, so there
 * inline scripts are allowed.
 */
export function setSecurityHeaders(headers: Headers, nonce?: string): void {
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
