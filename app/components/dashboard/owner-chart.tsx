/** The owners with the most overdue activities (then due this quarter) in a chart; a click opens that owner's activities. */
import { useT } from '~/i18n';
import { dashboardWords } from '~/i18n/dashboard';
import type { Dashboard } from '~/domain/dashboard-data';
import { CountBars, type BarRow } from '~/components/charts/bar-chart';
import { DUE_COLOR, OVERDUE_COLOR } from '~/components/charts/chart-frame';
import { ChartCard } from './chart-card';
import { DataTable } from './data-tables';
import type { DrillHref } from './drill-down';

export function OwnerChart({ dashboard, href }: { dashboard: Dashboard; href: DrillHref }) {
  const t = useT(dashboardWords);
  const rows: BarRow<'overdue' | 'due'>[] = dashboard.owners.map((owner) => ({
    id: String(owner.id),
    label: owner.name,
    title: owner.name,
    overdue: owner.overdue,
    due: owner.dueThisQuarter,
  }));
  return (
    <ChartCard id="chart-owners" title={t('dashChartOwners')} note={t('dashTopOwnersNote', { n: dashboard.limits.owners })}>
      {rows.length === 0 ? (
        <p className="muted">{t('dashNoOwners')}</p>
      ) : (
        <>
          <CountBars
            name="owners"
            rows={rows}
            series={[
              { key: 'overdue', label: t('dashSeriesOverdue'), color: OVERDUE_COLOR },
              { key: 'due', label: t('dashSeriesDue'), color: DUE_COLOR },
            ]}
            label={t('dashChartOwners')}
            loading={t('dashLoadingChart')}
            hrefFor={(row, series) => href({ owner: row.id, state: series })}
            layout="rows"
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
      )}
    </ChartCard>
  );
}
