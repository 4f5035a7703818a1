/**
 * The dashboard: one plan (?plan=<id>) or all plans of the organization (?plan=all), as of
 * any day (?asOf=YYYY-MM-DD, default today). With a single plan in the database, or a single
 * plan running on the day, it opens on that plan.
 *
 * Drill-downs follow the tracking pages' URL contract: one plan → /plans/:id?…, all plans →
 * /activities?plan=…; asOf is passed along whenever the dashboard is not at today.
 * - overdue by area: area=<code>&state=overdue (all plans: plan=<id>&state=overdue)
 * - progress by area: area=<code>&status=<status> (all plans: plan=<id>&status=<status>)
 * - CAF criterion: caf=<criterion>&status=<status>; a sub-criterion chip: caf=<sub-criterion>
 * - owners: owner=<id>&state=overdue | state=due
 * - burn-up, month M: the planned line → quarter=<quarter of M> (activities due that quarter);
 *   the done line → quarter=<quarter of M>&status=done. The list filters by the activities'
 *   end date, so a month opens its whole quarter: the finest period the list offers.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requirePermission } from '~/auth.server';
import { formatDate, todayInSofia } from '~/domain/dates';
import { NOUNS, plural, type Lang } from '~/domain/lang';
import { can } from '~/domain/permissions';
import { PROGRESS_RULE } from '~/domain/progress';
import { periodKey, periodLabel, periodOf } from '~/domain/quarters';
import { STATUS_LABELS, type Status } from '~/domain/status';
import { pageTitle, useLang, useT, type Translate, type WordKey } from '~/i18n';
import { dashboardWords } from '~/i18n/dashboard';
import type { Dashboard } from '~/domain/dashboard-data';
import { defaultPlanId, getDashboard, listPlanChoices, parseAsOf } from '~/models/dashboard.server';
import { BurnUpChart, monthLabel } from '~/components/charts/burn-up-chart';
import { DUE_COLOR, OVERDUE_COLOR, STACK_ORDER, STATUS_COLORS } from '~/components/charts/chart-frame';
import { CountBarChart, type CountRow } from '~/components/charts/count-bar-chart';
import { StatusStackChart, type StackRow } from '~/components/charts/status-stack-chart';
import { useAppLinkClick } from '~/components/app-link';
import { AreaStates } from '~/components/dashboard/area-states';
import { RecentUpdates } from '~/components/dashboard/recent-updates';
import { listRecentUpdates } from '~/models/update-feed.server';
import { Controls } from '~/components/dashboard/controls';
import { OverdueByOwner } from '~/components/dashboard/overdue-owners';
import css from '~/styles/dashboard.css?url';
import { idSchema } from '~/domain/form-input';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'navDashboard');

const querySchema = z.object({
  plan: z.union([z.literal('all'), idSchema]).optional(),
  asOf: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read');
  const url = new URL(request.url);
  const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw new Response('Not found', { status: 404 });
  const today = todayInSofia();
  const asOf = parseAsOf(query.data.asOf ?? null, today);
  const canImport = can(user.role, 'plan:import');
  const canManageOwners = can(user.role, 'owners:manage');
  const plans = listPlanChoices();
  if (plans.length === 0) return { today, canImport, canManageOwners, dashboard: null, recentUpdates: [] };
  const planId = query.data.plan === 'all' ? null : (query.data.plan ?? defaultPlanId(plans, asOf));
  const recentUpdates = listRecentUpdates(planId === null ? {} : { plan: planId }, { limit: 5 }).rows;
  return { today, canImport, canManageOwners, dashboard: getDashboard({ planId, asOf, today }), recentUpdates };
}

type Filters = Partial<Record<'plan' | 'area' | 'owner' | 'status' | 'state' | 'caf' | 'quarter', string | number>>;

/** The filtered activity list behind a bar, a segment or a point. */
export function drillDownHref(dashboard: Pick<Dashboard, 'plan' | 'asOf'>, today: string, filters: Filters): string {
  const params = new URLSearchParams();
  const { plan: planFilter, ...rest } = filters;
  if (!dashboard.plan && planFilter !== undefined) params.set('plan', String(planFilter));
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) params.set(key, String(value));
  if (dashboard.asOf !== today) params.set('asOf', dashboard.asOf);
  const base = dashboard.plan ? `/plans/${dashboard.plan.id}` : '/activities';
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}

