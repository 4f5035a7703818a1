import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '~/auth.server';
import { pageTitle, useT, type WordKey } from '~/i18n';
import { remindersWords } from '~/i18n/reminders';
import { smtpStatus } from '~/mail.server';
import { setRemindersEnabled } from '~/models/notification.server';
import notificationsCss from '~/styles/notifications.css?url';
import { readForm } from '~/upload.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'settingsTitle');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: notificationsCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { email: user.email, remindersEnabled: user.remindersEnabled, emailConfigured: smtpStatus().configured };
}

const schema = z.object({
  intent: z.literal('reminders'),
  remindersEnabled: z.preprocess((v) => v === 'on', z.boolean()),
});

type ActionData = { ok: boolean; message?: WordKey<typeof remindersWords> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = schema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return Response.json({ ok: false } satisfies ActionData, { status: 400 });
  setRemindersEnabled(user.id, parsed.data.remindersEnabled);
  return Response.json({ ok: true, message: 'remSaved' } satisfies ActionData);
}

export default function SettingsPage() {
  const { email, remindersEnabled, emailConfigured } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const t = useT(remindersWords);
  return (
    <div className="page settings-page">
      <div className="page-header">
        <h1>{t('settingsTitle')}</h1>
      </div>
      {actionData?.message ? (
        <p className="alert alert--success" role="status">
          {t(actionData.message)}
        </p>
      ) : null}
      <section className="card settings-section" aria-labelledby="settings-reminders">
        <h2 id="settings-reminders">{t('remSettingsHeading')}</h2>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="reminders" />
          <label className="checkbox">
            <input type="checkbox" name="remindersEnabled" defaultChecked={remindersEnabled} key={String(remindersEnabled)} />
            {t('remEnabledLabel')}
          </label>
          <p className="field__hint">{t('remEnabledHelp')}</p>
          <p className="field__hint">{emailConfigured ? t('remEmailTo', { email }) : t('remNoSmtpUser')}</p>
          <div>
            <button type="submit" className="button button--primary" disabled={navigation.state !== 'idle'}>
              {t('save')}
            </button>
          </div>
        </Form>
      </section>
      <section className="card settings-section" aria-labelledby="settings-calendar">
        <h2 id="settings-calendar">{t('repCalendarTitle')}</h2>
        <p>
          <Link to="/calendar">{t('repCalendarLink')}</Link>
        </p>
      </section>
    </div>
  );
}
