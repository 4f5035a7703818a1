/**
 * The personal calendar feed: a secret, revocable URL per user (/calendar/<token>.ics).
 *
 * Only a SHA-256 hash of the token is stored (users.calendar_token), so a copy of the
 * database does not give away anybody's feed; the URL is shown once, when made. Making a
 * new URL replaces the old one, revoking clears it; either way the old URL stops working.
 */
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { todayInSofia } from '~/domain/dates';
import type { Status } from '~/domain/status';
import { userOwners, users, type User } from '../../db/schema';
import { getDb, writeTransaction } from '../../db/client';
import { activityStateCte } from './activity-state.server';
import { recordAudit } from './audit.server';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Makes (or replaces) the user's feed token; returns the token itself, which is not stored. */
export function createCalendarToken(userId: number): string {
  const token = crypto.randomBytes(32).toString('base64url');
  writeTransaction((tx) => {
    tx.update(users).set({ calendarToken: hashToken(token) }).where(eq(users.id, userId)).run();
    recordAudit(userId, 'user', userId, 'calendar-token-created', null, null, tx);
  });
  return token;
}

export function revokeCalendarToken(userId: number): void {
  writeTransaction((tx) => {
    tx.update(users).set({ calendarToken: null }).where(eq(users.id, userId)).run();
    recordAudit(userId, 'user', userId, 'calendar-token-revoked', null, null, tx);
  });
}

export function hasCalendarToken(userId: number): boolean {
  const row = getDb().select({ token: users.calendarToken }).from(users).where(eq(users.id, userId)).get();
  return Boolean(row?.token);
}

/** The enabled user a feed token belongs to, or null. */
export function userByCalendarToken(token: string): User | null {
  if (!TOKEN.test(token)) return null;
  const user = getDb()
    .select()
    .from(users)
    .where(and(eq(users.calendarToken, hashToken(token)), eq(users.disabled, false)))
    .get();
  return user ?? null;
}

export type CalendarActivity = {
  id: number;
  planId: number;
  planTitle: string;
  measureCode: string;
  measureTitle: string;
  code: string;
  title: string;
  start: string | null;
  end: string | null;
  baselineEnd: string | null;
  ongoing: boolean;
  status: Status;
  percent: number;
  overdue: boolean;
  owners: string;
};

/**
 * The activities in a user's feed: those of the owners the user is linked to; a secretary
 * or administrator linked to none gets every activity; anyone else linked to none, nothing.
 */
export function calendarActivities(user: Pick<User, 'id' | 'role'>, asOf = todayInSofia()): CalendarActivity[] {
  const linked = getDb().select({ one: sql`1` }).from(userOwners).where(eq(userOwners.userId, user.id)).limit(1).get();
  const everything = !linked && (user.role === 'secretary' || user.role === 'admin');
  if (!linked && !everything) return [];
  const rows = getDb().all<Omit<CalendarActivity, 'ongoing' | 'overdue' | 'owners'> & { ongoing: number; overdue: number; owners: string | null }>(
    sql`with ${activityStateCte(asOf)}
       select s.id, s.plan_id as planId, p.title as planTitle, m.code as measureCode, m.title as measureTitle,
         s.code, s.title, s.start, s.end_date as "end", s.baseline_end as baselineEnd, s.ongoing, s.status, s.percent, s.overdue,
         (select group_concat(name, ', ') from (select o.name from activity_owners ao join owners o on o.id = ao.owner_id
            where ao.activity_id = s.id order by ao.position)) as owners
       from activity_state s
       join measures m on m.id = s.measure_id
       join plans p on p.id = s.plan_id
       ${everything ? sql`` : sql`where exists (select 1 from activity_owners ao join user_owners uo on uo.owner_id = ao.owner_id
         where ao.activity_id = s.id and uo.user_id = ${user.id})`}
       order by p.id, s.position, s.id`,
  );

  return rows.map((row) => ({ ...row, ongoing: row.ongoing === 1, overdue: row.overdue === 1, owners: row.owners ?? '' }));
}