export default function DashboardPage() {
  const { dashboard, canImport, canManageOwners, today } = useLoaderData<typeof loader>();
  const t = useT(dashboardWords);
  if (!dashboard) {
    return (
      <div className="page dashboard">
        <div className="page-header">
          <h1>{t('dashTitle')}</h1>
        </div>
        <div className="empty-state card">
          <h2>{t('dashEmptyTitle')}</h2>
          <p>{canImport ? t('dashEmpty') : t('dashEmptyViewer')}</p>
          {canImport ? (
            <Link to="/plans/import" className="button button--primary">
              {t('importPlan')}
            </Link>
          ) : null}
        </div>
      </div>
    );
  }
  return <DashboardView dashboard={dashboard} today={today} canManageOwners={canManageOwners} />;
}

function DashboardView({ dashboard, today, canManageOwners }: { dashboard: Dashboard; today: string; canManageOwners: boolean }) {
  const { recentUpdates } = useLoaderData<typeof loader>();
  const t = useT(dashboardWords);
  const lang = useLang();
  const href = (filters: Filters) => drillDownHref(dashboard, today, filters);
  const { figures, plan } = dashboard;
  const byPlan = plan === null;
  const asOfText = formatDate(dashboard.asOf, lang);

  return (
    <div className="page dashboard">
      <div className="page-header dashboard__header">
        <div>
          <p className="eyebrow">{plan ? `${plan.organization}${plan.period ? ` · ${plan.period}` : ''}` : t('dashTitle')}</p>
          <h1>{plan ? plan.title : t('dashAllPlans')}</h1>
          <p className="muted dashboard__asof">
            {t('dashStateAsOf', { date: asOfText })} · {periodLabel(periodOf(dashboard.asOf, 'quarter'), lang)}
          </p>
        </div>
        {plan ? (
          <Link to={drillDownHref(dashboard, today, {})} className="button">
            {t('dashOpenPlan')}
          </Link>
        ) : null}
      </div>

      <Controls dashboard={dashboard} today={today} />

      {dashboard.asOf !== today ? <p className="alert alert--info">{t('dashHistoryNote', { date: asOfText })}</p> : null}
      {dashboard.closedPlans > 0 && figures.total > 0 ? (
        <p className="muted small">{t('dashClosedPlansNote', { count: dashboard.closedPlans })}</p>
      ) : null}

      {figures.total === 0 ? (
        <div className="empty-state card">
          <p>{dashboard.closedPlans > 0 ? t('dashAllPlansClosed') : t('dashNoActivities')}</p>
        </div>
      ) : (
        <>
          <FigureCards dashboard={dashboard} href={href} />

          <div className="dashboard__grid dashboard__first">
            <OverdueByOwner owners={dashboard.owners} limit={dashboard.limits.owners} canManageOwners={canManageOwners} href={href} />
            <AreaStates groups={dashboard.groups} byPlan={byPlan} hrefFor={(group) => href(byPlan ? { plan: group.planId } : { area: group.areaCode ?? '' })} />
          </div>

          <p className="muted small dashboard__hint">{t('dashClickHint')}</p>

          <div className="dashboard__grid">
            <section className="card chart-card" aria-labelledby="chart-overdue">
              <h2 id="chart-overdue">{t(byPlan ? 'dashChartOverdueByPlan' : 'dashChartOverdueByArea')}</h2>
              {byPlan ? <p className="muted small">{t('dashTopPlansNote', { n: dashboard.limits.plans })}</p> : null}
              <OverdueByGroup dashboard={dashboard} href={href} />
            </section>
            <section className="card chart-card" aria-labelledby="chart-progress">
              <h2 id="chart-progress">{t(byPlan ? 'dashChartProgressByPlan' : 'dashChartProgressByArea')}</h2>
              <ProgressByGroup dashboard={dashboard} href={href} />
            </section>
          </div>

          <section className="card chart-card section" aria-labelledby="chart-caf">
            <h2 id="chart-caf">{t('dashChartCaf')}</h2>
            <p className="muted small">{t('dashCafHint')}</p>
            <ProgressByCaf dashboard={dashboard} href={href} />
          </section>

          <div className="dashboard__grid section">
            <section className="card chart-card" aria-labelledby="chart-burnup">
              <h2 id="chart-burnup">{t('dashChartBurnUp')}</h2>
              <p className="muted small">{t('dashBurnUpHint')}</p>
              <BurnUp dashboard={dashboard} href={href} />
            </section>
            <section className="card chart-card" aria-labelledby="chart-owners">
              <h2 id="chart-owners">{t('dashChartOwners')}</h2>
              <p className="muted small">{t('dashTopOwnersNote', { n: dashboard.limits.owners })}</p>
              <Owners dashboard={dashboard} href={href} />
            </section>
          </div>
          <RecentUpdates items={recentUpdates} />

          <OverdueList dashboard={dashboard} href={href} />
        </>
      )}
    </div>
  );
}

