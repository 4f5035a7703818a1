/** Progress by CAF criterion, by status, with the sub-criteria the plan's measures answer as chips; a click opens those activities. */
import { plural } from '~/i18n/counts';
import { useLang, useT } from '~/i18n';
import { dashboardWords } from '~/i18n/dashboard';
import type { Dashboard } from '~/domain/dashboard-data';
import { useAppLinkClick } from '~/components/app-link';
import { CountBars, statusSeries } from '~/components/charts/bar-chart';
import { ChartCard } from './chart-card';
import { StatusTable } from './data-tables';
import { percentText, type DrillHref } from './drill-down';


export function CafChart({ dashboard, href }: { dashboard: Dashboard; href: DrillHref }) {
  const t = useT(dashboardWords);
  const lang = useLang();
  const onLinkClick = useAppLinkClick();
  const title = (item: { titleBg: string; titleEn: string }) => (lang === 'bg' ? item.titleBg : item.titleEn);
  const rows = dashboard.caf.map((criterion) => ({
    id: criterion.code,
    label: `${criterion.code}. ${title(criterion)}${criterion.total > 0 ? ` · ${percentText(criterion.shareDone)}` : ''}`,
    title: `${t('dashCriterionLabel', { code: criterion.code })}: ${title(criterion)}`,
    ...criterion.byStatus,
  }));
  return (
    <ChartCard id="chart-caf" title={t('dashChartCaf')} note={t('dashCafHint')} className="section">
      <div className="caf">
        <CountBars
          name="progress-by-caf"
          rows={rows}
          series={statusSeries(lang)}
          stacked
          layout="rows"
          label={t('dashChartCaf')}
          loading={t('dashLoadingChart')}
          hrefFor={(row, status) => href({ caf: row.id, status })}
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
                      {sub.overdue > 0 ? <span className="chip__alert"> · {plural(sub.overdue, lang, 'overdue')}</span> : null}
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
    </ChartCard>
  );
}
