import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { requirePermission, currentSessionId } from '~/auth.server';
import { ROLE_LABELS, ROLES } from '~/domain/permissions';
import { pageTitle, useLang, useT, type MessageKey, type WordKey } from '~/i18n';
import { adminWords } from '~/i18n/admin';
import { listOwners } from '~/models/owner.server';
import { generatePassword } from '~/models/password.server';
import { createUser, getUserByEmail, listUsers, updateUserAccount } from '~/models/user.server';
import { Field } from '~/components/field';
import { AdminTabs } from '~/components/admin-tabs';
import { AdminTable, RowEditor } from '~/components/admin-table';
import { readForm } from '~/upload.server';
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, fieldErrors, idSchema, parseId, typedText } from '~/domain/form-input';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'navUsers');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'users:manage');
  return { users: listUsers(), owners: listOwners() };
}

const ownerIds = z.preprocess(
  (v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]),
  z.array(idSchema),
);
const password = z.string().max(MAX_PASSWORD_LENGTH, 'fieldTooLong').refine((v) => v === '' || v.length >= 10, 'passwordTooShort');

const createSchema = z.object({
  intent: z.literal('create'),
  email: z.string().trim().max(MAX_EMAIL_LENGTH, 'fieldTooLong').email('invalidEmail'),
  name: typedText(MAX_NAME_LENGTH, { required: 'nameRequired' }),
  role: z.enum(ROLES),
  password,
  ownerIds,
});
const updateSchema = z.object({
  intent: z.literal('update'),
  userId: idSchema,
  name: typedText(MAX_NAME_LENGTH, { required: 'nameRequired' }),
  role: z.enum(ROLES),
  disabled: z.preprocess((v) => v === 'on', z.boolean()),
  password,
  ownerIds,
});
const schema = z.discriminatedUnion('intent', [createSchema, updateSchema]);

type FieldErrors = Partial<Record<'email' | 'name' | 'password' | 'form', WordKey<typeof adminWords> | MessageKey>>;
type ActionData = { ok: boolean; userId?: number; errors?: FieldErrors; message?: WordKey<typeof adminWords>; generated?: { email: string; password: string } };

function formValues(form: FormData) {
  return { ...Object.fromEntries(form), ownerIds: form.getAll('ownerIds') };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'users:manage');
  const form = await readForm(request);
  const parsed = schema.safeParse(formValues(form));
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const errors: FieldErrors = {};
    for (const key of ['email', 'name', 'password'] as const) if (fields[key]) errors[key] = fields[key];
    return Response.json({ ok: false, userId: parseId(form.get('userId')) ?? undefined, errors } satisfies ActionData, { status: 400 });
  }
  const input = parsed.data;
  const newPassword = input.password || (input.intent === 'create' ? generatePassword() : '');
  if (input.intent === 'create') {
    if (getUserByEmail(input.email)) {
      return Response.json({ ok: false, errors: { email: 'emailTaken' } } satisfies ActionData, { status: 400 });
    }
    const user = await createUser({ ...input, password: newPassword }, admin.id);
    return Response.json({
      ok: true,
      message: 'userCreated',
      generated: input.password ? undefined : { email: user.email, password: newPassword },
    } satisfies ActionData);
  }
  if (input.userId === admin.id && (input.role !== 'admin' || input.disabled)) {
    return Response.json(
      { ok: false, userId: input.userId, errors: { form: 'cannotDemoteSelf' } } satisfies ActionData,
      { status: 400 },
    );
  }
  // Ends the user's sessions when the password changes; an admin changing their own password stays signed in here.
  const keepSessionId = newPassword && input.userId === admin.id ? await currentSessionId(request) : undefined;
  const { name, role, disabled } = input;
  const found = await updateUserAccount(input.userId, { name, role, disabled, ownerIds: input.ownerIds, password: newPassword, keepSessionId }, admin.id);
  if (!found) throw new Response('Not found', { status: 404 });
  return Response.json({ ok: true, userId: input.userId, message: 'userSaved' } satisfies ActionData);
}

