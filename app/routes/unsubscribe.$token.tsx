import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { joinWords, pageTitle, useT } from '~/i18n';
import { notificationWords } from '~/i18n/notifications';
import { remindersWords } from '~/i18n/reminders';
import { emailSubscription, unsubscribeFromEmail } from '~/models/notification-settings.server';
import { userIdOfUnsubscribeToken } from '~/unsubscribe.server';

const unsubscribeWords = joinWords(remindersWords, notificationWords);

/**
 * /unsubscribe/<token> — the one-click link of the reminder e-mails (List-Unsubscribe, RFC 8058).
 * GET shows a confirmation page with a button; POST (the button, or the mail client's one-click
 * request, which comes from the mail provider with no session and no Origin of ours) stops
 * that person's e-mails: the reminders and the e-mails of the heads' updates. No login: the signed token is the only credential, so the
 * same-origin check of the other forms does not apply. A tampered token is refused with 403
 * before the database is touched, and the request body is never read.
 */
export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, 'unsubTitle', unsubscribeWords), { name: 'robots', content: 'noindex' }];

const NO_STORE = { 'Cache-Control': 'no-store' };

function signedUser(params: LoaderFunctionArgs['params']): number {
  const userId = userIdOfUnsubscribeToken(params.token ?? '');
  if (userId === null) throw new Response('This link is not valid.', { status: 403, headers: NO_STORE });
  return userId;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const subscription = emailSubscription(signedUser(params));
  if (!subscription) throw new Response('Not found', { status: 404, headers: NO_STORE });
  return Response.json(subscription, { headers: NO_STORE });
}

export async function action({ params }: ActionFunctionArgs) {
  const userId = signedUser(params);
  if (!emailSubscription(userId)) throw new Response('Not found', { status: 404, headers: NO_STORE });
  unsubscribeFromEmail(userId);
  return Response.json({ done: true }, { headers: NO_STORE });
}

export default function UnsubscribePage() {
  const { email, subscribed } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>()?.done;
  const navigation = useNavigation();
  const t = useT(unsubscribeWords);
  return (
    <div className="login">
      <div className="card login__card stack">
        <h1>{t('unsubTitle')}</h1>
        {done || !subscribed ? (
          <p className="alert alert--success" role="status">
            {t('unsubDoneAll', { email })}
          </p>
        ) : (
          <Form method="post" className="stack">
            <p>{t('unsubConfirmAll', { email })}</p>
            <div>
              <button type="submit" className="button button--primary" disabled={navigation.state !== 'idle'}>
                {t('unsubButtonAll')}
              </button>
            </div>
          </Form>
        )}
        <p className="muted">
          {t('unsubSettingsHint')} <Link to="/settings">{t('settingsTitle')}</Link>
        </p>
      </div>
    </div>
  );
}
