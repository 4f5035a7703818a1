import crypto from 'node:crypto';
import { createCookie, createSessionStorage, redirect } from '@remix-run/node';
import { and, eq, getTableColumns, gte, lt, sql } from 'drizzle-orm';
import { getDb, type Db } from '../db/client';
import { sessions, users, type User } from '../db/schema';
import { sessionSecret } from './env.server';
import { can, type Permission } from './domain/permissions';
import { getUserByEmail, normalizeEmail } from './models/user.server';
import { verifyPassword } from './models/password.server';
import { prepared } from './models/statements.server';

const SESSION_TTL_MS = 1000 * 60 * 60 * 24 * 14;
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_LOCK_MS = 1000 * 60 * 15;

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
  const sameOrigin = origin
    ? origin !== 'null' && new URL(origin).host === new URL(request.url).host
    : !site || site === 'same-origin' || site === 'none';
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

/** The signed-in user: the session id from the signed cookie, the session and its user in one query. */
export async function getSessionUser(request: Request): Promise<User | null> {
  const sessionId: unknown = await sessionCookie.parse(request.headers.get('Cookie'));
  if (typeof sessionId !== 'string') return null;
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

/**
 * Checks a password, counting the attempts per address since the last success: after
 * MAX_LOGIN_FAILURES failed ones the address is locked until LOGIN_LOCK_MS after the last
 * password checked. The attempt is counted before the password is checked, in one statement,
 * so that attempts sent all at once cannot all get past the count.
 */
export async function verifyLogin(email: string, password: string, now = Date.now()): Promise<LoginResult> {
  const sqlite = getDb().$client;
  const key = normalizeEmail(email);
  // A stale count starts again at 1; a locked address keeps the time of its last checked password.
  const attempt = prepared(
    sqlite,
    `insert into login_failures (email, count, last_failed_at) values (:key, 1, :now)
     on conflict (email) do update set
       count = case when :now - last_failed_at > :lockMs then 1 else count + 1 end,
       last_failed_at = case when :now - last_failed_at > :lockMs or count < :max then :now else last_failed_at end
     returning count, last_failed_at as lastFailedAt`,
  ).get({ key, now, lockMs: LOGIN_LOCK_MS, max: MAX_LOGIN_FAILURES }) as { count: number; lastFailedAt: number };
  if (attempt.count > MAX_LOGIN_FAILURES) {
    return { ok: false, reason: 'locked', retryAfterMinutes: Math.ceil((attempt.lastFailedAt + LOGIN_LOCK_MS - now) / 60000) };
  }
  const user = getUserByEmail(key);
  // Hash even for unknown addresses so that timing does not tell which addresses exist.
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (user && valid && !user.disabled) {
    prepared(sqlite, 'delete from login_failures where email = ?').run(key);
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

/** Behind an HTTPS proxy the session cookie is marked Secure. */
function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:' || request.headers.get('X-Forwarded-Proto') === 'https';
}

/** Only same-site paths: never "//evil.example" or an absolute URL. */
export function safeRedirect(to: string | null | undefined, fallback = '/'): string {
  if (!to || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to;
}
