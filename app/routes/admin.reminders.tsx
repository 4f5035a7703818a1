import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { requirePermission } from '~/auth.server';
import { formatDate, formatDateTime } from '~/domain/dates';
import { MAX_DAYS_BEFORE } from '~/domain/reminders';
import { env } from '~/env.server';
import { pageTitle, useLang, useT, type WordKey } from '~/i18n';
import { useNotificationKindLabel } from '~/i18n/notifications';
import { remindersWords } from '~/i18n/reminders';
import { mailerFromEnv, smtpStatus } from '~/mail.server';
import { runReminders } from '~/models/notification.server';
import { deliverPending, deliveryCounts, LOG_LIMIT, notificationLog, retryFailed } from '~/models/notification-delivery.server';
import { listOrganizationReminderSettings, updateOrganizationReminderDays } from '~/models/notification-settings.server';
import { Field } from '~/components/field';
import notificationsCss from '~/styles/notifications.css?url';
import { AdminTabs } from '~/components/admin-tabs';
import { readForm } from '~/upload.server';
import { idSchema, parseId } from '~/domain/form-input';
import { NOTIFICATION_DELIVERIES } from '../../db/schema';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'remAdminTitle');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: notificationsCss }];

const deliveryFilter = z.enum(NOTIFICATION_DELIVERIES).optional().catch(undefined);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'users:manage');
  const delivery = deliveryFilter.parse(new URL(request.url).searchParams.get('delivery') ?? undefined);
  return {
    smtp: smtpStatus(),
    appUrl: env.APP_URL,
    scheduleAt: env.REMINDERS_AT ?? null,
    counts: deliveryCounts(),
    delivery: delivery ?? null,
    log: notificationLog({ delivery }),
    logLimit: LOG_LIMIT,
    deliveries: NOTIFICATION_DELIVERIES,
    organizations: listOrganizationReminderSettings(),
  };
}

const days = z.coerce.number({ invalid_type_error: 'remDaysInvalid' }).int('remDaysInvalid').min(0, 'remDaysInvalid').max(MAX_DAYS_BEFORE, 'remDaysInvalid');
const schema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('days'), organizationId: idSchema, daysBeforeStart: days, daysBeforeEnd: days }),
  z.object({ intent: z.literal('run') }),
  z.object({ intent: z.literal('retry') }),
]);

type DayErrors = Partial<Record<'daysBeforeStart' | 'daysBeforeEnd', WordKey<typeof remindersWords>>>;
export type ActionData =
  | { ok: false; organizationId?: number; errors: DayErrors }
  | { ok: true; intent: 'days'; organizationId: number; name: string }
  | { ok: true; intent: 'run'; asOf: string; created: number; sent: number; failed: number }
  | { ok: true; intent: 'retry'; count: number; sent: number };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'users:manage');
  const form = await readForm(request);
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const fields = parsed.error.flatten().fieldErrors as Record<string, string[] | undefined>;
    const errors: DayErrors = {};
    for (const key of ['daysBeforeStart', 'daysBeforeEnd'] as const) if (fields[key]) errors[key] = 'remDaysInvalid';
    return Response.json({ ok: false, organizationId: parseId(form.get('organizationId')) ?? undefined, errors } satisfies ActionData, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === 'days') {
    const saved = updateOrganizationReminderDays(admin.id, input.organizationId, input.daysBeforeStart, input.daysBeforeEnd);
    if (!saved) throw new Response('Not found', { status: 404 });
    return Response.json({ ok: true, intent: 'days', organizationId: saved.id, name: saved.name } satisfies ActionData);
  }
  if (input.intent === 'run') {
    const report = await runReminders({ log: (line) => console.warn(line), by: admin.id });
    return Response.json({
      ok: true,
      intent: 'run',
      asOf: report.asOf,
      created: report.messages.length,
      sent: report.delivery.sent,
      failed: report.delivery.failedAttempts,
    } satisfies ActionData);
  }
  const count = retryFailed();
  let sent = 0;
  const mailer = mailerFromEnv();
  if (mailer) {
    try {
      sent = (await deliverPending({ mailer, log: (line) => console.warn(line) })).sent;
    } finally {
      mailer.close();
    }
  }
  return Response.json({ ok: true, intent: 'retry', count, sent } satisfies ActionData);
}

const DELIVERY_BADGES: Record<string, string> = { sent: 'badge badge--ok', pending: 'badge badge--due', failed: 'badge badge--overdue', in_app: 'badge badge--muted' };

function ActionMessage({ data }: { data: ActionData | undefined }) {
  const t = useT(remindersWords);
  const lang = useLang();
  if (!data?.ok) return null;
  const text =
    data.intent === 'days'
      ? t('remDaysSaved', { name: data.name })
      : data.intent === 'run'
        ? t('remRunDone', { date: formatDate(data.asOf, lang), created: data.created, sent: data.sent, failed: data.failed })
        : t('remRetried', { count: data.count });
  return (
    <p className="alert alert--success" role="status">
      {text}
    </p>
  );
}

