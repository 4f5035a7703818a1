import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { requirePermission } from '~/auth.server';
import { plural } from '~/i18n/counts';
import { ROLE_LABELS } from '~/domain/permissions';
import { pageTitle, useLang, useT, type WordKey } from '~/i18n';
import { adminWords } from '~/i18n/admin';
import { listOwnersForAdmin, listUsersForLinking, mergeOwners, renameOwner, setUserOwnerLink } from '~/models/owner.server';
import { AdminTable, RowEditor } from '~/components/admin-table';
import trackingCss from '~/styles/tracking.css?url';
import { readForm } from '~/upload.server';
import { MAX_TITLE_LENGTH, idSchema, typedText } from '~/domain/form-input';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trackingCss }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'navOwners');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'owners:manage');
  return { owners: listOwnersForAdmin(), users: listUsersForLinking() };
}

const schema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('merge'), keepId: idSchema, mergeId: idSchema }),
  z.object({ intent: z.literal('rename'), ownerId: idSchema, name: typedText(MAX_TITLE_LENGTH, { required: 'nameRequired' }) }),
  z.object({ intent: z.literal('link'), ownerId: idSchema, userId: idSchema }),
  z.object({ intent: z.literal('unlink'), ownerId: idSchema, userId: idSchema }),
]);

type ActionData = { ok: boolean; intent?: string; ownerId?: number; message?: WordKey<typeof adminWords>; error?: WordKey<typeof adminWords> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'owners:manage');
  const form = Object.fromEntries(await readForm(request));
  const parsed = schema.safeParse(form);
  if (!parsed.success) {
    const first = parsed.error.issues[0]?.message;
    const error: WordKey<typeof adminWords> = first === 'nameRequired' ? 'nameRequired' : 'trChooseBoth';
    return Response.json({ ok: false, intent: String(form.intent ?? ''), ownerId: Number(form.ownerId) || undefined, error } satisfies ActionData, {
      status: 400,
    });
  }
  const input = parsed.data;
  const result =
    input.intent === 'merge'
      ? mergeOwners(input.keepId, input.mergeId, user.id)
      : input.intent === 'rename'
        ? renameOwner(input.ownerId, input.name, user.id)
        : setUserOwnerLink(input.ownerId, input.userId, input.intent === 'link', user.id);
  const ownerId = input.intent === 'merge' ? input.keepId : input.ownerId;
  if (!result.ok) {
    const status = result.error === 'trOwnerNotFound' || result.error === 'trUserNotFound' ? 404 : 400;
    return Response.json({ ok: false, intent: input.intent, ownerId, error: result.error } satisfies ActionData, { status });
  }
  const message: Record<typeof input.intent, WordKey<typeof adminWords>> = {
    merge: 'trOwnersMerged',
    rename: 'trOwnerRenamed',
    link: 'trUserLinked',
    unlink: 'trUserUnlinked',
  };
  return Response.json({ ok: true, intent: input.intent, ownerId, message: message[input.intent] } satisfies ActionData);
}

