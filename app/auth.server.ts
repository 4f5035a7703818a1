import crypto from 'node:crypto';
import { createCookie, createSessionStorage, redirect, type AppLoadContext } from '@remix-run/node';
import { and, count, eq, getTableColumns, gte, lt, lte, max, or, sql } from 'drizzle-orm';
import { getDb, writeTransaction, type Db } from '../db/client';
import { loginFailures, sessions, users, type User } from '../db/schema';
import { sessionSecret } from './env.server';
import { isHttps } from './security.server';
import { can, type Permission } from './domain/permissions';
import { getUserByEmail, normalizeEmail } from './models/user.server';
import { verifyPassword } from './models/password.server';

const SESSION_TTL_MS = 1000 * 60 * 60 * 24 * 14;

const sessionCookie = createCookie('__session', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secrets: [sessionSecret()],
  maxAge: SESSION_TTL_MS / 1000,
});

/** Sessions live in the database; the signed cookie carries only the session id. */
const sessionStorage = createSessionStorage<{ userId: number }>({
  cookie: sessionCookie,
  async createData(data, expires) {
    const id = crypto.randomBytes(24).toString('base64url');
    getDb()
      .insert(sessions)
      .values({ id, userId: data.userId!, expiresAt: expires ?? new Date(Date.now() + SESSION_TTL_MS) })
      .run();
    return id;
  },
  async readData(id) {
    const row = getDb().select().from(sessions).where(eq(sessions.id, id)).get();
    if (!row || row.expiresAt.getTime() < Date.now()) return null;
    return { userId: row.userId };
  },
  async updateData(id, data, expires) {
    getDb()
      .update(sessions)
      .set({ userId: data.userId!, expiresAt: expires ?? new Date(Date.now() + SESSION_TTL_MS) })
      .where(eq(sessions.id, id))
      .run();
  },
  async deleteData(id) {
    getDb().delete(sessions).where(eq(sessions.id, id)).run();
  },
});

/** Refuses a cross-site mutating request: the Origin (or Sec-Fetch-Site) must be this site. */
export function assertSameOrigin(request: Request): void {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const origin = request.headers.get('Origin');
  const site = request.headers.get('Sec-Fetch-Site');
  const sameOrigin = origin ? URL.canParse(origin) && new URL(origin).host === new URL(request.url).host : !site || site === 'same-origin' || site === 'none';
  if (!sameOrigin) throw new Response('Cross-site request refused', { status: 403 });
}

/** The user of a live session by its id, prepared once per connection: every page asks it, in the root loader and its own. */
const userOfSessionQueries = new WeakMap<Db, ReturnType<typeof prepareUserOfSession>>();
function prepareUserOfSession(db: Db) {
  return db
    .select(getTableColumns(users))
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('sessionId')), gte(sessions.expiresAt, sql.placeholder('now'))))
    .prepare();
}

/** The id of the session the request's cookie carries (signature checked), or undefined. */
export async function currentSessionId(request: Request): Promise<string | undefined> {
  const sessionId: unknown = await sessionCookie.parse(request.headers.get('Cookie'));
  return typeof sessionId === 'string' ? sessionId : undefined;
}

/** The signed-in user: the session id from the signed cookie, the session and its user in one query. */
export async function getSessionUser(request: Request): Promise<User | null> {
  const sessionId = await currentSessionId(request);
  if (!sessionId) return null;
  const db = getDb();
  let query = userOfSessionQueries.get(db);
  if (!query) userOfSessionQueries.set(db, (query = prepareUserOfSession(db)));
  const user = query.get({ sessionId, now: Date.now() });
  return user && !user.disabled ? user : null;
}

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<User> {
  assertSameOrigin(request);
  const user = await getSessionUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const redirectTo = url.pathname + url.search;
  throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
}

export async function requirePermission(request: Request, permission: Permission): Promise<User> {
  const user = await requireUser(request);
  if (!can(user.role, permission)) throw new Response('Forbidden', { status: 403 });
  return user;
}

export type LoginResult = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'locked'; retryAfterMinutes?: number };