export default function AdminRemindersPage() {
  const { smtp, appUrl, scheduleAt, counts, delivery, log, logLimit, deliveries, organizations } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const t = useT(remindersWords);
  const kindLabel = useNotificationKindLabel();
  const lang = useLang();
  const busy = navigation.state !== 'idle';
  const filterLink = (value: string | null) => {
    const params = new URLSearchParams(searchParams);
    if (value) params.set('delivery', value);
    else params.delete('delivery');
    const query = params.toString();
    return query ? `?${query}` : '.';
  };
  return (
    <div className="page admin-reminders">
      <AdminTabs />
      <div className="page-header">
        <h1>{t('remAdminTitle')}</h1>
        <div className="notifications-page__tools">
          <Form method="post">
            <input type="hidden" name="intent" value="run" />
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('remRunNow')}
            </button>
          </Form>
          {counts.failed > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="retry" />
              <button type="submit" className="button" disabled={busy}>
                {t('remRetryFailed')}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      <ActionMessage data={actionData} />
      <section className="card admin-reminders__status" aria-label="SMTP">
        <p className={smtp.configured ? 'alert alert--info' : 'alert alert--warning'}>
          {smtp.configured ? t('remSmtpOn', { server: smtp.server ?? '', from: smtp.from ?? '' }) : t('remSmtpOff')}
        </p>
        <p>{scheduleAt ? t('remScheduleOn', { time: scheduleAt }) : t('remScheduleOff')}</p>
        <p className="muted">{t('remAppUrl', { url: appUrl })}</p>
      </section>

      <section className="card section" aria-labelledby="reminder-days">
        <h2 id="reminder-days">{t('remDaysHeading')}</h2>
        <p className="field__hint">{t('remDaysHelp')}</p>
        {organizations.map((org) => {
          const errors = actionData && !actionData.ok && actionData.organizationId === org.id ? actionData.errors : undefined;
          return (
            <Form method="post" key={org.id} className="reminder-days-form" aria-label={org.name}>
              <input type="hidden" name="intent" value="days" />
              <input type="hidden" name="organizationId" value={org.id} />
              <p className="reminder-days-form__name">{org.name}</p>
              <Field
                label={t('remDaysBeforeStart')}
                name="daysBeforeStart"
                type="number"
                min={0}
                max={MAX_DAYS_BEFORE}
                required
                defaultValue={org.daysBeforeStart}
                error={errors?.daysBeforeStart && t(errors.daysBeforeStart)}
              />
              <Field
                label={t('remDaysBeforeEnd')}
                name="daysBeforeEnd"
                type="number"
                min={0}
                max={MAX_DAYS_BEFORE}
                required
                defaultValue={org.daysBeforeEnd}
                error={errors?.daysBeforeEnd && t(errors.daysBeforeEnd)}
              />
              <button type="submit" className="button" disabled={busy}>
                {t('save')}
              </button>
            </Form>
          );
        })}
      </section>

      <section className="section" aria-labelledby="reminder-log">
        <h2 id="reminder-log">{t('remLogHeading')}</h2>
        <nav className="log-filter" aria-label={t('remLogDelivery')}>
          <Link to={filterLink(null)} aria-current={delivery === null ? 'page' : undefined}>
            {t('remLogAll')} ({Object.values(counts).reduce((a, b) => a + b, 0)})
          </Link>
          {deliveries.map((d) => (
            <Link key={d} to={filterLink(d)} aria-current={delivery === d ? 'page' : undefined}>
              {t(`notifDelivery_${d}`)} ({counts[d]})
            </Link>
          ))}
        </nav>
        {log.length === 0 ? (
          <p className="card muted">{t('remLogEmpty')}</p>
        ) : (
          <div className="table-wrap card">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('remLogCreated')}</th>
                  <th scope="col">{t('remLogRecipient')}</th>
                  <th scope="col">{t('remLogKind')}</th>
                  <th scope="col">{t('remLogSubject')}</th>
                  <th scope="col">{t('remLogDelivery')}</th>
                </tr>
              </thead>
              <tbody>
                {log.map((entry) => (
                  <tr key={entry.id}>
                    <td className="nowrap">{formatDateTime(entry.createdAt, lang)}</td>
                    <td>
                      {entry.userName}
                      <br />
                      <span className="muted small">{entry.email}</span>
                    </td>
                    <td>{kindLabel(entry.kind)}</td>
                    <td>{entry.subject}</td>
                    <td>
                      <span className={DELIVERY_BADGES[entry.delivery]}>{t(`notifDelivery_${entry.delivery}`)}</span>
                      {entry.sentAt ? <div className="muted small">{formatDateTime(entry.sentAt, lang)}</div> : null}
                      {entry.delivery === 'pending' && entry.nextAttemptAt ? (
                        <div className="muted small">
                          {t('remLogNextAttempt', { attempts: entry.attempts, time: formatDateTime(entry.nextAttemptAt, lang) })}
                        </div>
                      ) : entry.delivery === 'failed' ? (
                        <div className="muted small">{t('remLogAttempts', { attempts: entry.attempts })}</div>
                      ) : null}
                      {entry.lastError ? <div className="log-error small">{entry.lastError}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {log.length === logLimit ? <p className="muted small">{t('remLogLimit', { count: logLimit })}</p> : null}
      </section>
    </div>
  );
}
