import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '~/auth.server';
import { env } from '~/env.server';
import { pageTitle, useT } from '~/i18n';
import { reportsWords } from '~/i18n/reports';
import { calendarActivities, createCalendarToken, hasCalendarToken, revokeCalendarToken } from '~/models/calendar.server';
import reportsCss from '~/styles/reports.css?url';
import { readForm } from '~/upload.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reportsCss }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'repCalendarTitle');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { active: hasCalendarToken(user.id), activities: calendarActivities(user).length };
}

const schema = z.object({ intent: z.enum(['create', 'revoke']) });

/** The feed's address: APP_URL/calendar/<token>.ics (shown once; only a hash of the token is kept). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = schema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return Response.json({ error: true }, { status: 400 });
  if (parsed.data.intent === 'revoke') {
    revokeCalendarToken(user.id);
    return { revoked: true as const };
  }
  const token = createCalendarToken(user.id);
  return { feedUrl: `${env.APP_URL}/calendar/${token}.ics` };
}

export default function CalendarPage() {
  const { active, activities } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const t = useT(reportsWords);
  const feedUrl = data && 'feedUrl' in data ? data.feedUrl : null;
  return (
    <div className="page reports">
      <div className="page-header">
        <h1>{t('repCalendarTitle')}</h1>
      </div>
      <section className="card stack">
        <p>{t('repCalendarIntro', { count: activities })}</p>
        {feedUrl ? (
          <div className="alert alert--success stack" role="status">
            <strong>{t('repCalendarCreated')}</strong>
            <div className="calendar__url">
              <input type="text" readOnly value={feedUrl} aria-label={t('repCalendarUrl')} onFocus={(e) => e.currentTarget.select()} />
              <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(feedUrl)}>
                {t('repCalendarCopy')}
              </button>
              <a className="button" href={feedUrl.replace(/^https?:/, 'webcal:')}>
                {t('repCalendarSubscribe')}
              </a>
            </div>
            <p className="small">{t('repCalendarShownOnce')}</p>
          </div>
        ) : active ? (
          <p className="alert alert--info">{t('repCalendarActive')}</p>
        ) : (
          <p className="muted">{data && 'revoked' in data ? t('repCalendarRevoked') : t('repCalendarNone')}</p>
        )}
        <div>
          <h2>{t('repCalendarHowTitle')}</h2>
          <ol className="calendar__steps">
            <li>{t('repCalendarStepOutlook')}</li>
            <li>{t('repCalendarStepGoogle')}</li>
            <li>{t('repCalendarStepSecret')}</li>
          </ol>
        </div>
        <div className="calendar__actions">
          <Form method="post">
            <button type="submit" name="intent" value="create" className="button button--primary" disabled={busy}>
              {active || feedUrl ? t('repCalendarRenew') : t('repCalendarCreate')}
            </button>
          </Form>
          {active || feedUrl ? (
            <Form method="post">
              <button type="submit" name="intent" value="revoke" className="button button--danger" disabled={busy}>
                {t('repCalendarRevoke')}
              </button>
            </Form>
          ) : null}
        </div>
      </section>
    </div>
  );
}
