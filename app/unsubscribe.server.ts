/**
 * One-click unsubscribe links for reminder e-mails (RFC 8058): /unsubscribe/<user id>.<signature>,
 * the signature an HMAC-SHA256 over the purpose and the user id, keyed with the session secret.
 * The link needs no login; it can do one thing only (switch that person's reminders off), and
 * a tampered or foreign link is refused before anything is read or written. Changing
 * SESSION_SECRET invalidates the links of the e-mails sent before.
 */
import crypto from 'node:crypto';
import { sessionSecret } from './env.server';

const PURPOSE = 'reminders-unsubscribe';
/** <user id, at most 10 digits>.<43 base64url characters of SHA-256>. */
const TOKEN = /^([1-9]\d{0,9})\.([A-Za-z0-9_-]{43})$/;
export const MAX_UNSUBSCRIBE_TOKEN_LENGTH = 54;

function signature(userId: number): string {
  return crypto.createHmac('sha256', sessionSecret()).update(`${PURPOSE}:${userId}`).digest('base64url');
}

export function unsubscribeToken(userId: number): string {
  return `${userId}.${signature(userId)}`;
}

/** The absolute one-click link for the List-Unsubscribe header. */
export function unsubscribeUrl(appUrl: string, userId: number): string {
  return `${appUrl.replace(/\/+$/, '')}/unsubscribe/${unsubscribeToken(userId)}`;
}

/** The user id a link was signed for, or null for anything else (checked in constant time). */
export function userIdOfUnsubscribeToken(token: string): number | null {
  if (token.length > MAX_UNSUBSCRIBE_TOKEN_LENGTH) return null;
  const match = TOKEN.exec(token);
  if (!match) return null;
  const userId = Number(match[1]);
  const expected = Buffer.from(signature(userId));
  const given = Buffer.from(match[2]!);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? userId : null;
}
