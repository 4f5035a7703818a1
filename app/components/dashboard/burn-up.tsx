/** Planned and actual completions, cumulative by month; a point opens the activities due (or done) in its quarter. */
import { periodKey, periodOf } from '~/domain/quarters';
import { useT } from '~/i18n';
import { dashboardWords } from '~/i18n/dashboard';
import type { Dashboard } from '~/domain/dashboard-data';
import { BurnUpChart, monthLabel } from '~/components/charts/burn-up-chart';
import { ChartCard } from './chart-card';
import { DataTable } from './data-tables';
import type { DrillHref } from './drill-down';

const quarterOfMonth = (month: string) => periodKey(periodOf(`${month}-01`, 'quarter'));

export function BurnUp({ dashboard, href }: { dashboard: Dashboard; href: DrillHref }) {
  const t = useT(dashboardWords);
  const hrefFor = (month: string, line: 'planned' | 'actual') =>
    href(line === 'planned' ? { quarter: quarterOfMonth(month) } : { quarter: quarterOfMonth(month), status: 'done' });
  return (
    <ChartCard id="chart-burnup" title={t('dashChartBurnUp')} note={t('dashBurnUpHint')}>
      {dashboard.burnUp.length === 0 ? (
        <p className="muted">{t('dashNoBurnUp')}</p>
      ) : (
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
      )}
    </ChartCard>
  );
}
