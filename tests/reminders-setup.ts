/**
 * The Lovech demo plan 2022-2024 (open) and accounts for the reminder tests, with the demo's random status
 * history wiped so that each test writes exactly the history it reasons about.
 */
import { eq } from 'drizzle-orm';
import { startOfDayInSofia } from '~/domain/dates';
import type { Status } from '~/domain/status';
import { getDb } from '../db/client';
import { seedLovech2022 } from '../db/seed';
import { activities, statusUpdates, users } from '../db/schema';

export async function seedLovechWithoutHistory(): Promise<void> {
  await seedLovech2022();
  const sqlite = getDb().$client;
  sqlite.exec(`delete from status_updates; delete from schedule_changes; update activities set current_end = baseline_end;`);
}

export function userId(email: string): number {
  return getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
}

/** The id of the (first) activity with that code. */
export function activityId(code: string): number {
  return getDb().select({ id: activities.id }).from(activities).where(eq(activities.code, code)).orderBy(activities.id).get()!.id;
}

/** A status update recorded at 10:00 Sofia time on that day. */
export function recordUpdate(code: string, day: string, status: Status, percent: number | null, byEmail = 'head@demo.bg'): void {
  getDb()
    .insert(statusUpdates)
    .values({
      activityId: activityId(code),
      userId: userId(byEmail),
      status,
      percent,
      comment: null,
      completedOn: status === 'done' ? day : null,
      asOf: day,
      createdAt: new Date(startOfDayInSofia(day) + 10 * 3_600_000),
    })
    .run();
}

export function notificationCount(): number {
  return (getDb().$client.prepare('select count(*) as n from notifications').get() as { n: number }).n;
}
