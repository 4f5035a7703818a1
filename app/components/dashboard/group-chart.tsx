/**
 * The plan's areas (or, on the all-plans dashboard, the plans) in a chart: how many are
 * overdue in each (kind 'overdue'), or how far each has come, by status (kind 'progress');
 * a click on a bar opens those activities.
 */
import { useLang, useT } from '~/i18n';
import { dashboardWords } from '~/i18n/dashboard';
import type { Dashboard, GroupProgress } from '~/domain/dashboard-data';
import { CountBars, statusSeries, type BarRow } from '~/components/charts/bar-chart';
import { OVERDUE_COLOR } from '~/components/charts/chart-frame';
import { ChartCard } from './chart-card';
import { DataTable, StatusTable } from './data-tables';
import { groupFilter, percentText, type DrillHref } from './drill-down';

export function GroupChart({ dashboard, href, kind }: { dashboard: Dashboard; href: DrillHref; kind: 'overdue' | 'progress' }) {
  const t = useT(dashboardWords);
  const lang = useLang();
  const byPlan = dashboard.plan === null;
  const filtersOf = (group: GroupProgress) => groupFilter(group, byPlan);
  const shortName = (group: GroupProgress) => (byPlan ? group.title : t('dashAreaLabel', { code: group.areaCode ?? '' }));
  const fullName = (group: GroupProgress) => (byPlan ? group.title : `${t('dashAreaLabel', { code: group.areaCode ?? '' })}: ${group.title}`);
  const tableName = (group: GroupProgress) => (byPlan ? group.title : `${group.areaCode}. ${group.title}`);
  const byId = new Map(dashboard.groups.map((group) => [String(group.id), group]));
  const groupOf = (row: { id: string }) => byId.get(row.id)!;
  const firstColumn = t(byPlan ? 'dashColPlan' : 'dashColArea');

  if (kind === 'overdue') {
    const title = t(byPlan ? 'dashChartOverdueByPlan' : 'dashChartOverdueByArea');
    const rows: BarRow<'overdue'>[] = dashboard.groups.map((group) => ({ id: String(group.id), label: shortName(group), title: fullName(group), overdue: group.overdue }));
    return (
      <ChartCard id="chart-overdue" title={title} note={byPlan ? t('dashTopPlansNote', { n: dashboard.limits.plans }) : undefined}>
        <CountBars
          name="overdue-by-group"
          rows={rows}
          series={[{ key: 'overdue', label: t('dashSeriesOverdue'), color: OVERDUE_COLOR }]}
          label={title}
          loading={t('dashLoadingChart')}
          hrefFor={(row) => href({ ...filtersOf(groupOf(row)), state: 'overdue' })}
          layout={byPlan ? 'rows' : 'columns'}
        />
        <DataTable
          head={[firstColumn, t('dashSeriesOverdue'), t('dashSeriesDue')]}
          rows={dashboard.groups.map((group) => [
            { text: tableName(group) },
            { text: String(group.overdue), to: href({ ...filtersOf(group), state: 'overdue' }), num: true },
            { text: String(group.dueThisQuarter), to: href({ ...filtersOf(group), state: 'due' }), num: true },
          ])}
        />
      </ChartCard>
    );
  }

  const title = t(byPlan ? 'dashChartProgressByPlan' : 'dashChartProgressByArea');
  const rows = dashboard.groups.map((group) => ({
    id: String(group.id),
    label: `${shortName(group)} · ${percentText(group.shareDone)}`,
    title: fullName(group),
    ...group.byStatus,
  }));
  return (
    <ChartCard id="chart-progress" title={title}>
      <CountBars
        name="progress-by-group"
        rows={rows}
        series={statusSeries(lang)}
        stacked
        layout="rows"
        label={title}
        loading={t('dashLoadingChart')}
        hrefFor={(row, status) => href({ ...filtersOf(groupOf(row)), status })}
        labelWidth={byPlan ? 210 : 140}
      />
      <StatusTable
        firstColumn={firstColumn}
        rows={dashboard.groups.map((group) => ({ label: tableName(group), byStatus: group.byStatus, total: group.total, shareDone: group.shareDone, filters: filtersOf(group) }))}
        href={href}
      />
    </ChartCard>
  );
}
