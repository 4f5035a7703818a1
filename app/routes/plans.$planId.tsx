import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { requirePermission, requireUser } from '~/auth.server';
import { formatDate, formatDateTime, todayInSofia } from '~/domain/dates';
import { filtersSearch, isFiltered, parseActivityFilters } from '~/domain/filters';
import { plural } from '~/i18n/counts';
import { can } from '~/domain/permissions';
import { STATUS_LABELS, STATUSES } from '~/domain/status';
import { pageTitle, useLang, useT, type MessageKey, type WordKey } from '~/i18n';
import { plansWords } from '~/i18n/plans';
import { getPlanHeader, planPageData } from '~/models/plan-page.server';
import { countPlanStatusUpdates, deletePlan, setPlanClosed } from '~/models/plan.server';
import { ActivityFiltersForm } from '~/components/filters';
import { ActivityGroups, ExpandCollapseAll } from '~/components/activity-groups';
import { Pager } from '~/components/pager';
import { MeasureAnswersList } from '~/components/measure-answers';
import { measureAnswers } from '~/models/improvement-priority.server';
import { approvePlan } from '~/models/plan-draft.server';
import { DraftBadge, DraftPlanNotice } from '~/components/draft-plan-notice';
import { ProgressBar } from '~/components/progress-bar';
import { PlanStructureLinks } from '~/components/plan-structure/structure-items';
import trackingCss from '~/styles/tracking.css?url';
import { readForm } from '~/upload.server';
import { MAX_TITLE_LENGTH, idSchema, typedText } from '~/domain/form-input';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trackingCss }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => data?.plan.title ?? t('repPlan'));

/** ?page=3; anything else is page 1 (a number past the last page shows the last). */
const pageNumber = z.coerce.number().int().catch(1);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read');
  const planId = idSchema.safeParse(params.planId);
  const plan = planId.success ? getPlanHeader(planId.data) : null;
  if (!plan) throw new Response('Not found', { status: 404 });
  const searchParams = new URL(request.url).searchParams;
  const { plan: _ignored, ...filters } = parseActivityFilters(searchParams);
  const today = todayInSofia();
  const asOf = filters.asOf ?? today;
  const page = pageNumber.parse(searchParams.get('page'));
  const { progress, listing, options } = planPageData(plan.id, filters, page);
  const { rows, ...paging } = listing;
  const { plans: _plans, ...choices } = options;
  return {
    plan,
    filters,
    today,
    asOf,
    // Only what the page shows reaches the browser: not the plan, area title and version of every
    // row, nor the list of every plan (the plan page has no plan filter).
    rows: rows.map(({ planId: _plan, planTitle: _planTitle, areaTitle: _areaTitle, version: _version, ...row }) => row),
    paging,
    progress,
    choices,
    answers: measureAnswers(plan.id),
    canImport: can(user.role, 'plan:import'),
    canEdit: can(user.role, 'plan:edit'),
    /** Deleting the plan: allowed, and how many status updates it would take with it (then its title is typed to confirm). */
    deletion: can(user.role, 'plan:delete') ? { statusUpdates: countPlanStatusUpdates(plan.id) } : null,
  };
}

const intentSchema = z.enum(['close', 'reopen', 'approve', 'delete']);

