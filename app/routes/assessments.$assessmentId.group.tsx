import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { idSchema } from '~/domain/form-input';
import { assessmentAccess, ROLE_LABELS } from '~/domain/permissions';
import { pageTitle, useLang, useT } from '~/i18n';
import { assessmentWords, type AssessmentWord } from '~/i18n/assessment';
import { addMember, listCandidates, listMembers, removeMember, requireAssessment } from '~/models/assessment.server';
import assessmentCss from '~/styles/assessment.css?url';
import { readForm } from '~/upload.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'asGroup', assessmentWords);
export const links = () => [{ rel: 'stylesheet', href: assessmentCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, assessment, membership } = await requireAssessment(request, params.assessmentId, 'view');
  const canEdit = assessmentAccess(user.role, membership, assessment.stage, 'edit-group') === 'allowed';
  return { assessment: { id: assessment.id, title: assessment.title }, members: listMembers(assessment.id), candidates: canEdit ? listCandidates(assessment.id) : [], canEdit };
}

const schema = z.object({ intent: z.enum(['add', 'remove']), userId: idSchema });
type ActionData = { message?: AssessmentWord; error?: AssessmentWord };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, assessment } = await requireAssessment(request, params.assessmentId, 'edit-group');
  const parsed = schema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return Response.json({ error: 'asInvalidForm' } satisfies ActionData, { status: 400 });
  const { intent, userId } = parsed.data;
  const done = intent === 'add' ? addMember(user, assessment.id, userId) : removeMember(user, assessment.id, userId);
  if (!done) return Response.json({ error: 'asInvalidForm' } satisfies ActionData, { status: 400 });
  return Response.json({ message: intent === 'add' ? 'asMemberAdded' : 'asMemberRemoved' } satisfies ActionData);
}

export default function GroupPage() {
  const { assessment, members, candidates, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const t = useT(assessmentWords);
  const lang = useLang();
  return (
    <div className="page as-narrow">
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/assessments/${assessment.id}`}>{assessment.title}</Link>
          </p>
          <h1>{t('asGroup')}</h1>
        </div>
      </div>
      <p className="muted">{t('asGroupHelp')}</p>
      {actionData?.message ? (
        <p className="alert alert--success" role="status">
          {t(actionData.message)}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="alert alert--error" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}
      <ul className="card as-members">
        {members.map((member) => (
          <li key={member.userId} className="as-member">
            <span>
              <strong>{member.name}</strong> <span className="muted small">{member.email}</span>
              <br />
              <span className="small">
                {member.membership === 'chair' ? t('asRoleChair') : t('asRoleMember')} · {ROLE_LABELS[member.role][lang]}
              </span>
            </span>
            {canEdit && member.membership !== 'chair' ? (
              <Form
                method="post"
                onSubmit={(event) => {
                  if (!window.confirm(`${member.name}: ${t('asRemoveConfirm')}`)) event.preventDefault();
                }}
              >
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="userId" value={member.userId} />
                <button type="submit" className="button button--ghost button--small" aria-label={`${t('asRemoveMember')}: ${member.name}`}>
                  {t('asRemoveMember')}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        candidates.length === 0 ? (
          <p className="muted">{t('asNoCandidates')}</p>
        ) : (
          <Form method="post" className="card as-add-member">
            <input type="hidden" name="intent" value="add" />
            <div className="field">
              <label htmlFor="as-candidate">{t('asPerson')}</label>
              <select id="as-candidate" name="userId">
                {candidates.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name} ({ROLE_LABELS[candidate.role][lang]})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--primary">
              {t('asAddMember')}
            </button>
          </Form>
        )
      ) : null}
    </div>
  );
}
