/**
 * What people and organizations choose about notifications: a user's reminders on or off,
 * their notifications of the heads' updates (app/domain/update-notifications.ts), the one-click
 * unsubscribe of the e-mails, and an organization's reminder days. Each change with its
 * audit event in one transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { UpdateSettings } from '~/domain/update-notifications';
import { getDb, writeTransaction } from '../../db/client';
import { organizations, users } from '../../db/schema';
import { recordAudit } from './audit.server';

/**
 * Switches a user's reminders on or off (the settings page) and records the change in the
 * audit log. Returns whether anything changed.
 */
export function setRemindersEnabled(userId: number, enabled: boolean): boolean {
  return writeTransaction((tx) => {
    const changed = tx
      .update(users)
      .set({ remindersEnabled: enabled })
      .where(and(eq(users.id, userId), eq(users.remindersEnabled, !enabled)))
      .run().changes;
    if (changed) recordAudit(userId, 'user', userId, 'reminders', { remindersEnabled: !enabled }, { remindersEnabled: enabled }, tx);
    return changed > 0;
  });
}

const updateColumns = { mode: users.updateNotify, inApp: users.updateNotifyInApp, email: users.updateNotifyEmail };

/** Saves a user's choice about the heads' updates, with an audit event; returns whether anything changed. */
export function setUpdateSettings(userId: number, settings: UpdateSettings): boolean {
  return writeTransaction((tx) => {
    const before = tx.select(updateColumns).from(users).where(eq(users.id, userId)).get();
    if (!before || (before.mode === settings.mode && before.inApp === settings.inApp && before.email === settings.email)) return false;
    tx.update(users)
      .set({ updateNotify: settings.mode, updateNotifyInApp: settings.inApp, updateNotifyEmail: settings.email })
      .where(eq(users.id, userId))
      .run();
    recordAudit(userId, 'user', userId, 'update-notifications', before, settings, tx);
    return true;
  });
}

/** Whether the account gets any e-mail it can unsubscribe from: reminders, or the heads' updates by e-mail. */
function subscribed(row: { remindersEnabled: boolean; updateNotify: string; updateNotifyEmail: boolean }): boolean {
  return row.remindersEnabled || (row.updateNotify !== 'off' && row.updateNotifyEmail);
}

/** What the unsubscribe page shows: the address and whether it still gets e-mail; null for no such (or a disabled) account. */
export function emailSubscription(userId: number): { email: string; subscribed: boolean } | null {
  const row = getDb()
    .select({
      email: users.email,
      disabled: users.disabled,
      remindersEnabled: users.remindersEnabled,
      updateNotify: users.updateNotify,
      updateNotifyEmail: users.updateNotifyEmail,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  return row && !row.disabled ? { email: row.email, subscribed: subscribed(row) } : null;
}

/**
 * The one-click link of an e-mail (the person is the actor): switches the reminders off and
 * the e-mails of the heads' updates (those stay in the app when chosen there), with an audit
 * event. Returns whether anything changed.
 */
export function unsubscribeFromEmail(userId: number): boolean {
  return writeTransaction((tx) => {
    const before = tx
      .select({ remindersEnabled: users.remindersEnabled, updateNotifyEmail: users.updateNotifyEmail })
      .from(users)
      .where(eq(users.id, userId))
      .get();
    if (!before || (!before.remindersEnabled && !before.updateNotifyEmail)) return false;
    const after = { remindersEnabled: false, updateNotifyEmail: false };
    tx.update(users).set(after).where(eq(users.id, userId)).run();
    recordAudit(userId, 'user', userId, 'unsubscribe', before, after, tx);
    return true;
  });
}

// --- an organization's reminder days ----------------------------------------------------------

export type OrganizationReminderSettings = { id: number; name: string; daysBeforeStart: number; daysBeforeEnd: number };

const organizationColumns = {
  id: organizations.id,
  name: organizations.name,
  daysBeforeStart: organizations.reminderDaysBeforeStart,
  daysBeforeEnd: organizations.reminderDaysBeforeEnd,
};

export function listOrganizationReminderSettings(): OrganizationReminderSettings[] {
  return getDb().select(organizationColumns).from(organizations).orderBy(organizations.name).all();
}

/** Sets how many days before the start and the end an organization's reminders go, with an audit event by the actor; null for no such organization. */
export function updateOrganizationReminderDays(
  actorId: number | null,
  organizationId: number,
  daysBeforeStart: number,
  daysBeforeEnd: number,
): OrganizationReminderSettings | null {
  return writeTransaction((tx) => {
    const before = tx.select(organizationColumns).from(organizations).where(eq(organizations.id, organizationId)).get();
    if (!before) return null;
    tx.update(organizations)
      .set({ reminderDaysBeforeStart: daysBeforeStart, reminderDaysBeforeEnd: daysBeforeEnd })
      .where(eq(organizations.id, organizationId))
      .run();
    recordAudit(
      actorId,
      'organization',
      organizationId,
      'reminder-days',
      { daysBeforeStart: before.daysBeforeStart, daysBeforeEnd: before.daysBeforeEnd },
      { daysBeforeStart, daysBeforeEnd },
      tx,
    );
    return { ...before, daysBeforeStart, daysBeforeEnd };
  });
}
