import type { LoaderFunctionArgs } from '@remix-run/node';
import { env } from '~/env.server';
import { activitiesIcs, ICS_CONTENT_TYPE } from '~/exports/ics.server';
import { calendarActivities, userByCalendarToken } from '~/models/calendar.server';

/**
 * GET /calendar/<token>.ics — a user's deadlines as an iCalendar feed for Outlook and other
 * calendars. No session: the token in the URL is the secret (see app/models/calendar.server.ts).
 * An unknown or revoked token, or a disabled user, is a plain 404.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const user = userByCalendarToken(params.token ?? '');
  if (!user) throw new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const body = activitiesIcs(calendarActivities(user), { lang: user.language, appUrl: env.APP_URL, now: new Date(), userName: user.name });
  return new Response(body, {
    headers: {
      'Content-Type': ICS_CONTENT_TYPE,
      'Content-Disposition': 'inline; filename="plan-deadlines.ics"',
      'Cache-Control': 'private, max-age=300',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
    },
  });
}
