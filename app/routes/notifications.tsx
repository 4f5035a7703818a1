import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { requireUser, safeRedirect } from '~/auth.server';
import { formatDateTime } from '~/domain/dates';
import { can } from '~/domain/permissions';
import { pageTitle, useLang, useT, type MessageKey } from '~/i18n';
import { notificationWords, useNotificationKindLabel } from '~/i18n/notifications';
import { listNotifications, markAllRead, markRead, NOTIFICATION_LIST_LIMIT, unreadCount } from '~/models/notification-inbox.server';
import notificationsCss from '~/styles/notifications.css?url';
import { readForm } from '~/upload.server';
import { idSchema } from '~/domain/form-input';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifTitle');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: notificationsCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const items = listNotifications(user.id);
  return {
    items,
    unread: unreadCount(user.id),
    limit: NOTIFICATION_LIST_LIMIT,
    limited: items.length === NOTIFICATION_LIST_LIMIT,
    isAdmin: can(user.role, 'users:manage'),
  };
}

const schema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('read'), id: idSchema }),
  z.object({ intent: z.literal('open'), id: idSchema }),
  z.object({ intent: z.literal('all') }),
]);

type ActionData = { ok: boolean; message?: MessageKey };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = schema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return Response.json({ ok: false } satisfies ActionData, { status: 400 });
  const input = parsed.data;
  if (input.intent === 'all') {
    markAllRead(user.id);
    return Response.json({ ok: true, message: 'notifAllMarked' } satisfies ActionData);
  }
  // Only the user's own notifications: someone else's id is a 404, as if it did not exist.
  const found = markRead(user.id, input.id);
  if (!found) throw new Response('Not found', { status: 404 });
  if (input.intent === 'open') return redirect(safeRedirect(found.link, '/notifications'));
  return Response.json({ ok: true } satisfies ActionData);
}

/** The message text with its http(s) addresses clickable (React escapes the rest). */
function LinkedText({ text }: { text: string }) {
  return (
    <>
      {text.split(/(https?:\/\/[^\s<>"']+)/g).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default function NotificationsPage() {
  const { items, unread, limit, limited, isAdmin } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const t = useT(notificationWords);
  const kindLabel = useNotificationKindLabel();
  const lang = useLang();
  return (
    <div className="page notifications-page">
      <div className="page-header">
        <div>
          <h1>{t('notifTitle')}</h1>
          <p className="muted">{t('notifUnread', { count: unread })}</p>
        </div>
        <div className="notifications-page__tools">
          <Link to="/settings" className="button button--ghost">
            {t('notifSettingsAll')}
          </Link>
          {isAdmin ? (
            <Link to="/admin/reminders" className="button button--ghost">
              {t('notifAdminLink')}
            </Link>
          ) : null}
          {unread > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="all" />
              <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
                {t('notifMarkAllRead')}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      {actionData?.message ? (
        <p className="alert alert--success" role="status">
          {t(actionData.message)}
        </p>
      ) : null}
      {items.length === 0 ? (
        <div className="empty-state card">
          <p>{t('notifEmpty')}</p>
        </div>
      ) : (
        <ul className="notification-list">
          {items.map((item) => (
            <li key={item.id} className={item.readAt ? 'card notification' : 'card notification notification--unread'}>
              <div className="notification__head">
                <p className="eyebrow">
                  {item.readAt ? null : <span className="badge badge--due notification__new">{t('notifNew')}</span>}
                  {kindLabel(item.kind)} · {formatDateTime(item.createdAt, lang)}
                </p>
                <h2 className="notification__subject">{item.subject}</h2>
              </div>
              <details className="notification__details">
                <summary>{t('notifShowText')}</summary>
                <pre className="notification__body">
                  <LinkedText text={item.body} />
                </pre>
              </details>
              <div className="notification__actions">
                {item.link ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="open" />
                    <input type="hidden" name="id" value={item.id} />
                    <button type="submit" className="button button--small button--primary">
                      {t('notifOpen')}
                    </button>
                  </Form>
                ) : null}
                {item.readAt ? null : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={item.id} />
                    <button type="submit" className="button button--small">
                      {t('notifMarkRead')}
                    </button>
                  </Form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {limited ? <p className="muted small">{t('notifLimit', { count: limit })}</p> : null}
    </div>
  );
}
