/**
 * The text of reminder messages: one message per person per run (app/domain/reminders.ts
 * says what is due). A run's reminders for one person become one message:
 * - a single activity reminder alone: a message about that activity;
 * - anything more (several reminders, or a weekly digest): one summary whose lists name each
 *   activity once, under its most pressing heading (overdue, due soon, starting, not updated),
 *   so the digest never repeats what the reminders of the same run say.
 */
import { translateWith, type Params, type WordKey } from '../i18n/core';
import { reminderMailWords } from '../i18n/reminder-mails';
import { plural } from '../i18n/counts';
import { addDays, daysBetween, formatDate, formatDateTime } from './dates';
import type { Lang } from './lang';
import {
  byEnd,
  digestWindow,
  DIGEST_LIST_LIMIT,
  type HeadDigest,
  type Reminder,
  type ReminderActivity,
  type ReminderUser,
  type SecretaryDigest,
} from './reminders';
import { STATUS_LABELS } from './status';

export type ComposedMessage = { subject: string; text: string; /** App path, e.g. /activities/12. */ link: string };

/** A message's kind: that of its one reminder, the digest it carries, or 'reminders' (several reminders). */
export type MessageKind = Reminder['kind'] | 'reminders';

/** The reminders of one run grouped per person, in the order they first appear. */
export function groupByUser(reminders: Reminder[]): Reminder[][] {
  const groups = new Map<number, Reminder[]>();
  for (const r of reminders) groups.set(r.userId, [...(groups.get(r.userId) ?? []), r]);
  return [...groups.values()];
}

export function messageKind(reminders: Reminder[]): MessageKind {
  if (reminders.some((r) => r.kind === 'digest_secretary')) return 'digest_secretary';
  if (reminders.some((r) => r.kind === 'digest_head')) return 'digest_head';
  return reminders.length === 1 ? reminders[0]!.kind : 'reminders';
}

/** What a summary lists: every activity once, under the first heading it belongs to. */
export function summaryLists(reminders: Reminder[]) {
  const head = reminders.find((r): r is HeadDigest => r.kind === 'digest_head');
  const secretary = reminders.find((r): r is SecretaryDigest => r.kind === 'digest_secretary');
  const of = (kind: 'start' | 'end' | 'overdue') => reminders.flatMap((r) => (r.kind === kind ? [r.activity] : []));
  const listed = new Set<number>();
  const once = (activities: ReminderActivity[], order: (a: ReminderActivity, b: ReminderActivity) => number) =>
    [...activities].sort(order).filter((a) => !listed.has(a.id) && listed.add(a.id));
  const byStart = (a: ReminderActivity, b: ReminderActivity) => (a.start ?? '').localeCompare(b.start ?? '') || byEnd(a, b);
  return {
    head,
    secretary,
    /** Activities with a start reminder: a line under another heading still gives the start. */
    startReminded: new Set(of('start').map((a) => a.id)),
    overdue: once([...of('overdue'), ...(head?.overdue ?? []), ...(secretary?.overdue ?? [])], byEnd),
    dueSoon: once([...of('end'), ...(head?.dueSoon ?? [])], byEnd),
    starting: once(of('start'), byStart),
    stale: once(head?.stale ?? [], byEnd),
  };
}




export function activityPath(activityId: number): string {
  return `/activities/${activityId}`;
}

