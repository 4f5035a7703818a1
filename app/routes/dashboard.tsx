/**
 * The dashboard: one plan (?plan=<id>) or all plans of the organization (?plan=all), as of
 * any day (?asOf=YYYY-MM-DD, default today), optionally of one owner's activities (?owner=<id>,
 * the activity lists' owner filter). With a single plan in the database, or a single plan running
 * on the day, it opens on that plan.
 * The panels are in app/components/dashboard/; their drill-downs in drill-down.ts there.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requirePermission } from '~/auth.server';
import { formatDate, todayInSofia } from '~/domain/dates';
import { parseActivityFilters } from '~/domain/filters';
import { can } from '~/domain/permissions';
import { periodLabel, periodOf } from '~/domain/quarters';
import { pageTitle, translateWith, useLang, useT } from '~/i18n';
import { cycleStepWords } from '~/i18n/cycle';
import { dashboardWords } from '~/i18n/dashboard';
import type { Dashboard } from '~/domain/dashboard-data';
import { defaultPlanId, getDashboard, listPlanChoices, parseAsOf } from '~/models/dashboard.server';
import { listRecentUpdates } from '~/models/update-feed.server';
import { AreaStates } from '~/components/dashboard/area-states';
import { BurnUp } from '~/components/dashboard/burn-up';
import { CafAssessment } from '~/components/dashboard/caf-assessment';
import { CafChart } from '~/components/dashboard/caf-chart';
import { Controls, OwnerFilterNote } from '~/components/dashboard/controls';
import { drillDownHref, groupFilter, type DrillFilters } from '~/components/dashboard/drill-down';
import { FigureCards } from '~/components/dashboard/figure-cards';
import { GroupChart } from '~/components/dashboard/group-chart';
import { OverdueList } from '~/components/dashboard/overdue-list';
import { OverdueByOwner } from '~/components/dashboard/overdue-owners';
import { OwnerChart } from '~/components/dashboard/owner-chart';
import { RecentUpdates } from '~/components/dashboard/recent-updates';
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
  // The owner filter of the activity lists (the same parameter and schema).
  const { owner } = parseActivityFilters(url.searchParams);
  const recentUpdates = listRecentUpdates({ ...(planId === null ? {} : { plan: planId }), ...(owner === undefined ? {} : { owner }) }, { limit: 5 }).rows;
  return { today, canImport, canManageOwners, dashboard: getDashboard({ planId, owner, asOf, today }), recentUpdates };
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
  const href = (filters: DrillFilters) => drillDownHref(dashboard, today, filters);
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
            {' · '}<Link to="/cycle">{translateWith(lang, cycleStepWords, 'csLink')}</Link>
          </p>
        </div>
        {plan ? (
          <Link to={drillDownHref(dashboard, today, {})} className="button">
            {t('dashOpenPlan')}
          </Link>
        ) : null}
      </div>

      <Controls dashboard={dashboard} today={today} />
      <OwnerFilterNote dashboard={dashboard} today={today} />

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
            <AreaStates groups={dashboard.groups} byPlan={byPlan} hrefFor={(group) => href(groupFilter(group, byPlan))} />
          </div>

          <p className="muted small dashboard__hint">{t('dashClickHint')}</p>

          <div className="dashboard__grid">
            <GroupChart dashboard={dashboard} href={href} kind="overdue" />
            <GroupChart dashboard={dashboard} href={href} kind="progress" />
          </div>
          <CafChart dashboard={dashboard} href={href} />
          {dashboard.assessment ? <CafAssessment caf={dashboard.caf} assessment={dashboard.assessment} /> : null}
          <div className="dashboard__grid section">
            <BurnUp dashboard={dashboard} href={href} />
            <OwnerChart dashboard={dashboard} href={href} />
          </div>
          <RecentUpdates items={recentUpdates} />

          <OverdueList dashboard={dashboard} href={href} />
        </>
      )}
    </div>
  );
}