export default function OwnersPage() {
  const { owners, users } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const t = useT(adminWords);
  const lang = useLang();
  const busy = navigation.state !== 'idle';
  return (
    <div className="page tracking">
      <div className="page-header">
        <div>
          <h1>{t('trOwnersTitle')}</h1>
          <p className="muted">{t('trOwnersLead')}</p>
        </div>
      </div>
      {actionData?.ok && actionData.message ? (
        <p className="alert alert--success" role="status">
          {t(actionData.message)}
        </p>
      ) : actionData?.error ? (
        <p className="alert alert--error" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}

      <section className="card merge-card" aria-labelledby="merge-title">
        <h2 id="merge-title">{t('trMergeOwners')}</h2>
        <p className="muted small">{t('trMergeHelp')}</p>
        <Form method="post" className="merge-form">
          <input type="hidden" name="intent" value="merge" />
          <OwnerSelect label={t('trMergeWhich')} name="mergeId" owners={owners} />
          <span className="merge-form__arrow" aria-hidden="true">
            →
          </span>
          <OwnerSelect label={t('trMergeInto')} name="keepId" owners={owners} />
          <button
            type="submit"
            className="button button--primary"
            disabled={busy}
            onClick={(event) => {
              if (!window.confirm(t('trMergeConfirm'))) event.preventDefault();
            }}
          >
            {t('trMerge')}
          </button>
        </Form>
      </section>

      <AdminTable className="owners-table" columns={[{ label: t('trOwner') }, { label: t('activities'), numeric: true }, { label: t('trLinkedUsers') }]}>
        {owners.map((owner) => {
          const linkable = users.filter((u) => !owner.users.some((linked) => linked.id === u.id));
          const rowError = actionData && !actionData.ok && actionData.ownerId === owner.id && actionData.intent === 'rename' ? actionData.error : undefined;
          return (
            <tr key={owner.id} id={`owner-${owner.id}`} className="owner-row">
              <td>
                <strong>{owner.name}</strong>
                {owner.users.length === 0 ? (
                  <>
                    {' '}
                    <span className="badge badge--unlinked" title={t('ownerUnlinkedHint')}>
                      {t('ownerUnlinked')}
                    </span>
                  </>
                ) : null}
                {owner.aliases.length ? (
                  <p className="muted small">
                    {t('trAliases')}: {owner.aliases.join('; ')}
                  </p>
                ) : null}
                <p className="muted small">{owner.organization}</p>
              </td>
              <td className="num">{owner.activityCount}</td>
              <td>
                {owner.users.length === 0 ? <span className="muted small">{t('trNoLinkedUsers')}</span> : null}
                <ul className="linked-users">
                  {owner.users.map((linked) => (
                    <li key={linked.id}>
                      <span>
                        {linked.name} <span className="muted small">{linked.email}</span>
                      </span>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="unlink" />
                        <input type="hidden" name="ownerId" value={owner.id} />
                        <input type="hidden" name="userId" value={linked.id} />
                        <button type="submit" className="button button--ghost button--small" disabled={busy} aria-label={t('trUnlinkUserNamed', { name: linked.name })}>
                          {t('trUnlink')}
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
                {linkable.length ? (
                  <Form method="post" className="link-form">
                    <input type="hidden" name="intent" value="link" />
                    <input type="hidden" name="ownerId" value={owner.id} />
                    <label className="visually-hidden" htmlFor={`link-${owner.id}`}>
                      {t('trLinkUserTo', { owner: owner.name })}
                    </label>
                    <select id={`link-${owner.id}`} name="userId" required defaultValue="">
                      <option value="" disabled>
                        {t('trChooseUser')}
                      </option>
                      {linkable.map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.name} ({ROLE_LABELS[u.role][lang]})
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button button--small" disabled={busy}>
                      {t('trLink')}
                    </button>
                  </Form>
                ) : null}
              </td>
              <td>
                <RowEditor label={t('trRename')} intent="rename" id={{ name: 'ownerId', value: owner.id }} open={Boolean(rowError)} busy={busy}>
                  <div className={rowError ? 'field field--invalid' : 'field'}>
                    <label htmlFor={`rename-${owner.id}`}>{t('trNewName')}</label>
                    <input id={`rename-${owner.id}`} type="text" name="name" defaultValue={owner.name} required />
                    {rowError ? <p className="field__error">{t(rowError)}</p> : null}
                  </div>
                </RowEditor>
              </td>
            </tr>
          );
        })}
      </AdminTable>
    </div>
  );
}

type OwnerRow = ReturnType<typeof useLoaderData<typeof loader>>['owners'][number];

function OwnerSelect({ label, name, owners }: { label: string; name: string; owners: OwnerRow[] }) {
  const lang = useLang();
  return (
    <label>
      {label}
      <select name={name} required defaultValue="">
        <option value="" disabled>
          —
        </option>
        {owners.map((owner) => (
          <option key={owner.id} value={owner.id}>
            {owner.name} ({plural(owner.activityCount, lang, 'activity')})
          </option>
        ))}
      </select>
    </label>
  );
}