/** Subject, plain text and in-app link of the one message carrying a person's reminders of a run, in their language. */
export function composeMessage(reminders: Reminder[], user: Pick<ReminderUser, 'name' | 'language'>, asOf: string, appUrl: string): ComposedMessage {
  if (reminders.length === 0) throw new RangeError('A message needs at least one reminder');
  const lang = user.language;
  const t = (key: WordKey<typeof reminderMailWords>, params?: Params) => translateWith(lang, reminderMailWords, key, params);
  const base = appUrl.replace(/\/+$/, '');
  const url = (path: string) => `${base}${path}`;
  const days = (n: number) => plural(n, lang, 'day');
  const date = (iso: string | null) => formatDate(iso, lang);
  const lines: string[] = [t('mailHello', { name: user.name }), ''];
  const footer = ['', '—', t('mailFooter', { url: url('/settings') })];

  const single = reminders.length === 1 ? reminders[0]! : null;
  if (single && (single.kind === 'start' || single.kind === 'end' || single.kind === 'overdue')) {
    const a = single.activity;
    const params = { code: a.code, title: a.title, plan: a.planTitle };
    let subject: string;
    let body: string;
    if (single.kind === 'start') {
      subject = t('mailStartSubject', { ...params, date: date(a.start) });
      body = t('mailStartBody', { ...params, date: date(a.start), days: days(daysBetween(asOf, a.start!)) });
    } else if (single.kind === 'end') {
      subject = t('mailEndSubject', { ...params, date: date(a.end) });
      body = t('mailEndBody', { ...params, date: date(a.end), days: days(daysBetween(asOf, a.end!)) });
    } else if (single.repeat === 0) {
      subject = t('mailOverdueSubject', { ...params, date: date(a.end) });
      body = t('mailOverdueBody', { ...params, date: date(a.end) });
    } else {
      const late = days(daysBetween(a.end!, asOf));
      subject = t('mailStillOverdueSubject', { ...params, days: late });
      body = t('mailStillOverdueBody', { ...params, days: late, date: date(a.end) });
    }
    lines.push(body, '', t('mailStatusLine', { status: STATUS_LABELS[a.status][lang], percent: a.percent }));
    lines.push(t('mailOwners', { owners: a.owners.map((o) => o.name).join(', ') }), '', t('mailOpen', { url: url(activityPath(a.id)) }));
    return { subject, text: [...lines, ...footer].join('\n'), link: activityPath(a.id) };
  }

  const { head, secretary, startReminded, overdue, dueSoon, starting, stale } = summaryLists(reminders);
  const list = (title: WordKey<typeof reminderMailWords>, items: [string, string][], params: Record<string, string> = {}) => {
    if (items.length === 0) return;
    lines.push('', t(title, { ...params, count: items.length }));
    for (const [line, link] of items.slice(0, DIGEST_LIST_LIMIT)) lines.push(`• ${line}`, `  ${link}`);
    if (items.length > DIGEST_LIST_LIMIT) lines.push(t('mailMore', { count: items.length - DIGEST_LIST_LIMIT }));
  };
  const item = (a: ReminderActivity, line: string): [string, string] => [line, url(activityPath(a.id))];

  const week = secretary?.week ?? head?.week;
  const title = secretary
    ? t('mailSecretaryDigestSubject', { week: week! })
    : head
      ? t('mailHeadDigestSubject', { week: week! })
      : t('mailRemindersSubject', { date: date(asOf) });
  // A digest always says how many are overdue (and the secretary's, how many updates); the rest when there are any.
  const counts = [
    overdue.length || head || secretary ? t('mailOverdueCount', { count: overdue.length }) : null,
    dueSoon.length || head ? t('mailDueSoonCount', { count: dueSoon.length }) : null,
    starting.length ? t('mailStartingCount', { count: starting.length }) : null,
    secretary ? t('mailUpdatesCount', { count: secretary.updates.length }) : null,
  ].filter((c) => c !== null);
  const subject = counts.length ? `${title}: ${counts.join(', ')}` : title;

  lines.push(t(secretary ? 'mailSecretaryDigestIntro' : 'mailHeadDigestIntro', { date: date(asOf) }));
  if (secretary && secretary.byOwner.length) {
    lines.push('', t('mailByOwner'));
    for (const { owner, count } of secretary.byOwner) lines.push(`• ${owner}: ${count}`);
  }
  list(
    'mailOverdueList',
    overdue.map((a) => item(a, t('mailOverdueLine', { code: a.code, title: a.title, date: date(a.end), days: days(daysBetween(a.end!, asOf)) }))),
  );
  list(
    'mailDueSoonList',
    dueSoon.map((a) =>
      item(
        a,
        t('mailDueLine', {
          code: a.code,
          title: a.title,
          start: startReminded.has(a.id) ? t('mailStartPrefix', { date: date(a.start) }) : '',
          date: date(a.end),
          status: STATUS_LABELS[a.status][lang],
          percent: a.percent,
        }),
      ),
    ),
  );
  list('mailStartingList', starting.map((a) => item(a, t('mailStartLine', { code: a.code, title: a.title, date: date(a.start) }))));
  list(
    'mailStaleList',
    stale.map((a) =>
      item(a, t('mailStaleLine', { code: a.code, title: a.title, last: a.lastUpdateAt === null ? t('mailNeverUpdated') : formatDateTime(a.lastUpdateAt, lang).slice(0, 10) })),
    ),
  );
  if (secretary) {
    const window = digestWindow(asOf);
    const from = formatDate(addDays(window.monday, -7), lang);
    const to = formatDate(addDays(window.monday, -1), lang);
    if (secretary.updates.length) {
      list(
        'mailUpdatesList',
        secretary.updates.map((u) => [
          `${formatDateTime(u.at, lang)} ${u.code} ${u.title} — ${STATUS_LABELS[u.status][lang]}${u.percent === null ? '' : `, ${u.percent}%`}${u.userName ? ` (${u.userName})` : ''}`,
          url(activityPath(u.activityId)),
        ]),
        { from, to },
      );
    } else {
      lines.push('', t('mailNoUpdates', { from, to }));
    }
  }
  const link = secretary ? '/dashboard' : '/my';
  lines.push('', t('mailOpenAll', { url: url(link) }));
  return { subject, text: [...lines, ...footer].join('\n'), link };
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * The HTML part of an e-mail from its plain text: everything escaped, http(s) links made
 * clickable, blank lines as paragraphs, other line breaks kept.
 */
export function textToHtml(text: string, lang: Lang): string {
  const paragraphs = text.split(/\n{2,}/).map((block) => {
    const html = escapeHtml(block)
      .replace(/https?:\/\/[^\s<>"']+/g, (href) => `<a href="${href}">${href}</a>`)
      .replaceAll('\n', '<br>\n');
    return `<p style="margin:0 0 1em">${html}</p>`;
  });
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45;color:#1c2430">\n${paragraphs.join('\n')}\n</body></html>`;
}
