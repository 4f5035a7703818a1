import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { PriorityGrid } from '~/components/charts/priority-grid';
import { GapDecisionForm, ImprovementAreaCard } from '~/components/improvement-area';
import { CAF_CRITERIA } from '~/domain/assessment-scoring';
import { idSchema } from '~/domain/form-input';
import { GAP_DECISIONS, isOpenGap, parsePriorityQuery, PRIORITY_SORTS, quadrantOf, RATING_FILTERS, ratingSchema, SCORE_FILTERS, sortAndFilter } from '~/domain/improvement-priority';
import { todayInSofia } from '~/domain/dates';
import { assessmentAccess, can } from '~/domain/permissions';
import { pageTitle, useLang, useT } from '~/i18n';
import { cycleWords, type CycleWord } from '~/i18n/cycle';
import { decideGap, linkMeasure, listImprovementAreas, rateImprovement, unlinkMeasure } from '~/models/improvement-priority.server';
import { assertAssessmentAccess, requireAssessment, type AssessmentContext } from '~/models/assessment.server';
import { createDraftPlan } from '~/models/plan-draft.server';
import { parseDraftPlanForm } from '~/domain/plan-draft';
import type { DraftPlanWord } from '~/i18n/plan-draft';
import { DraftChoice, DraftPlanForm, useDraftSelection } from '~/components/draft-plan-form';
import assessmentCss from '~/styles/assessment.css?url';
import cycleCss from '~/styles/cycle.css?url';
import dashboardCss from '~/styles/dashboard.css?url';
import { readForm } from '~/upload.server';

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, 'cyTitle', cycleWords);
export const links = () => [
  { rel: 'stylesheet', href: assessmentCss },
  { rel: 'stylesheet', href: dashboardCss },
  { rel: 'stylesheet', href: cycleCss },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, assessment, membership } = await requireAssessment(request, params.assessmentId, 'see-priorities');
  const areas = listImprovementAreas(assessment.id, todayInSofia());
  const query = parsePriorityQuery(new URL(request.url).searchParams);
  return {
    assessment: { id: assessment.id, title: assessment.title, period: assessment.period },
    areas,
    shown: sortAndFilter(areas, query).map((area) => area.itemId),
    query,
    canEdit: assessmentAccess(user.role, membership, assessment.stage, 'prioritise') === 'allowed',
    canDraft: assessmentAccess(user.role, membership, assessment.stage, 'draft-plan') === 'allowed',
    canSeePlans: can(user.role, 'plan:read'),
  };
}

const formSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('rate'), itemId: idSchema, impact: ratingSchema, feasibility: ratingSchema }),
  z.object({ intent: z.enum(['link', 'unlink']), itemId: idSchema, measureId: idSchema }),
  z.object({ intent: z.literal('gap'), itemId: idSchema, decision: z.enum(['none', ...GAP_DECISIONS]) }),
]);

type ActionData = { ok?: CycleWord; error?: CycleWord; draftError?: DraftPlanWord };

