/** The overdue activities that ended first, with their owners, end (and baseline) and days late; the rest behind "see all". */
import { Link } from '@remix-run/react';
import { formatDate } from '~/domain/dates';
import { plural } from '~/i18n/counts';
import { useLang, useT } from '~/i18n';
import { dashboardWords } from '~/i18n/dashboard';
import type { Dashboard } from '~/domain/dashboard-data';
import { useAppLinkClick } from '~/components/app-link';
import { statusBadge } from '~/components/status-badge';
import type { DrillHref } from './drill-down';

export function OverdueList({ dashboard, href }: { dashboard: Dashboard; href: DrillHref }) {
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
                  <strong className="overdue-list__days">{plural(row.daysOverdue, lang, 'day')}</strong>
                </td>
                <td>
                  {statusBadge(row.status, lang)}
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
