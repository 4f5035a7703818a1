import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { AssessmentSettingsForm, type SettingsErrors } from '~/components/assessment-settings';
import { AssessmentResults } from '~/components/assessment-results';
import { assessmentSettingsSchema, firstErrors, stageSchema } from '~/domain/assessment-form';
import { formatScore, SUB_CRITERIA } from '~/domain/assessment-scoring';
import { ASSESSMENT_STAGES, nextStage, previousStage } from '~/domain/assessment-stage';
import { formatDateTime } from '~/domain/dates';
import { assessmentAccess } from '~/domain/permissions';
import { pageTitle, useLang, useT } from '~/i18n';
import { assessmentWords, type AssessmentWord } from '~/i18n/assessment';
import { cycleWords } from '~/i18n/cycle';
import { memberProgress } from '~/models/assessment-sheet.server';
import { approverName, assertAssessmentAccess, changeStage, listMembers, requireAssessment, systemChangeable, updateAssessment } from '~/models/assessment.server';
import assessmentCss from '~/styles/assessment.css?url';
import { readForm } from '~/upload.server';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, (t) => data?.assessment.title ?? t('asListTitle'), assessmentWords);
export const links = () => [{ rel: 'stylesheet', href: assessmentCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, assessment, membership } = await requireAssessment(request, params.assessmentId, 'view');
  const may = (action: Parameters<typeof assessmentAccess>[3]) => assessmentAccess(user.role, membership, assessment.stage, action) === 'allowed';
  return {
    assessment,
    membership,
    approvedByName: approverName(assessment),
    members: listMembers(assessment.id).length,
    progress: membership ? memberProgress(assessment, user.id) : null,
    results: may('see-consensus') ? memberProgress(assessment, null) : null,
    canSeeScores: may('see-scores'),
    isChair: membership === 'chair',
    canEdit: may('edit-group'),
    systemChangeable: systemChangeable(assessment),
  };
}

type ActionData = { error?: AssessmentWord; done?: number; errors?: SettingsErrors; saved?: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireAssessment(request, params.assessmentId, 'view');
  const { user, assessment } = context;
  const form = await readForm(request);
  if (form.get('intent') === 'stage') {
    const to = stageSchema.safeParse({ to: form.get('to') });
    assertAssessmentAccess(context, to.success && to.data.to === 'approved' ? 'approve' : 'change-stage');
    if (!to.success) return Response.json({ error: 'asInvalidForm' } satisfies ActionData, { status: 400 });
    const result = changeStage(user, assessment.id, to.data.to);
    if (!result.ok) return Response.json({ error: result.reason, done: result.consensusScored } satisfies ActionData, { status: 409 });
    return Response.json({} satisfies ActionData);
  }
  assertAssessmentAccess(context, 'edit-group');
  const parsed = assessmentSettingsSchema.safeParse(Object.fromEntries(form));
  if (form.get('intent') !== 'settings' || !parsed.success) {
    return Response.json({ errors: parsed.success ? { form: 'asInvalidForm' } : (firstErrors(parsed.error) as SettingsErrors) } satisfies ActionData, { status: 400 });
  }
  const result = updateAssessment(user, assessment.id, parsed.data);
  if (!result.ok) return Response.json({ errors: { scoringSystem: result.reason } } satisfies ActionData, { status: 409 });
  return Response.json({ saved: true } satisfies ActionData);
}

export default function AssessmentPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const t = useT(assessmentWords);
  const tc = useT(cycleWords);
  const lang = useLang();
  const { assessment } = data;
  const next = nextStage(assessment.stage);
  const previous = previousStage(assessment.stage);
  const missing = data.progress?.filter((row) => row.score === null) ?? [];
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to="/assessments">{t('asListTitle')}</Link> · {t('asPeriod')}: {assessment.period} · {t(`asSystem_${assessment.scoringSystem}`)}
          </p>
          <h1>{assessment.title}</h1>
        </div>
      </div>
      <ol className="as-stages" aria-label={t('asStage')}>
        {ASSESSMENT_STAGES.map((stage) => (
          <li key={stage} className={stage === assessment.stage ? 'as-stages__current' : undefined} aria-current={stage === assessment.stage ? 'step' : undefined}>
            {t(`asStage_${stage}`)}
          </li>
        ))}
      </ol>
      {assessment.stage === 'approved' && data.approvedByName && assessment.approvedAt ? (
        <p className="muted">{t('asApprovedBy', { name: data.approvedByName, date: formatDateTime(new Date(assessment.approvedAt).getTime(), lang) })}</p>
      ) : null}
      {actionData?.error ? (
        <p className="alert alert--error" role="alert">
          {t(actionData.error, { done: actionData.done ?? 0 })}
        </p>
      ) : null}
      <nav className="as-links" aria-label={t('asListTitle')}>
        <Link to="group" className="button">
          {t('asGroup')} ({data.members})
        </Link>
        {assessment.stage === 'approved' ? (
          <Link to="report" className="button">
            {t('asReportLink')}
          </Link>
        ) : null}
        {assessment.stage === 'approved' ? <Link to="priorities" className="button">{tc('cyLink')}</Link> : null}
        {data.canSeeScores ? (
          <Link to="consensus" className="button">
            {t('asConsensusOverview')}
          </Link>
        ) : null}
      </nav>
      {data.isChair ? (
        <section className="card section" aria-labelledby="as-stage-heading">
          <h2 id="as-stage-heading">{t('asStage')}: {t(`asStage_${assessment.stage}`)}</h2>
          <div className="as-actions">
            {next ? (
              <Form method="post">
                <input type="hidden" name="intent" value="stage" />
                <button type="submit" name="to" value={next} className="button button--primary">
                  {t(`asMoveTo_${next}`)}
                </button>
              </Form>
            ) : null}
            {previous ? (
              <Form method="post">
                <input type="hidden" name="intent" value="stage" />
                <button type="submit" name="to" value={previous} className="button">
                  {t('asReopen', { stage: t(`asStage_${previous}`) })}
                </button>
              </Form>
            ) : null}
          </div>
          {data.canEdit ? (
            <details className="as-settings" open={Boolean(actionData?.errors)}>
              <summary>{t('asSettings')}</summary>
              {actionData?.saved ? <p className="alert alert--success">{t('asSaved')}</p> : null}
              <AssessmentSettingsForm intent="settings" values={assessment} errors={actionData?.errors} systemFixed={!data.systemChangeable} submitLabel={t('save')} />
            </details>
          ) : null}
        </section>
      ) : null}
      {data.results ? <AssessmentResults rows={data.results} /> : null}
      {data.progress ? (
        <section className="section" aria-labelledby="as-mine">
          <h2 id="as-mine">{t('asMyScoring')}</h2>
          {assessment.stage === 'draft' ? <p className="alert alert--info">{t('asDraftWait')}</p> : null}
          <p>
            {t('asScoredCount', { done: SUB_CRITERIA.length - missing.length })}{' '}
            {missing.length === 0 ? t('asAllScored') : t('asMissing', { codes: missing.map((row) => row.code).join(', ') })}
          </p>
          <ul className="as-grid">
            {data.progress.map((row) => (
              <li key={row.code} className={row.score === null ? 'as-cell as-cell--missing' : 'as-cell'}>
                <Link to={`score/${row.code}`}>
                  <strong>{row.code}</strong> <span className="as-cell__score">{row.score === null ? t('asNotScored') : formatScore(row.score, lang)}</span>
                </Link>
                <span className="muted small">{t('asItemsShort', { evidence: row.evidence, strengths: row.strengths, improvements: row.improvements })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