/** Drafts a plan from the chosen areas (the chair who may edit plans, or an admin) and opens it. */
function draftPlan(context: AssessmentContext, form: FormData) {
  assertAssessmentAccess(context, 'draft-plan');
  const parsed = parseDraftPlanForm(form);
  if (!parsed.success) return Response.json({ draftError: parsed.error.issues[0]!.message as DraftPlanWord } satisfies ActionData, { status: 400 });
  const result = createDraftPlan(context.user, context.assessment.id, parsed.data, context.user.language);
  if (!result.ok) return Response.json({ draftError: result.error } satisfies ActionData, { status: 400 });
  return redirect(`/plans/${result.planId}?drafted=1`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireAssessment(request, params.assessmentId, 'prioritise');
  const { user, assessment } = context;
  const body = await readForm(request);
  if (body.get('intent') === 'draft-plan') return draftPlan(context, body);
  const parsed = formSchema.safeParse(Object.fromEntries(body));
  if (!parsed.success) {
    const rating = parsed.error.issues.some((issue) => issue.path[0] === 'impact' || issue.path[0] === 'feasibility');
    return Response.json({ error: rating ? 'cyRatingInvalid' : 'cyInvalid' } satisfies ActionData, { status: 400 });
  }
  const form = parsed.data;
  const done: [boolean, CycleWord] =
    form.intent === 'rate'
      ? [rateImprovement(user, assessment.id, form.itemId, form.impact, form.feasibility), 'cyRated']
      : form.intent === 'gap'
        ? [decideGap(user, assessment.id, form.itemId, form.decision === 'none' ? null : form.decision), 'cyDecided']
        : form.intent === 'link'
          ? [linkMeasure(user, assessment.id, form.itemId, form.measureId), 'cyLinked']
          : [unlinkMeasure(user, assessment.id, form.itemId, form.measureId), 'cyUnlinked'];
  if (!done[0]) return Response.json({ error: 'cyNotFound' } satisfies ActionData, { status: 404 });
  return Response.json({ ok: done[1] } satisfies ActionData);
}

export default function PrioritiesPage() {
  const { assessment, areas, shown, query, canEdit, canDraft, canSeePlans } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const selection = useDraftSelection();
  const t = useT(cycleWords);
  const lang = useLang();
  const byId = new Map(areas.map((area) => [area.itemId, area]));
  const gaps = areas.filter((area) => area.measures.length === 0);
  const measure = query.measure === null ? null : areas.flatMap((area) => area.measures).find((m) => m.measureId === query.measure);
  const filtered = query.criterion !== null || query.score !== 'all' || query.rating !== 'all' || query.measure !== null;
  const summary = {
    total: areas.length,
    rated: areas.filter((area) => area.impact !== null).length,
    quick: areas.filter((area) => quadrantOf(area.impact, area.feasibility) === 'quick_win').length,
    answered: areas.length - gaps.length,
    gaps: gaps.filter((area) => isOpenGap(0, area.gapDecision)).length,
  };
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/assessments/${assessment.id}`}>{assessment.title}</Link> · {assessment.period}
          </p>
          <h1>{t('cyTitle')}</h1>
        </div>
      </div>
      <p>{t('cyIntro')}</p>
      {canEdit ? null : <p className="alert alert--info">{t('cyReadOnly')}</p>}
      {actionData?.error ? (
        <p className="alert alert--error" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}
      {actionData?.ok ? (
        <p className="alert alert--success" role="status">
          {t(actionData.ok)}
        </p>
      ) : null}
      {areas.length === 0 ? (
        <p className="muted">{t('cyEmpty')}</p>
      ) : (
        <>
          <p className="cy-summary">{t('cySummary', summary)}</p>
          <section className="card section" aria-labelledby="cy-grid">
            <h2 id="cy-grid">{t('cyGrid')}</h2>
            <PriorityGrid areas={shown.map((id) => byId.get(id)!)} />
          </section>
          <Form method="get" className="cy-filters card" aria-label={t('cyFilters')}>
            {query.measure !== null ? <input type="hidden" name="measure" value={query.measure} /> : null}
            <label>
              {t('cyCriterion')}
              <select name="criterion" defaultValue={query.criterion ?? ''}>
                <option value="">{t('cyAll')}</option>
                {CAF_CRITERIA.map((criterion) => (
                  <option key={criterion.code} value={criterion.code}>
                    {criterion.code}. {lang === 'bg' ? criterion.titleBg : criterion.titleEn}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('cyScore')}
              <select name="score" defaultValue={query.score}>
                {SCORE_FILTERS.map((value) => (
                  <option key={value} value={value}>
                    {t(`cyScore_${value}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('cyRating')}
              <select name="rating" defaultValue={query.rating}>
                {RATING_FILTERS.map((value) => (
                  <option key={value} value={value}>
                    {t(value === 'all' || value === 'unrated' ? `cyRating_${value}` : `cyQuadrant_${value}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('cySort')}
              <select name="sort" defaultValue={query.sort}>
                {PRIORITY_SORTS.map((value) => (
                  <option key={value} value={value}>
                    {t(`cySort_${value}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button">
              {t('cyApply')}
            </button>
            {filtered || query.sort !== 'code' ? <Link to=".">{t('cyClear')}</Link> : null}
          </Form>
          <p className="muted small">
            {t('cyShown', { shown: shown.length, total: areas.length })}
            {measure ? ` · ${t('cyOfMeasure', { code: measure.code, title: measure.title })}` : null}
          </p>
          {canDraft ? <DraftPlanForm shown={shown} selection={selection} error={actionData?.draftError} /> : null}
          {shown.length === 0 ? <p className="muted">{t('cyNoMatch')}</p> : null}
          <ol className="cy-areas">
            {shown.map((id) => (
              <ImprovementAreaCard
                key={id}
                area={byId.get(id)!}
                canEdit={canEdit}
                canSeePlans={canSeePlans}
                choice={canDraft ? <DraftChoice itemId={id} selection={selection} /> : undefined}
              />
            ))}
          </ol>
          {canSeePlans ? (
            <section className="card section" aria-labelledby="cy-gaps">
              <h2 id="cy-gaps">{t('cyGaps')}</h2>
              <p className="muted">{gaps.length === 0 ? t('cyNoGaps') : t('cyGapsHelp')}</p>
              <ul className="cy-gaps">
                {gaps.map((area) => (
                  <li key={area.itemId}>
                    <a href={`#area-${area.itemId}`}>
                      <strong>{area.code}</strong> {area.text}
                    </a>
                    <GapDecisionForm itemId={area.itemId} decision={area.gapDecision} canEdit={canEdit} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