function OwnerChoices({ owners, selected }: { owners: { id: number; name: string }[]; selected: number[] }) {
  const t = useT(adminWords);
  return (
    <fieldset className="owner-choices">
      <legend>{t('linkedOwners')}</legend>
      <p className="field__hint">{t('ownersHelp')}</p>
      <div className="owner-choices__list">
        {owners.map((owner) => (
          <label key={owner.id} className="checkbox">
            <input type="checkbox" name="ownerIds" value={owner.id} defaultChecked={selected.includes(owner.id)} />
            {owner.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function RoleSelect({ defaultValue }: { defaultValue: string }) {
  const t = useT(adminWords);
  const lang = useLang();
  return (
    <div className="field">
      <label>
        {t('role')}
        <select name="role" defaultValue={defaultValue}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role][lang]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export default function UsersPage() {
  const { users, owners } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const t = useT(adminWords);
  const lang = useLang();
  const createErrors = actionData && !actionData.userId ? actionData.errors : undefined;
  return (
    <div className="page">
      <AdminTabs />
      <div className="page-header">
        <h1>{t('usersTitle')}</h1>
      </div>
      {actionData?.generated ? (
        <p className="alert alert--success" role="status">
          {t('generatedPassword', actionData.generated)}
        </p>
      ) : actionData?.ok && actionData.message ? (
        <p className="alert alert--success" role="status">
          {t(actionData.message)}
        </p>
      ) : null}
      <AdminTable columns={[{ label: t('name') }, { label: t('email') }, { label: t('role') }, { label: t('owners') }, { label: t('status') }]}>
        {users.map((user) => {
          const errors = actionData?.userId === user.id ? actionData.errors : undefined;
          return (
            <tr key={user.id}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td>{ROLE_LABELS[user.role][lang]}</td>
              <td>{user.owners.length ? user.owners.map((o) => o.name).join(', ') : <span className="muted">{t('noOwners')}</span>}</td>
              <td>
                <span className={user.disabled ? 'badge badge--muted' : 'badge badge--ok'}>
                  {user.disabled ? t('disabled') : t('active')}
                </span>
              </td>
              <td>
                <RowEditor label={t('edit')} intent="update" id={{ name: 'userId', value: user.id }} open={Boolean(errors)} busy={navigation.state !== 'idle'}>
                  {errors?.form ? (
                    <p className="alert alert--error" role="alert">
                      {t(errors.form)}
                    </p>
                  ) : null}
                  <Field label={t('name')} name="name" defaultValue={user.name} required error={errors?.name && t(errors.name)} />
                  <RoleSelect defaultValue={user.role} />
                  <label className="checkbox">
                    <input type="checkbox" name="disabled" defaultChecked={user.disabled} />
                    {t('disabled')}
                  </label>
                  <Field label={t('newPassword')} name="password" type="password" autoComplete="new-password" error={errors?.password && t(errors.password)} />
                  <OwnerChoices owners={owners} selected={user.owners.map((o) => o.id)} />
                </RowEditor>
              </td>
            </tr>
          );
        })}
      </AdminTable>
      <section className="card section" aria-labelledby="new-user">
        <h2 id="new-user">{t('addUser')}</h2>
        <Form method="post" className="form-grid">
          <input type="hidden" name="intent" value="create" />
          <Field label={t('email')} name="email" type="email" required error={createErrors?.email && t(createErrors.email)} />
          <Field label={t('name')} name="name" required error={createErrors?.name && t(createErrors.name)} />
          <RoleSelect defaultValue="head" />
          <Field
            label={t('password')}
            name="password"
            type="password"
            autoComplete="new-password"
            hint={t('passwordHint')}
            error={createErrors?.password && t(createErrors.password)}
          />
          <div className="form-grid__wide">
            <OwnerChoices owners={owners} selected={[]} />
          </div>
          <div className="form-grid__wide">
            <button type="submit" className="button button--primary" disabled={navigation.state !== 'idle'}>
              {t('create')}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