/** Failed logins an account may collect within LOGIN_WINDOW_MS before clients that failed are refused on it. */
export const MAX_LOGIN_FAILURES = 5;
/** Failed logins one client address may collect within LOGIN_WINDOW_MS, on any accounts. */
export const MAX_CLIENT_FAILURES = 20;
/** How long a failed login counts; older ones are deleted. */
export const LOGIN_WINDOW_MS = 1000 * 60 * 15;

/**
 * Checks a password, throttled per account and per client address (OWASP's guidance on
 * lockouts: an attacker must not be able to lock the real user out):
 * - a client address with MAX_CLIENT_FAILURES failed logins in the last LOGIN_WINDOW_MS, on any
 *   accounts, is refused without a password check (one client trying many accounts);
 * - an account with MAX_LOGIN_FAILURES failed logins in that window is locked for every client
 *   that has failed in it; a client with no failure (the real user at their own desk) still gets
 *   its password checked, and the first wrong one locks that client out too.
 * The attempt is recorded as a failure before the password is checked, in one transaction with
 * the counts, so that attempts sent all at once cannot all get past them; a right password
 * removes the record again, with that client's earlier failures on that account.
 */
export async function verifyLogin(email: string, password: string, options: { client?: string; now?: number } = {}): Promise<LoginResult> {
  const { client = 'unknown', now = Date.now() } = options;
  const key = normalizeEmail(email);
  const since = new Date(now - LOGIN_WINDOW_MS);
  const attempt = writeTransaction((tx) => {
    tx.delete(loginFailures).where(lte(loginFailures.failedAt, since)).run();
    const mine = tx
      .select({ count: count(), last: max(loginFailures.failedAt) })
      .from(loginFailures)
      .where(eq(loginFailures.client, client))
      .get()!;
    const account = tx.select({ count: count() }).from(loginFailures).where(eq(loginFailures.email, key)).get()!;
    if (mine.count >= MAX_CLIENT_FAILURES || (mine.count > 0 && account.count >= MAX_LOGIN_FAILURES)) return { locked: mine.last!.getTime() + LOGIN_WINDOW_MS };
    const row = tx.insert(loginFailures).values({ email: key, client, failedAt: new Date(now) }).returning({ id: loginFailures.id }).get();
    return { id: row.id, locked: undefined };
  });
  if (attempt.locked !== undefined) return { ok: false, reason: 'locked', retryAfterMinutes: Math.max(1, Math.ceil((attempt.locked - now) / 60000)) };
  const user = getUserByEmail(key);
  // Hash even for unknown addresses so that timing does not tell which addresses exist.
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (user && valid && !user.disabled) {
    getDb()
      .delete(loginFailures)
      .where(or(eq(loginFailures.id, attempt.id), and(eq(loginFailures.email, key), eq(loginFailures.client, client))))
      .run();
    return { ok: true, user };
  }
  return { ok: false, reason: 'invalid' };
}

const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';

/** Starts a fresh session (a new id: never one the browser brought along) and redirects. */
export async function createUserSession(request: Request, userId: number, redirectTo: string) {
  const old = await sessionStorage.getSession(request.headers.get('Cookie'));
  if (old.id) await sessionStorage.destroySession(old);
  const session = await sessionStorage.getSession();
  session.set('userId', userId);
  getDb().delete(sessions).where(lt(sessions.expiresAt, new Date())).run();
  return redirect(safeRedirect(redirectTo), {
    headers: { 'Set-Cookie': await sessionStorage.commitSession(session, { secure: isHttps(request) }) },
  });
}

export async function logout(request: Request) {
  const session = await sessionStorage.getSession(request.headers.get('Cookie'));
  return redirect('/login', { headers: { 'Set-Cookie': await sessionStorage.destroySession(session) } });
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's address (scripts/server.js: the socket's, or X-Forwarded-For's as TRUST_PROXY allows). */
    clientAddress?: string;
  }
}

/** The address login throttling counts a client by; 'unknown' where the server gives none (the development server). */
export function clientAddress(context: AppLoadContext): string {
  return context.clientAddress || 'unknown';
}


/** Only same-site paths: never "//evil.example" or an absolute URL. */
export function safeRedirect(to: string | null | undefined, fallback = '/'): string {
  if (!to || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to;
}
