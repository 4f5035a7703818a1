/**
 * The text of the notifications of the heads' status updates (app/domain/update-notifications.ts
 * says who gets them and when): one update's message, and the daily summary. In the
 * recipient's language; words in app/i18n/update-notifications.ts.
 */
import { translateWith } from '~/i18n';
import { notificationWords } from '~/i18n/notifications';
import { formatDate, formatDateTime } from './dates';
import type { Lang } from './lang';
import { activityPath, type ComposedMessage } from './reminder-messages';
import { STATUS_LABELS } from './status';
import type { UpdateFact } from './update-notifications';

/** Updates listed in a daily summary; the rest are counted, with a link to the updates page. */
export const DAILY_LIST_LIMIT = 50;
/** A comment longer than this is cut in a summary (the activity's page has it whole). */
export const SUMMARY_COMMENT_LIMIT = 300;

type Recipient = { name: string; language: Lang };
type Words = keyof (typeof notificationWords)['bg'];

function texts(lang: Lang, appUrl: string) {
  const base = appUrl.replace(/\/+$/, '');
  const t = (key: Words, params: Record<string, string | number> = {}) => translateWith(lang, notificationWords, key, params);
  return {
    t,
    url: (path: string) => `${base}${path}`,
    who: (u: UpdateFact) => u.authorName ?? t('updMailUnknown'),
    status: (u: UpdateFact) => ({ status: STATUS_LABELS[u.status][lang], percent: u.percent === null ? '' : `, ${u.percent}%` }),
    footer: ['', '—', t('updMailFooter', { url: `${base}/settings` })],
  };
}

/** The message about one status update. */
export function composeUpdateMessage(update: UpdateFact, user: Recipient, appUrl: string): ComposedMessage {
  const lang = user.language;
  const { t, url, who, status, footer } = texts(lang, appUrl);
  const link = activityPath(update.activityId);
  const lines = [
    t('updMailHello', { name: user.name }),
    '',
    t('updMailIntro', { who: who(update), code: update.code, title: update.title, plan: update.planTitle }),
    t('updMailStatus', { ...status(update), date: formatDate(update.asOf, lang) }),
    ...(update.comment ? [t('updMailComment', { comment: update.comment })] : []),
    '',
    t('updMailOpen', { url: url(link) }),
    ...footer,
  ];
  return { subject: t('updMailSubject', { code: update.code, ...status(update), who: who(update) }), text: lines.join('\n'), link };
}

/** The summary of one day's updates (not empty), in the order they were recorded. */
export function composeDailySummary(day: string, updates: UpdateFact[], user: Recipient, appUrl: string): ComposedMessage {
  if (updates.length === 0) throw new RangeError('A summary needs at least one update');
  const lang = user.language;
  const { t, url, who, status, footer } = texts(lang, appUrl);
  const date = formatDate(day, lang);
  const lines = [t('updMailHello', { name: user.name }), '', t('updDailyIntro', { date, count: updates.length })];
  for (const u of [...updates].sort((a, b) => a.at - b.at || a.id - b.id).slice(0, DAILY_LIST_LIMIT)) {
    const { status: label, percent } = status(u);
    lines.push('', `• ${formatDateTime(u.at, lang).slice(11)} ${who(u)}: ${u.code} ${u.title} — ${label}${percent}`);
    if (u.comment) {
      const comment = u.comment.length > SUMMARY_COMMENT_LIMIT ? `${u.comment.slice(0, SUMMARY_COMMENT_LIMIT)}…` : u.comment;
      lines.push(`  ${t('updMailComment', { comment: comment.replace(/\s*\n\s*/g, ' ') })}`);
    }
    lines.push(`  ${url(activityPath(u.activityId))}`);
  }
  if (updates.length > DAILY_LIST_LIMIT) lines.push('', t('updDailyMore', { count: updates.length - DAILY_LIST_LIMIT }));
  lines.push('', t('updDailyAll', { url: url('/updates') }), ...footer);
  return { subject: t('updDailySubject', { date, count: updates.length }), text: lines.join('\n'), link: '/updates' };
}