type Tone = 'good' | 'bad' | 'neutral';

function FigureCards({ dashboard, href }: { dashboard: Dashboard; href: (f: Filters) => string }) {
  const t = useT(dashboardWords);
  const lang = useLang();
  const { figures: now, previousFigures: before } = dashboard;
  const since = formatDate(dashboard.previousAsOf, lang);
  const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
  const cards: {
    key: string;
    label: WordKey<typeof dashboardWords>;
    value: string;
    change: number | null;
    points?: boolean;
    upIs: Tone;
    sub?: string;
    to?: string;
    alert?: boolean;
  }[] = [
    {
      key: 'total',
      label: 'dashFigActivities',
      value: String(now.total),
      change: now.total - before.total,
      upIs: 'neutral',
      sub: t('dashSubCancelled', { cancelled: now.cancelled, postponed: now.postponed }),
      to: href({}),
    },
    { key: 'done', label: 'dashFigDone', value: String(now.done), change: now.done - before.done, upIs: 'good', to: href({ status: 'done' }) },
    {
      key: 'in_progress',
      label: 'dashFigInProgress',
      value: String(now.inProgress),
      change: now.inProgress - before.inProgress,
      upIs: 'neutral',
      to: href({ status: 'in_progress' }),
    },
    {
      key: 'planned',
      label: 'dashFigNotStarted',
      value: String(now.planned),
      change: now.planned - before.planned,
      upIs: 'neutral',
      sub: now.lateStart > 0 ? t('dashSubLateStart', { n: now.lateStart }) : undefined,
      to: href({ status: 'planned' }),
    },
    {
      key: 'overdue',
      label: 'dashFigOverdue',
      value: String(now.overdue),
      change: now.overdue - before.overdue,
      upIs: 'bad',
      to: href({ state: 'overdue' }),
      alert: now.overdue > 0,
    },
    {
      key: 'due',
      label: 'dashFigDue',
      value: String(now.dueThisQuarter),
      change: now.dueThisQuarter - before.dueThisQuarter,
      upIs: 'neutral',
      sub: periodLabel(periodOf(dashboard.asOf, 'quarter'), lang),
      to: href({ state: 'due' }),
    },
    {
      key: 'percent',
      label: 'dashFigPercent',
      value: percent(now.shareDone),
      change: now.shareDone === null || before.shareDone === null ? null : Math.round(now.shareDone * 100) - Math.round(before.shareDone * 100),
      points: true,
      upIs: 'good',
      sub: now.meanPercent === null ? undefined : t('dashSubMeanPercent', { n: `${Math.round(now.meanPercent)}%` }),
    },
  ];
  return (
    <section className="figures" aria-label={t('dashStateAsOf', { date: formatDate(dashboard.asOf, lang) })}>
      {cards.map((card) => {
        const tone: Tone = card.change === null || card.change === 0 || card.upIs === 'neutral' ? 'neutral' : (card.change > 0) === (card.upIs === 'good') ? 'good' : 'bad';
        const signed = card.change === null ? null : `${card.change > 0 ? '+' : card.change < 0 ? '−' : ''}${Math.abs(card.change)}`;
        const changeText =
          signed === null
            ? null
            : card.change === 0
              ? t('dashNoChangeSince', { date: since })
              : t('dashChangeSince', { change: card.points ? t('dashPoints', { n: signed }) : signed, date: since });
        const body = (
          <>
            <span className="figure__label">{t(card.label)}</span>
            <span className="figure__value">{card.value}</span>
            {card.key === 'percent' ? (
              <span className="figure__bar" role="progressbar" aria-label={t('dashFigPercent')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={now.shareDone === null ? undefined : Math.round(now.shareDone * 100)}>
                <span style={{ width: `${Math.round((now.shareDone ?? 0) * 100)}%` }} />
              </span>
            ) : null}
            {changeText ? (
              <span className={`figure__change figure__change--${tone}`}>
                {card.change !== null && card.change !== 0 ? <span aria-hidden="true">{card.change > 0 ? '▲ ' : '▼ '}</span> : null}
                {changeText}
              </span>
            ) : null}
            {card.sub ? <span className="figure__sub">{card.sub}</span> : null}
          </>
        );
        return card.to ? (
          <Link key={card.key} to={card.to} className={`card figure figure--link${card.alert ? ' figure--alert' : ''}`} data-figure={card.key}>
            {body}
          </Link>
        ) : (
          <div key={card.key} className="card figure" data-figure={card.key}>
            {body}
            <details className="figure__rule">
              <summary>{t('dashHowCounted')}</summary>
              <p>{PROGRESS_RULE[lang]}</p>
            </details>
          </div>
        );
      })}
    </section>
  );
}

function groupLabel(dashboard: Dashboard, group: Dashboard['groups'][number], t: Translate<WordKey<typeof dashboardWords>>): string {
  return dashboard.plan ? t('dashAreaLabel', { code: group.areaCode ?? '' }) : group.title;
}

function OverdueByGroup({ dashboard, href }: { dashboard: Dashboard; href: (f: Filters) => string }) {
  const t = useT(dashboardWords);
  const groupFilter = (group: Dashboard['groups'][number]): Filters => (dashboard.plan ? { area: group.areaCode ?? '' } : { plan: group.planId });
  const rows: CountRow<'overdue'>[] = dashboard.groups.map((group) => ({
    id: String(group.id),
    label: groupLabel(dashboard, group, t),
    title: dashboard.plan ? `${t('dashAreaLabel', { code: group.areaCode ?? '' })}: ${group.title}` : group.title,
    overdue: group.overdue,
  }));
  const byId = new Map(dashboard.groups.map((group) => [String(group.id), group]));
  return (
    <>
      <CountBarChart
        name="overdue-by-group"
        rows={rows}
        series={[{ key: 'overdue', label: t('dashSeriesOverdue'), color: OVERDUE_COLOR }]}
        label={t(dashboard.plan ? 'dashChartOverdueByArea' : 'dashChartOverdueByPlan')}
        loading={t('dashLoadingChart')}
        hrefFor={(row) => href({ ...groupFilter(byId.get(row.id)!), state: 'overdue' })}
        horizontalList={!dashboard.plan}
      />
      <DataTable
        head={[t(dashboard.plan ? 'dashColArea' : 'dashColPlan'), t('dashSeriesOverdue'), t('dashSeriesDue')]}
        rows={dashboard.groups.map((group) => [
          { text: dashboard.plan ? `${group.areaCode}. ${group.title}` : group.title },
          { text: String(group.overdue), to: href({ ...groupFilter(group), state: 'overdue' }), num: true },
          { text: String(group.dueThisQuarter), to: href({ ...groupFilter(group), state: 'due' }), num: true },
        ])}
      />
    </>
  );
}

function ProgressByGroup({ dashboard, href }: { dashboard: Dashboard; href: (f: Filters) => string }) {
  const t = useT(dashboardWords);
  const lang = useLang();
  const groupFilter = (group: Dashboard['groups'][number]): Filters => (dashboard.plan ? { area: group.areaCode ?? '' } : { plan: group.planId });
  const share = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
  const rows: StackRow[] = dashboard.groups.map((group) => ({
    key: String(group.id),
    label: `${groupLabel(dashboard, group, t)} · ${share(group.shareDone)}`,
    title: dashboard.plan ? `${t('dashAreaLabel', { code: group.areaCode ?? '' })}: ${group.title}` : group.title,
    byStatus: group.byStatus,
  }));
  const byKey = new Map(dashboard.groups.map((group) => [String(group.id), group]));
  return (
    <>
      <StatusStackChart
        name="progress-by-group"
        rows={rows}
        lang={lang}
        label={t(dashboard.plan ? 'dashChartProgressByArea' : 'dashChartProgressByPlan')}
        loading={t('dashLoadingChart')}
        hrefFor={(row, status) => href({ ...groupFilter(byKey.get(row.key)!), status })}
        labelWidth={dashboard.plan ? 140 : 210}
      />
      <StatusTable
        firstColumn={t(dashboard.plan ? 'dashColArea' : 'dashColPlan')}
        rows={dashboard.groups.map((group) => ({
          label: dashboard.plan ? `${group.areaCode}. ${group.title}` : group.title,
          byStatus: group.byStatus,
          total: group.total,
          shareDone: group.shareDone,
          filters: groupFilter(group),
        }))}
        href={href}
      />
    </>
  );
}

function ProgressByCaf({ dashboard, href }: { dashboard: Dashboard; href: (f: Filters) => string }) {
  const t = useT(dashboardWords);
  const lang = useLang();
  const onLinkClick = useAppLinkClick();
  const title = (item: { titleBg: string; titleEn: string }) => (lang === 'bg' ? item.titleBg : item.titleEn);
  const share = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
  const rows: StackRow[] = dashboard.caf.map((criterion) => ({
    key: criterion.code,
    label: `${criterion.code}. ${title(criterion)}${criterion.total > 0 ? ` · ${share(criterion.shareDone)}` : ''}`,
    title: `${t('dashCriterionLabel', { code: criterion.code })}: ${title(criterion)}`,
    byStatus: criterion.byStatus,
  }));
  return (
    <div className="caf">
      <StatusStackChart
        name="progress-by-caf"
        rows={rows}
        lang={lang}
        label={t('dashChartCaf')}
        loading={t('dashLoadingChart')}
        hrefFor={(row, status) => href({ caf: row.key, status })}
        labelWidth={330}
      />
      <ul className="caf-list">
        {dashboard.caf.map((criterion) => (
          <li key={criterion.code} className={criterion.subCriteria.length === 0 ? 'caf-list__item caf-list__item--none' : 'caf-list__item'}>
            <span className="caf-list__criterion">
              {criterion.total > 0 ? (
                <a href={href({ caf: criterion.code })} onClick={onLinkClick} data-discover="true">
                  {criterion.code}. {title(criterion)}
                </a>
              ) : (
                <>
                  {criterion.code}. {title(criterion)}
                </>
              )}
            </span>
            <span className="caf-list__subs">
              {criterion.subCriteria.length === 0 ? (
                <span className="muted small">{t('dashCafNotTouched')}</span>
              ) : (
                criterion.subCriteria.map((sub) => (
                  <a key={sub.code} href={href({ caf: sub.code })} onClick={onLinkClick} data-discover="true" className="chip chip--caf" title={`${sub.code} ${title(sub)}`}>
                    <strong>{sub.code}</strong> {t('dashCafSubCount', { activities: sub.activities })}
                    {sub.overdue > 0 ? <span className="chip__alert"> · {plural(sub.overdue, lang, OVERDUE_FORMS)}</span> : null}
                  </a>
                ))
              )}
            </span>
          </li>
        ))}
      </ul>
      <StatusTable
        firstColumn={t('dashColCriterion')}
        rows={dashboard.caf.map((criterion) => ({
          label: `${criterion.code}. ${title(criterion)}`,
          byStatus: criterion.byStatus,
          total: criterion.total,
          shareDone: criterion.shareDone,
          filters: { caf: criterion.code },
        }))}
        href={href}
      />
    </div>
  );
}

function quarterOfMonth(month: string): string {
  return periodKey(periodOf(`${month}-01`, 'quarter'));
}

function BurnUp({ dashboard, href }: { dashboard: Dashboard; href: (f: Filters) => string }) {
  const t = useT(dashboardWords);
  if (dashboard.burnUp.length === 0) return <p className="muted">{t('dashNoBurnUp')}</p>;
  const hrefFor = (month: string, line: 'planned' | 'actual') =>
    href(line === 'planned' ? { quarter: quarterOfMonth(month) } : { quarter: quarterOfMonth(month), status: 'done' });
  return (
    <>
      <BurnUpChart
        rows={dashboard.burnUp}
        asOfMonth={dashboard.asOf.slice(0, 7)}
        labels={{ planned: t('dashSeriesPlanned'), actual: t('dashSeriesActual'), asOf: t('dashAsOfMarker') }}
        label={t('dashChartBurnUp')}
        loading={t('dashLoadingChart')}
        hrefFor={hrefFor}
      />
      <DataTable
        head={[t('dashColMonth'), t('dashSeriesPlanned'), t('dashSeriesActual')]}
        rows={dashboard.burnUp.map((point) => [
          { text: monthLabel(point.month) },
          { text: String(point.planned), to: hrefFor(point.month, 'planned'), num: true },
          { text: point.actual === null ? '—' : String(point.actual), to: point.actual === null ? undefined : hrefFor(point.month, 'actual'), num: true },
        ])}
      />
    </>
  );
}

function Owners({ dashboard, href }: { dashboard: Dashboard; href: (f: Filters) => string }) {
  const t = useT(dashboardWords);
  if (dashboard.owners.length === 0) return <p className="muted">{t('dashNoOwners')}</p>;
  const rows: CountRow<'overdue' | 'due'>[] = dashboard.owners.map((owner) => ({
    id: String(owner.id),
    label: owner.name,
    title: owner.name,
    overdue: owner.overdue,
    due: owner.dueThisQuarter,
  }));
  return (
    <>
      <CountBarChart
        name="owners"
        rows={rows}
        series={[
          { key: 'overdue', label: t('dashSeriesOverdue'), color: OVERDUE_COLOR },
          { key: 'due', label: t('dashSeriesDue'), color: DUE_COLOR },
        ]}
        label={t('dashChartOwners')}
        loading={t('dashLoadingChart')}
        hrefFor={(row, series) => href({ owner: row.id, state: series === 'overdue' ? 'overdue' : 'due' })}
        horizontalList
      />
      <DataTable
        head={[t('dashColOwner'), t('dashSeriesOverdue'), t('dashSeriesDue')]}
        rows={dashboard.owners.map((owner) => [
          { text: owner.name },
          { text: String(owner.overdue), to: href({ owner: owner.id, state: 'overdue' }), num: true },
          { text: String(owner.dueThisQuarter), to: href({ owner: owner.id, state: 'due' }), num: true },
        ])}
      />
    </>
  );
}

function OverdueList({ dashboard, href }: { dashboard: Dashboard; href: (f: Filters) => string }) {
  const t = useT(dashboardWords);
  const lang = useLang();
  const onLinkClick = useAppLinkClick();
  const { overdue } = dashboard;
  return (
    <section className="card table-wrap section overdue-list" aria-labelledby="overdue-list">
      <div className="overdue-list__header">
        <div>
          <h2 id="overdue-list">
            {t('dashOverdueList')} <span className="badge badge--overdue">{overdue.total}</span>
          </h2>
          <p className="muted small">{overdue.total > 0 ? t('dashOverdueListHint') : t('dashNoOverdue', { date: formatDate(dashboard.asOf, lang) })}</p>
        </div>
        {overdue.total > 0 ? (
          <Link to={href({ state: 'overdue' })} className="button button--small">
            {t('dashSeeAll')} →
          </Link>
        ) : null}
      </div>
      {overdue.rows.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('dashColCode')}</th>
              <th scope="col">{t('dashColActivity')}</th>
              <th scope="col">{t('dashColOwners')}</th>
              <th scope="col">{t('dashColEnd')}</th>
              <th scope="col" className="num">
                {t('dashColDaysOverdue')}
              </th>
              <th scope="col">{t('dashColStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {overdue.rows.map((row) => (
              <tr key={row.id}>
                <td className="nowrap">
                  <a href={`/activities/${row.id}`} onClick={onLinkClick} data-discover="true">
                    {row.code}
                  </a>
                </td>
                <td>
                  <a href={`/activities/${row.id}`} className="overdue-list__title" onClick={onLinkClick} data-discover="true">
                    {row.title}
                  </a>
                  {dashboard.plan ? null : <span className="muted small overdue-list__plan">{row.planTitle}</span>}
                </td>
                <td className="small">{row.owners ?? '—'}</td>
                <td className="nowrap">
                  {formatDate(row.endDate, lang)}
                  {row.baselineEnd && row.baselineEnd !== row.endDate ? (
                    <span className="muted small overdue-list__baseline">{t('dashBaseline', { date: formatDate(row.baselineEnd, lang) })}</span>
                  ) : null}
                </td>
                <td className="num nowrap">
                  <strong className="overdue-list__days">{plural(row.daysOverdue, lang, NOUNS.day)}</strong>
                </td>
                <td>
                  <StatusBadge status={row.status} lang={lang} />
                  {row.percent > 0 && row.status !== 'done' ? <span className="muted small"> {row.percent}%</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {overdue.total > overdue.rows.length ? (
        <p className="muted small overdue-list__more">
          {t('dashShownOf', { shown: overdue.rows.length, total: overdue.total })}{' '}
          <Link to={href({ state: 'overdue' })}>{t('dashSeeAll')} →</Link>
        </p>
      ) : null}
    </section>
  );
}

function StatusBadge({ status, lang }: { status: Status; lang: Lang }) {
  return <span className={`badge badge--${status}`}>{STATUS_LABELS[status][lang]}</span>;
}

const OVERDUE_FORMS = { bg: ['просрочена', 'просрочени'], en: ['overdue', 'overdue'] } as const;

type Cell = { text: string; to?: string; num?: boolean };

/** The numbers of a chart as a table, for keyboards, screen readers and anyone who wants the exact figures. */
function DataTable({ head, rows }: { head: string[]; rows: Cell[][] }) {
  const t = useT(dashboardWords);
  const onLinkClick = useAppLinkClick();
  return (
    <details className="chart-data">
      <summary>{t('dashDataTable')}</summary>
      <table className="table table--compact">
        <thead>
          <tr>
            {head.map((cell, i) => (
              <th key={i} scope="col" className={i > 0 ? 'num' : undefined}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} className={cell.num ? 'num' : undefined}>
                  {cell.to ? (
                    <a href={cell.to} onClick={onLinkClick} data-discover="true">
                      {cell.text}
                    </a>
                  ) : (
                    cell.text
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function StatusTable({
  firstColumn,
  rows,
  href,
}: {
  firstColumn: string;
  rows: { label: string; byStatus: Record<Status, number>; total: number; shareDone: number | null; filters: Filters }[];
  href: (f: Filters) => string;
}) {
  const t = useT(dashboardWords);
  const lang = useLang();
  const onLinkClick = useAppLinkClick();
  return (
    <details className="chart-data">
      <summary>{t('dashDataTable')}</summary>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            {STACK_ORDER.map((status) => (
              <th key={status} scope="col" className="num">
                <span className="legend-swatch" style={{ background: STATUS_COLORS[status].fill }} aria-hidden="true" />
                {STATUS_LABELS[status][lang]}
              </th>
            ))}
            <th scope="col" className="num">
              {t('dashTotal')}
            </th>
            <th scope="col" className="num">
              {t('dashShareDone')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <td>{row.label}</td>
              {STACK_ORDER.map((status) => (
                <td key={status} className="num">
                  {row.byStatus[status] > 0 ? (
                    <a href={href({ ...row.filters, status })} onClick={onLinkClick} data-discover="true">
                      {row.byStatus[status]}
                    </a>
                  ) : (
                    0
                  )}
                </td>
              ))}
              <td className="num">
                {row.total > 0 ? (
                  <a href={href(row.filters)} onClick={onLinkClick} data-discover="true">
                    {row.total}
                  </a>
                ) : (
                  0
                )}
              </td>
              <td className="num">{row.shareDone === null ? '—' : `${Math.round(row.shareDone * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
