import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '~/auth.server';
import { mayFollowUpdates, UPDATE_NOTIFY_MODES } from '~/domain/update-notifications';
import { joinWords, pageTitle, useT, type WordKey } from '~/i18n';
import { notificationWords } from '~/i18n/notifications';
import { remindersWords } from '~/i18n/reminders';
import { smtpStatus } from '~/mail.server';
import { setRemindersEnabled, setUpdateSettings } from '~/models/notification-settings.server';
import notificationsCss from '~/styles/notifications.css?url';
import { readForm } from '~/upload.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'settingsTitle');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: notificationsCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    email: user.email,
    remindersEnabled: user.remindersEnabled,
    emailConfigured: smtpStatus().configured,
    /** The heads' updates: only for those who may follow them. */
    updates: mayFollowUpdates(user.role) ? { mode: user.updateNotify, inApp: user.updateNotifyInApp, email: user.updateNotifyEmail } : null,
  };
}

const checkbox = z.preprocess((v) => v === 'on', z.boolean());
const schema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('reminders'), remindersEnabled: checkbox }),
  z.object({ intent: z.literal('updates'), mode: z.enum(UPDATE_NOTIFY_MODES), inApp: checkbox, email: checkbox }),
]);

const settingsWords = joinWords(remindersWords, notificationWords);
type ActionData = { ok: boolean; section?: 'reminders' | 'updates'; message?: WordKey<typeof settingsWords>; error?: WordKey<typeof settingsWords> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = Object.fromEntries(await readForm(request));
  if (form.intent === 'updates' && !mayFollowUpdates(user.role)) throw new Response('Forbidden', { status: 403 });
  const parsed = schema.safeParse(form);
  if (!parsed.success) return Response.json({ ok: false } satisfies ActionData, { status: 400 });
  const input = parsed.data;
  if (input.intent === 'reminders') {
    setRemindersEnabled(user.id, input.remindersEnabled);
    return Response.json({ ok: true, section: 'reminders', message: 'remSaved' } satisfies ActionData);
  }
  if (input.mode !== 'off' && !input.inApp && !input.email) {
    return Response.json({ ok: false, section: 'updates', error: 'updSetNoChannel' } satisfies ActionData, { status: 400 });
  }
  setUpdateSettings(user.id, { mode: input.mode, inApp: input.inApp, email: input.email });
  return Response.json({ ok: true, section: 'updates', message: 'updSetSaved' } satisfies ActionData);
}

export default function SettingsPage() {
  const { email, remindersEnabled, emailConfigured, updates } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const t = useT(settingsWords);
  const saved = (section: ActionData['section']) =>
    actionData?.ok && actionData.section === section && actionData.message ? (
      <p className="alert alert--success" role="status">
        {t(actionData.message)}
      </p>
    ) : null;
  return (
    <div className="page settings-page">
      <div className="page-header">
        <h1>{t('settingsTitle')}</h1>
      </div>
      <section className="card settings-section" aria-labelledby="settings-reminders">
        <h2 id="settings-reminders">{t('remSettingsHeading')}</h2>
        {saved('reminders')}
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
      {updates ? (
        <section className="card settings-section" aria-labelledby="settings-updates">
          <h2 id="settings-updates">{t('updSetHeading')}</h2>
          {saved('updates')}
          <p className="field__hint">{t('updSetLead')}</p>
          {/* Keyed by the saved settings, so that the form shows them again after a save. */}
          <Form method="post" className="stack" key={`${updates.mode}-${updates.inApp}-${updates.email}`}>
            <input type="hidden" name="intent" value="updates" />
            <fieldset className="settings-choice">
              <legend>{t('updSetMode')}</legend>
              {UPDATE_NOTIFY_MODES.map((mode) => (
                <label key={mode} className="checkbox">
                  <input type="radio" name="mode" value={mode} defaultChecked={updates.mode === mode} />
                  {t(`updSetMode_${mode}`)}
                </label>
              ))}
            </fieldset>
            <fieldset className="settings-choice" aria-describedby={actionData?.error ? 'settings-updates-error' : undefined}>
              <legend>{t('updSetChannels')}</legend>
              <label className="checkbox">
                <input type="checkbox" name="inApp" defaultChecked={updates.inApp} />
                {t('updSetInApp')}
              </label>
              <label className="checkbox">
                <input type="checkbox" name="email" defaultChecked={updates.email} />
                {t('updSetEmail')}
              </label>
              <p className="field__hint">{emailConfigured ? t('remEmailTo', { email }) : t('updSetNoSmtp')}</p>
            </fieldset>
            {actionData?.error ? (
              <p className="alert alert--error" role="alert" id="settings-updates-error">
                {t(actionData.error)}
              </p>
            ) : null}
            <div>
              <button type="submit" className="button button--primary" disabled={navigation.state !== 'idle'}>
                {t('save')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      <section className="card settings-section" aria-labelledby="settings-calendar">
        <h2 id="settings-calendar">{t('repCalendarTitle')}</h2>
        <p className="field__hint">{t('setCalendarLead')}</p>
        <p>
          <Link to="/calendar">{t('setCalendarOpen')}</Link>
        </p>
      </section>
    </div>
  );
}
