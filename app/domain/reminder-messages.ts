/**
 * The text of reminder messages: one message per person per run (app/domain/reminders.ts
 * says what is due). A run's reminders for one person become one message:
 * - a single activity reminder alone: a message about that activity;
 * - anything more (several reminders, or a weekly digest): one summary whose lists name each
 *   activity once, under its most pressing heading (overdue, due soon, starting, not updated),
 *   so the digest never repeats what the reminders of the same run say.
 */
import { addDays, daysBetween, formatDate, formatDateTime } from './dates';
import { NOUNS, plural, type Lang } from './lang';
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

type Texts = {
  hello: string;
  startSubject: string;
  startBody: string;
  endSubject: string;
  endBody: string;
  overdueSubject: string;
  overdueBody: string;
  stillOverdueSubject: string;
  stillOverdueBody: string;
  statusLine: string;
  owners: string;
  open: string;
  remindersSubject: string;
  headDigestSubject: string;
  secretaryDigestSubject: string;
  overdueCount: string;
  dueSoonCount: string;
  startingCount: string;
  updatesCount: string;
  headDigestIntro: string;
  secretaryDigestIntro: string;
  overdueList: string;
  dueSoonList: string;
  startingList: string;
  staleList: string;
  byOwner: string;
  updatesList: string;
  noUpdates: string;
  overdueLine: string;
  dueLine: string;
  startPrefix: string;
  startLine: string;
  staleLine: string;
  neverUpdated: string;
  more: string;
  openAll: string;
  footer: string;
};

const TEXTS: Record<Lang, Texts> = {
  bg: {
    hello: 'Здравейте, {name},',
    startSubject: 'Напомняне: дейност {code} започва на {date}',
    startBody: 'Дейност {code} „{title}“ от „{plan}“ започва на {date} (след {days}).',
    endSubject: 'Напомняне: срокът на дейност {code} е {date}',
    endBody: 'Срокът на дейност {code} „{title}“ от „{plan}“ изтича на {date} (след {days}). Отбележете напредъка.',
    overdueSubject: 'Просрочена дейност {code}: срокът изтече на {date}',
    overdueBody: 'Срокът на дейност {code} „{title}“ от „{plan}“ изтече на {date}, а тя не е отчетена като изпълнена. Отчетете изпълнението или поискайте нов срок.',
    stillOverdueSubject: 'Все още просрочена: дейност {code} (с {days})',
    stillOverdueBody: 'Дейност {code} „{title}“ от „{plan}“ е просрочена с {days} (срок {date}). Отчетете изпълнението или поискайте нов срок.',
    statusLine: 'Текущ статус: {status}, {percent}%.',
    owners: 'Отговорници: {owners}.',
    open: 'Отворете дейността: {url}',
    remindersSubject: 'Напомняния към {date}',
    headDigestSubject: 'Седмичен преглед ({week})',
    secretaryDigestSubject: 'Седмичен преглед на плана ({week})',
    overdueCount: 'просрочени — {count}',
    dueSoonCount: 'с наближаващ срок — {count}',
    startingCount: 'започващи — {count}',
    updatesCount: 'отчети през седмицата — {count}',
    headDigestIntro: 'Вашите дейности към {date}:',
    secretaryDigestIntro: 'Състояние на плана към {date}:',
    overdueList: 'Просрочени ({count}):',
    dueSoonList: 'С наближаващ срок ({count}):',
    startingList: 'Започват скоро ({count}):',
    staleList: 'Без отчет през последните 90 дни ({count}):',
    byOwner: 'Просрочени по отговорници:',
    updatesList: 'Отчети от {from} до {to} ({count}):',
    noUpdates: 'Няма отчети от {from} до {to}.',
    overdueLine: '{code} {title} — срок {date}, просрочена с {days}',
    dueLine: '{code} {title} — {start}срок {date} ({status}, {percent}%)',
    startPrefix: 'начало {date}, ',
    startLine: '{code} {title} — начало {date}',
    staleLine: '{code} {title} — последен отчет: {last}',
    neverUpdated: 'няма',
    more: '… и още {count}',
    openAll: 'Всички: {url}',
    footer: 'Това е автоматично напомняне от „План за подобрение“. Можете да изключите напомнянията от {url}',
  },
  en: {
    hello: 'Hello {name},',
    startSubject: 'Reminder: activity {code} starts on {date}',
    startBody: 'Activity {code} "{title}" of "{plan}" starts on {date} (in {days}).',
    endSubject: 'Reminder: activity {code} is due on {date}',
    endBody: 'Activity {code} "{title}" of "{plan}" is due on {date} (in {days}). Please record its progress.',
    overdueSubject: 'Overdue activity {code}: it was due on {date}',
    overdueBody: 'Activity {code} "{title}" of "{plan}" was due on {date} and is not reported as done. Record its progress or ask for a new end date.',
    stillOverdueSubject: 'Still overdue: activity {code} ({days})',
    stillOverdueBody: 'Activity {code} "{title}" of "{plan}" is {days} overdue (due {date}). Record its progress or ask for a new end date.',
    statusLine: 'Current status: {status}, {percent}%.',
    owners: 'Owners: {owners}.',
    open: 'Open the activity: {url}',
    remindersSubject: 'Reminders as of {date}',
    headDigestSubject: 'Weekly summary ({week})',
    secretaryDigestSubject: 'Weekly plan summary ({week})',
    overdueCount: 'overdue — {count}',
    dueSoonCount: 'due soon — {count}',
    startingCount: 'starting — {count}',
    updatesCount: 'updates last week — {count}',
    headDigestIntro: 'Your activities as of {date}:',
    secretaryDigestIntro: 'The plan as of {date}:',
    overdueList: 'Overdue ({count}):',
    dueSoonList: 'Due soon ({count}):',
    startingList: 'Starting soon ({count}):',
    staleList: 'Not updated in the last 90 days ({count}):',
    byOwner: 'Overdue by owner:',
    updatesList: 'Updates from {from} to {to} ({count}):',
    noUpdates: 'No updates from {from} to {to}.',
    overdueLine: '{code} {title} — due {date}, {days} overdue',
    dueLine: '{code} {title} — {start}due {date} ({status}, {percent}%)',
    startPrefix: 'starts {date}, ',
    startLine: '{code} {title} — starts {date}',
    staleLine: '{code} {title} — last update: {last}',
    neverUpdated: 'none',
    more: '… and {count} more',
    openAll: 'All of them: {url}',
    footer: 'This is an automatic reminder from "Improvement plan". You can switch reminders off at {url}',
  },
};

