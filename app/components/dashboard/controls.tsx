/** The dashboard's filter panel, folded to one line that names the plan and the day shown. */
import { Form, Link, useSubmit } from '@remix-run/react';
import { formatDate } from '~/domain/dates';
import { periodLabel, periodOf } from '~/domain/quarters';
import { useLang, useT } from '~/i18n';
import { dashboardWords } from '~/i18n/dashboard';
import type { Dashboard } from '~/domain/dashboard-data';
import { useAppLinkClick } from '~/components/app-link';
import { OwnerOptions } from '~/components/filters';

/** The dashboard's own URL for another day (the same plan, and the same owner unless owner is given: null for everyone's). */
function selfHref(dashboard: Dashboard, today: string, asOf: string, owner = dashboard.owner): string {
  const params = new URLSearchParams({ plan: dashboard.plan ? String(dashboard.plan.id) : 'all' });
  if (owner !== null) params.set('owner', String(owner));
  if (asOf !== today) params.set('asOf', asOf);
  return `/dashboard?${params}`;
}

/** The owner filter, when one is set: said in full (the folded panel's line may be cut on a phone), with a way back to everyone's. */
export function OwnerFilterNote({ dashboard, today }: { dashboard: Dashboard; today: string }) {
  const t = useT(dashboardWords);
  const owner = dashboard.ownerChoices.find((choice) => choice.id === dashboard.owner);
  if (dashboard.owner === null) return null;
  return (
    <p className="alert alert--info dashboard__owner-filter" role="status">
      <strong>{t('ddOnlyOwner', { owner: owner?.name ?? `#${dashboard.owner}` })}</strong>{' '}
      <Link to={selfHref(dashboard, today, dashboard.asOf, null)} className="button button--small">
        {t('ddEveryOwner')}
      </Link>
    </p>
  );
}

export function Controls({ dashboard, today }: { dashboard: Dashboard; today: string }) {
  const t = useT(dashboardWords);
  const lang = useLang();
  const onLinkClick = useAppLinkClick();
  const submit = useSubmit();
  const byYear = new Map<number, string[]>();
  for (const end of dashboard.quarterEnds) {
    const year = Number(end.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), end]);
  }
  const owner = dashboard.ownerChoices.find((choice) => choice.id === dashboard.owner);
  const planText = `${dashboard.plan ? dashboard.plan.title : t('dashAllPlans')}${owner ? ` · ${owner.name}` : ''}`;
  return (
    <details className="card dashboard__controls no-print">
      <summary className="dashboard__controls-summary">{t('dashFiltersSummary', { plan: planText, date: formatDate(dashboard.asOf, lang) })}</summary>
      <div className="dashboard__controls-body">
      <Form method="get" className="dashboard__form" onChange={(event) => submit(event.currentTarget)}>
        <label className="field">
          <span>{t('dashPlanLabel')}</span>
          <select name="plan" defaultValue={dashboard.plan ? String(dashboard.plan.id) : 'all'}>
            <option value="all">{t('dashAllPlans')}</option>
            {dashboard.plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
                {p.period ? ` (${p.period})` : ''}
                {p.closedOn ? ` · ${t('planClosedMark')}` : ''}
              </option>
            ))}
          </select>
        </label>
        {/* The owner filter of the plan page and the activity list: the same parameter and choices. */}
        <label className="field">
          <span>{t('trFilterOwner')}</span>
          <select name="owner" defaultValue={dashboard.owner ?? ''}>
            <OwnerOptions owners={dashboard.ownerChoices} />
          </select>
        </label>
        <label className="field dashboard__date">
          <span>{t('dashAsOf')}</span>
          <input type="date" name="asOf" defaultValue={dashboard.asOf} max={today} min="2000-01-01" required />
        </label>
        <noscript>
          <button type="submit" className="button">
            {t('dashShow')}
          </button>
        </noscript>
      </Form>
      <nav className="quick-picks" aria-label={t('dashQuarterEnds')}>
        <span className="quick-picks__label">{t('dashQuarterEnds')}:</span>
        {[...byYear].map(([year, ends]) => (
          <span key={year} className="quick-picks__year">
            <span className="quick-picks__year-label">{year}</span>
            {ends.map((end) => {
              const period = periodOf(end, 'quarter');
              const current = end === dashboard.asOf;
              return (
                <a
                  key={end}
                  href={selfHref(dashboard, today, end)}
                  onClick={onLinkClick} data-discover="true"
                  className={current ? 'chip chip--active' : 'chip'}
                  aria-current={current ? 'true' : undefined}
                  title={`${periodLabel(period, lang)} — ${formatDate(end, lang)}`}
                  aria-label={`${periodLabel(period, lang)} (${formatDate(end, lang)})`}
                >
                  {['I', 'II', 'III', 'IV'][period.index - 1]}
                </a>
              );
            })}
          </span>
        ))}
        <Link
          to={selfHref(dashboard, today, today)}
          className={dashboard.asOf === today ? 'chip chip--today chip--active' : 'chip chip--today'}
          aria-current={dashboard.asOf === today ? 'true' : undefined}
        >
          {t('dashToday')}
        </Link>
      </nav>
      </div>
    </details>
  );
}
