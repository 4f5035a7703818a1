import type { MessageKind } from '../domain/reminder-messages';
import { isUpdateKind } from '../domain/update-notifications';
import { defineWords, NOTIFICATION_KIND_LABELS, useT, type MessageKey } from './index';

/**
 * Notifications: the settings page, the notifications of the heads' status updates (their
 * kind labels and messages) and the unsubscribe page that stops the e-mails.
 */
export const notificationWords = defineWords(
  {
    updSetHeading: 'Отчети на отговорниците',
    updSetLead: 'Известия, когато директорите и другите отговорници отчетат напредък по дейностите. Вашите собствени отчети не се включват.',
    updSetMode: 'Кога',
    updSetMode_off: 'Не искам',
    updSetMode_each: 'При всеки отчет',
    updSetMode_daily: 'Дневно обобщение (сутрин, за предходния ден)',
    updSetChannels: 'Как',
    updSetInApp: 'В системата (Известия)',
    updSetEmail: 'По имейл',
    updSetNoChannel: 'Изберете поне един начин: в системата или по имейл.',
    updSetNoSmtp: 'Изпращането на имейли не е настроено: известията се показват в системата.',
    updSetSaved: 'Настройките за отчетите са запазени.',
    notifKind_update: 'Отчет',
    notifKind_updates_daily: 'Дневно обобщение на отчетите',
    updMailHello: 'Здравейте, {name},',
    updMailSubject: 'Отчет по {code}: {status}{percent} — {who}',
    updMailIntro: '{who} отчете дейност {code} „{title}“ от „{plan}“:',
    updMailStatus: 'Статус: {status}{percent}, към {date}.',
    updMailComment: 'Коментар: {comment}',
    updMailOpen: 'Отворете дейността: {url}',
    updMailUnknown: 'Изтрит потребител',
    updDailySubject: 'Отчети от {date}: {count}',
    updDailyIntro: 'Отчети, записани на {date} ({count}):',
    updDailyMore: '… и още {count}',
    updDailyAll: 'Всички промени: {url}',
    updMailFooter: 'Известие от „План за подобрение“ за отчетите на отговорниците. Можете да го промените или изключите от {url}',
    unsubConfirmAll: 'Да спрем ли имейлите до {email}? Спират напомнянията, седмичният преглед и имейлите за отчетите на отговорниците.',
    unsubButtonAll: 'Спри имейлите',
    unsubDoneAll: 'Имейлите до {email} са спрени.',
    notifSettingsAll: 'Настройки на известията',
    setCalendarLead: 'Сроковете и началните дати на вашите дейности в Outlook или друг календар, чрез личен адрес за абонамент.',
    setCalendarOpen: 'Адрес за абонамент',
  },
  {
    updSetHeading: "Owners' updates",
    updSetLead: 'Notifications when directorate heads and other owners record progress on activities. Your own updates are left out.',
    updSetMode: 'When',
    updSetMode_off: 'Never',
    updSetMode_each: 'For each update',
    updSetMode_daily: 'Daily summary (in the morning, of the day before)',
    updSetChannels: 'How',
    updSetInApp: 'In the app (Notifications)',
    updSetEmail: 'By e-mail',
    updSetNoChannel: 'Choose at least one way: in the app or by e-mail.',
    updSetNoSmtp: 'Sending e-mail is not set up: notifications are shown in the app.',
    updSetSaved: 'Your settings for updates are saved.',
    notifKind_update: 'Update',
    notifKind_updates_daily: 'Daily summary of updates',
    updMailHello: 'Hello {name},',
    updMailSubject: 'Update on {code}: {status}{percent} — {who}',
    updMailIntro: '{who} recorded progress on activity {code} "{title}" of "{plan}":',
    updMailStatus: 'Status: {status}{percent}, as of {date}.',
    updMailComment: 'Comment: {comment}',
    updMailOpen: 'Open the activity: {url}',
    updMailUnknown: 'Deleted user',
    updDailySubject: 'Updates of {date}: {count}',
    updDailyIntro: 'Updates recorded on {date} ({count}):',
    updDailyMore: '… and {count} more',
    updDailyAll: 'All updates: {url}',
    updMailFooter: 'A notification from "Improvement plan" about the owners\' updates. You can change or switch it off at {url}',
    unsubConfirmAll: 'Stop the e-mails to {email}? The reminders, the weekly summary and the e-mails about the owners\' updates stop.',
    unsubButtonAll: 'Stop the e-mails',
    unsubDoneAll: 'E-mails to {email} are stopped.',
    notifSettingsAll: 'Notification settings',
    setCalendarLead: 'The deadlines and start dates of your activities in Outlook or another calendar, through a personal subscription address.',
    setCalendarOpen: 'Subscription address',
  },
);

/** The word of a notification's kind (notifications.kind); null for an unknown kind. */
function notificationKindWord(kind: string): MessageKey | `notifKind_${'update' | 'updates_daily'}` | null {
  if (isUpdateKind(kind)) return `notifKind_${kind}`;
  return kind in NOTIFICATION_KIND_LABELS ? NOTIFICATION_KIND_LABELS[kind as MessageKind] : null;
}

/** The label of a notification's kind, for the notifications list and the admin log (an unknown kind as it is). */
export function useNotificationKindLabel(): (kind: string) => string {
  const t = useT(notificationWords);
  return (kind) => {
    const word = notificationKindWord(kind);
    return word ? t(word) : kind;
  };
}