/** The template with its {name}s replaced in one pass (a value's own braces are left alone). */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function activityPath(activityId: number): string {
  return `/activities/${activityId}`;
}

/** Subject, plain text and in-app link of the one message carrying a person's reminders of a run, in their language. */
export function composeMessage(reminders: Reminder[], user: Pick<ReminderUser, 'name' | 'language'>, asOf: string, appUrl: string): ComposedMessage {
  if (reminders.length === 0) throw new RangeError('A message needs at least one reminder');
  const lang = user.language;
  const t = TEXTS[lang];
  const base = appUrl.replace(/\/+$/, '');
  const url = (path: string) => `${base}${path}`;
  const days = (n: number) => plural(n, lang, NOUNS.day);
  const date = (iso: string | null) => formatDate(iso, lang);
  const lines: string[] = [fill(t.hello, { name: user.name }), ''];
  const footer = ['', '—', fill(t.footer, { url: url('/settings') })];

  const single = reminders.length === 1 ? reminders[0]! : null;
  if (single && (single.kind === 'start' || single.kind === 'end' || single.kind === 'overdue')) {
    const a = single.activity;
    const params = { code: a.code, title: a.title, plan: a.planTitle };
    let subject: string;
    let body: string;
    if (single.kind === 'start') {
      subject = fill(t.startSubject, { ...params, date: date(a.start) });
      body = fill(t.startBody, { ...params, date: date(a.start), days: days(daysBetween(asOf, a.start!)) });
    } else if (single.kind === 'end') {
      subject = fill(t.endSubject, { ...params, date: date(a.end) });
      body = fill(t.endBody, { ...params, date: date(a.end), days: days(daysBetween(asOf, a.end!)) });
    } else if (single.repeat === 0) {
      subject = fill(t.overdueSubject, { ...params, date: date(a.end) });
      body = fill(t.overdueBody, { ...params, date: date(a.end) });
    } else {
      const late = days(daysBetween(a.end!, asOf));
      subject = fill(t.stillOverdueSubject, { ...params, days: late });
      body = fill(t.stillOverdueBody, { ...params, days: late, date: date(a.end) });
    }
    lines.push(body, '', fill(t.statusLine, { status: STATUS_LABELS[a.status][lang], percent: a.percent }));
    lines.push(fill(t.owners, { owners: a.owners.map((o) => o.name).join(', ') }), '', fill(t.open, { url: url(activityPath(a.id)) }));
    return { subject, text: [...lines, ...footer].join('\n'), link: activityPath(a.id) };
  }

  const { head, secretary, startReminded, overdue, dueSoon, starting, stale } = summaryLists(reminders);
  const list = (title: string, items: [string, string][], params: Record<string, string> = {}) => {
    if (items.length === 0) return;
    lines.push('', fill(title, { ...params, count: items.length }));
    for (const [line, link] of items.slice(0, DIGEST_LIST_LIMIT)) lines.push(`• ${line}`, `  ${link}`);
    if (items.length > DIGEST_LIST_LIMIT) lines.push(fill(t.more, { count: items.length - DIGEST_LIST_LIMIT }));
  };
  const item = (a: ReminderActivity, line: string): [string, string] => [line, url(activityPath(a.id))];

  const week = secretary?.week ?? head?.week;
  const title = secretary
    ? fill(t.secretaryDigestSubject, { week: week! })
    : head
      ? fill(t.headDigestSubject, { week: week! })
      : fill(t.remindersSubject, { date: date(asOf) });
  // A digest always says how many are overdue (and the secretary's, how many updates); the rest when there are any.
  const counts = [
    overdue.length || head || secretary ? fill(t.overdueCount, { count: overdue.length }) : null,
    dueSoon.length || head ? fill(t.dueSoonCount, { count: dueSoon.length }) : null,
    starting.length ? fill(t.startingCount, { count: starting.length }) : null,
    secretary ? fill(t.updatesCount, { count: secretary.updates.length }) : null,
  ].filter((c) => c !== null);
  const subject = counts.length ? `${title}: ${counts.join(', ')}` : title;

  lines.push(fill(secretary ? t.secretaryDigestIntro : t.headDigestIntro, { date: date(asOf) }));
  if (secretary && secretary.byOwner.length) {
    lines.push('', t.byOwner);
    for (const { owner, count } of secretary.byOwner) lines.push(`• ${owner}: ${count}`);
  }
  list(
    t.overdueList,
    overdue.map((a) => item(a, fill(t.overdueLine, { code: a.code, title: a.title, date: date(a.end), days: days(daysBetween(a.end!, asOf)) }))),
  );
  list(
    t.dueSoonList,
    dueSoon.map((a) =>
      item(
        a,
        fill(t.dueLine, {
          code: a.code,
          title: a.title,
          start: startReminded.has(a.id) ? fill(t.startPrefix, { date: date(a.start) }) : '',
          date: date(a.end),
          status: STATUS_LABELS[a.status][lang],
          percent: a.percent,
        }),
      ),
    ),
  );
  list(t.startingList, starting.map((a) => item(a, fill(t.startLine, { code: a.code, title: a.title, date: date(a.start) }))));
  list(
    t.staleList,
    stale.map((a) =>
      item(a, fill(t.staleLine, { code: a.code, title: a.title, last: a.lastUpdateAt === null ? t.neverUpdated : formatDateTime(a.lastUpdateAt, lang).slice(0, 10) })),
    ),
  );
  if (secretary) {
    const window = digestWindow(asOf);
    const from = formatDate(addDays(window.monday, -7), lang);
    const to = formatDate(addDays(window.monday, -1), lang);
    if (secretary.updates.length) {
      list(
        t.updatesList,
        secretary.updates.map((u) => [
          `${formatDateTime(u.at, lang)} ${u.code} ${u.title} — ${STATUS_LABELS[u.status][lang]}${u.percent === null ? '' : `, ${u.percent}%`}${u.userName ? ` (${u.userName})` : ''}`,
          url(activityPath(u.activityId)),
        ]),
        { from, to },
      );
    } else {
      lines.push('', fill(t.noUpdates, { from, to }));
    }
  }
  const link = secretary ? '/dashboard' : '/my';
  lines.push('', fill(t.openAll, { url: url(link) }));
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