/** Closes the plan as of today, reopens or approves it (plan:edit); deletes it (plan:delete). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user.role, 'plan:edit') && !can(user.role, 'plan:delete')) throw new Response('Forbidden', { status: 403 });
  const planId = idSchema.safeParse(params.planId);
  const form = await readForm(request);
  const intent = intentSchema.safeParse(form.get('intent'));
  if (!intent.success) throw new Response('Unknown action', { status: 400 });
  if (!can(user.role, intent.data === 'delete' ? 'plan:delete' : 'plan:edit')) throw new Response('Forbidden', { status: 403 });
  if (intent.data === 'delete') {
    const typed = typedText(MAX_TITLE_LENGTH).catch('').parse(form.get('confirmTitle') ?? '');
    const outcome = planId.success ? deletePlan(planId.data, typed, user.id) : 'not-found';
    if (outcome === 'not-found') throw new Response('Not found', { status: 404 });
    if (outcome === 'title-needed') return Response.json({ error: 'planDeleteTitleWrong' satisfies WordKey<typeof plansWords> | MessageKey }, { status: 400 });
    return redirect('/plans?deleted=1');
  }
  if (intent.data === 'approve') {
    const outcome = planId.success ? approvePlan(user, planId.data) : 'not-found';
    if (outcome === 'not-found') throw new Response('Not found', { status: 404 });
    return redirect(`/plans/${params.planId}?approved=${outcome === 'approved' ? 1 : 0}`);
  }
  if (!planId.success || !setPlanClosed(planId.data, intent.data === 'close' ? todayInSofia() : null, user.id)) {
    throw new Response('Not found', { status: 404 });
  }
  return redirect(`/plans/${planId.data}`);
}

export default function PlanPage() {
  const { plan, filters, today, asOf, rows, paging, progress, choices, answers, canImport, canEdit, deletion } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ error: WordKey<typeof plansWords> | MessageKey }>();
  const [searchParams] = useSearchParams();
  const reimported = /^(\d+)-(\d+)-(\d+)$/.exec(searchParams.get('reimported') ?? '');
  const t = useT(plansWords);
  const lang = useLang();
  const { overall } = progress;
  const filtered = isFiltered(filters);
  const linkSearch = filters.asOf ? `?asOf=${filters.asOf}` : '';
  const pageHref = (page: number) => {
    const search = new URLSearchParams(filtersSearch(filters));
    if (page > 1) search.set('page', String(page));
    const text = search.toString();
    return `/plans/${plan.id}${text ? `?${text}` : ''}#activities`;
  };
  const count =
    paging.pageCount > 1
      ? t('trPageRange', { from: paging.offset + 1, to: paging.offset + rows.length, total: paging.total }) +
        (filtered ? ` ${t('trPageRangeOfPlan', { total: progress.planTotal })}` : '')
      : filtered
        ? t('trShownOf', { shown: paging.total, total: plural(progress.planTotal, lang, 'activity') })
        : plural(paging.total, lang, 'activity');
  return (
    <div className="page tracking">
      <nav className="breadcrumbs" aria-label={t('trBreadcrumbs')}>
        <Link to="/plans">{t('navPlans')}</Link>
      </nav>
      {searchParams.get('imported') === '1' ? (
        <p className="alert alert--success" role="status">
          {t('importDone')}
        </p>
      ) : null}
      {reimported ? (
        <p className="alert alert--success" role="status">
          {t('reimportDone', { added: reimported[1]!, changed: reimported[2]!, archived: reimported[3]! })}
        </p>
      ) : null}
      <div className="plan-actions">
        <Link to={`/dashboard?plan=${plan.id}${filters.asOf ? `&asOf=${filters.asOf}` : ''}`} className="button button--small">
          {t('navDashboard')}
        </Link>
        <Link to={`/reports?plan=${plan.id}`} className="button button--small">
          {t('navReports')}
        </Link>
        <a href={`/plans/${plan.id}.csv${filtersSearch(filters)}`} className="button button--small" download>
          {t('downloadCsv')}
        </a>
        <PlanStructureLinks planId={plan.id} canEdit={canEdit} />
        {canImport ? (
          <Link to={`/plans/import?plan=${plan.id}`} className="button button--small">
            {t('reimport')}
          </Link>
        ) : null}
        {canEdit && !plan.closedOn ? (
          <Form
            method="post"
            onSubmit={(event) => {
              if (!window.confirm(t('planCloseConfirm'))) event.preventDefault();
            }}
          >
            <button type="submit" name="intent" value="close" className="button button--small">
              {t('planClose')}
            </button>
          </Form>
        ) : null}
        {deletion ? (
          <details className="plan-delete" open={actionData?.error === 'planDeleteTitleWrong'}>
            <summary className="button button--small">{t('planDelete')}</summary>
            <Form
              method="post"
              className="plan-delete__form"
              onSubmit={(event) => {
                if (!window.confirm(t('planDeleteConfirm'))) event.preventDefault();
              }}
            >
              <p>{t('planDeleteExplain')}</p>
              {deletion.statusUpdates > 0 ? (
                <label>
                  {t('planDeleteTypeTitle', { count: deletion.statusUpdates, title: plan.title })}
                  <input type="text" name="confirmTitle" required autoComplete="off" />
                </label>
              ) : null}
              {actionData?.error ? (
                <p className="alert alert--error" role="alert">
                  {t(actionData.error)}
                </p>
              ) : null}
              <button type="submit" name="intent" value="delete" className="button button--small button--danger">
                {t('planDelete')}
              </button>
            </Form>
          </details>
        ) : null}
      </div>
      <header className="plan-header">
        <p className="eyebrow">{plan.organization}</p>
        <h1>
          {plan.title} {plan.status === 'draft' ? <DraftBadge /> : null}
        </h1>
        <dl className="plan-header__facts">
          {plan.period ? (
            <div>
              <dt>{t('period')}</dt>
              <dd>{plan.period}</dd>
            </div>
          ) : null}
          {plan.approvedBy || plan.approvedOn ? (
            <div>
              <dt>{t('trApproved')}</dt>
              <dd>
                {plan.approvedBy ?? ''}
                {plan.approvedOn ? `${plan.approvedBy ? ', ' : ''}${formatDate(plan.approvedOn, lang)}` : ''}
              </dd>
            </div>
          ) : null}
          {plan.sourceFileName ? (
            <div>
              <dt>{t('trSourceFile')}</dt>
              <dd>
                {plan.sourceFileName}
                {plan.importedAt ? <span className="muted"> · {t('importedOn')} {formatDateTime(plan.importedAt, lang)}</span> : null}
              </dd>
            </div>
          ) : null}
        </dl>
      </header>
      <DraftPlanNotice draft={plan.status === 'draft'} canApprove={canEdit} />
      {plan.closedOn ? (
        <div className="alert alert--info plan-closed" role="status">
          <p>{t('planClosedOn', { date: formatDate(plan.closedOn, lang) })}</p>
          {canEdit ? (
            <Form method="post">
              <button type="submit" name="intent" value="reopen" className="button button--small">
                {t('planReopen')}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}

      <section className="card plan-summary" aria-labelledby="plan-progress">
        <div className="plan-summary__head">
          <h2 id="plan-progress">{t('trProgressAsOf', { date: formatDate(asOf, lang) })}</h2>
          {filtered ? <p className="muted small plan-summary__filtered">{t('ddFiguresOfFiltered', { shown: overall.total, total: progress.planTotal })}</p> : null}
          {asOf !== today ? (
            <Link to={filtersSearch(filters, { asOf: undefined }) || '?'} className="button button--small">
              {t('trBackToToday')}
            </Link>
          ) : null}
        </div>
        <div className="plan-summary__grid">
          <div className="plan-summary__main">
            <p className="plan-summary__label">{t('trShareDone')}</p>
            <ProgressBar value={overall.shareDone} label={t('trShareDone')} />
            <p className="muted small">
              {t('trDoneOfCounted', { done: overall.done, counted: plural(overall.counted, lang, 'activity') })}
              {overall.cancelled ? ` · ${t('trCancelledExcluded', { count: overall.cancelled })}` : ''}
            </p>
          </div>
          <div className="stat">
            <span className="stat__value">{overall.meanPercent === null ? '—' : `${Math.round(overall.meanPercent)}%`}</span>
            <span className="stat__label">{t('trMeanPercent')}</span>
          </div>
          <Link
            to={filtersSearch(filters, { state: 'overdue' })}
            className={overall.overdue > 0 ? 'stat stat--alert stat--link' : 'stat stat--link'}
          >
            <span className="stat__value">{overall.overdue}</span>
            <span className="stat__label">{t('overdue')}</span>
          </Link>
          <ul className="status-counts" aria-label={t('trByStatus')}>
            {STATUSES.map((status) => (
              <li key={status}>
                <Link to={filtersSearch(filters, { status })} className={`badge badge--${status}`}>
                  {STATUS_LABELS[status][lang]}: {overall.byStatus[status]}
                </Link>
              </li>
            ))}
          </ul>
        </div>
        <details className="rule">
          <summary>{t('trProgressRuleTitle')}</summary>
          <p>{t('progressRule')}</p>
        </details>
      </section>
      <MeasureAnswersList answers={answers} />

      <ActivityFiltersForm key={JSON.stringify(filters)} filters={filters} choices={{ ...choices, plans: undefined }} action={`/plans/${plan.id}`} today={today} />

      <div className="result-bar" id="activities">
        <p className="result-bar__count" role="status">
          {count}
          {asOf !== today ? <span className="muted"> · {t('trAsOfNote', { date: formatDate(asOf, lang) })}</span> : null}
        </p>
        <ExpandCollapseAll />
      </div>

      {rows.length === 0 ? (
        <div className="card empty-state">
          <p>{t('trNoMatches')}</p>
          <Link to={`/plans/${plan.id}`} className="button">
            {t('trFilterClear')}
          </Link>
        </div>
      ) : (
        <>
          <ActivityGroups
            areas={progress.areas}
            rows={rows}
            inArea={paging.inArea}
            inMeasure={paging.inMeasure}
            continued={paging.continued}
            filtered={filtered}
            byMeasure={(filters.sort ?? 'code') === 'code'}
            linkSearch={linkSearch}
          />
          <Pager page={paging.page} pageCount={paging.pageCount} href={pageHref} />
        </>
      )}
    </div>
  );
}
