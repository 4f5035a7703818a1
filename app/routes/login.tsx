import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { assertSameOrigin, clientAddress, createUserSession, getSessionUser, safeRedirect, verifyLogin } from '~/auth.server';
import { pageTitle, useT } from '~/i18n';
import { loginWords } from '~/i18n/login';
import { Field } from '~/components/field';
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, typedText } from '~/domain/form-input';
import { readForm } from '~/upload.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'login');

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect('/');
  return null;
}

const loginSchema = z.object({
  email: typedText(MAX_EMAIL_LENGTH, { required: 'emailRequired' }),
  password: z.string().min(1, 'passwordRequired').max(MAX_PASSWORD_LENGTH, 'fieldTooLong'),
  redirectTo: z.string().max(2000).optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const parsed = loginSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) {
    const fields = parsed.error.flatten().fieldErrors;
    return Response.json(
      { error: null, fields: { email: fields.email?.[0], password: fields.password?.[0] } },
      { status: 400 },
    );
  }
  const { email, password, redirectTo } = parsed.data;
  const result = await verifyLogin(email, password, { client: clientAddress(context) });
  if (!result.ok) {
    return Response.json(
      { error: result.reason, retryAfterMinutes: result.retryAfterMinutes ?? 0, fields: {} },
      { status: result.reason === 'locked' ? 429 : 400 },
    );
  }
  return createUserSession(request, result.user.id, safeRedirect(redirectTo));
}

type ActionData = {
  error: 'invalid' | 'locked' | null;
  retryAfterMinutes?: number;
  fields: { email?: 'emailRequired' | 'fieldTooLong'; password?: 'passwordRequired' | 'fieldTooLong' };
};

export default function LoginPage() {
  const t = useT(loginWords);
  const actionData = useActionData<ActionData>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  return (
    <div className="login">
      <div className="card login__card">
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <h1>{t('loginTitle')}</h1>
        <p className="muted">{t('appTagline')}</p>
        {actionData?.error ? (
          <p className="alert alert--error" role="alert">
            {actionData.error === 'locked'
              ? t('loginLocked', { minutes: actionData.retryAfterMinutes ?? 15 })
              : t('loginInvalid')}
          </p>
        ) : null}
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/'} />
          <Field
            label={t('email')}
            name="email"
            type="email"
            autoComplete="username"
            required
            // eslint-disable-next-line jsx-a11y/no-autofocus -- signing in is the only thing this page is for
            autoFocus
            error={actionData?.fields.email && t(actionData.fields.email)}
          />
          <Field
            label={t('password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={actionData?.fields.password && t(actionData.fields.password)}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('loginSubmit')}
          </button>
        </Form>
      </div>
    </div>
  );
}
