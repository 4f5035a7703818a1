/**
 * How the e-mails of notifications are retried: a failed attempt waits 10 min × 4^(attempt − 1)
 * (10 min, 40 min, 2 h 40 min, 10 h 40 min) and the message is given up as 'failed' after
 * MAX_DELIVERY_ATTEMPTS attempts (app/models/notification-delivery.server.ts applies it).
 */
export const MAX_DELIVERY_ATTEMPTS = 5;
export const RETRY_BASE_MS = 10 * 60 * 1000;

/** Milliseconds to wait after the given (1-based) failed attempt: 10 min × 4^(attempt − 1). */
export function retryDelayMs(attempts: number): number {
  return RETRY_BASE_MS * 4 ** Math.max(0, attempts - 1);
}

/** What becomes of a message after a failed attempt. */
export function afterFailure(attempts: number, now: number): { delivery: 'pending' | 'failed'; nextAttemptAt: number | null } {
  return attempts >= MAX_DELIVERY_ATTEMPTS
    ? { delivery: 'failed', nextAttemptAt: null }
    : { delivery: 'pending', nextAttemptAt: now + retryDelayMs(attempts) };
}
