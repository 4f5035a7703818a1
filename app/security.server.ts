/** Headers every page and data response carries. */
export function setSecurityHeaders(headers: Headers): void {
  const dev = process.env.NODE_ENV === 'development';
  headers.set(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      // Remix inlines its hydration data; Vite's dev server adds an inline preamble and a websocket.
      "script-src 'self' 'unsafe-inline'",
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
