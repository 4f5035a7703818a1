import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requirePermission } from '~/auth.server';
import { formatDate, formatDateTime, todayInSofia } from '~/domain/dates';
import { can } from '~/domain/permissions';
import { periodBounds, periodKey, periodLabel, type PeriodKind } from '~/domain/quarters';
import { pageTitle, useLang, useT, type WordKey } from '~/i18n';
import { reportsWords } from '~/i18n/reports';
import { listPlans } from '~/models/plan.server';
import { defaultReportPeriod, reportablePeriods } from '~/models/report.server';
import reportsCss from '~/styles/reports.css?url';
import { idSchema } from '~/domain/form-input';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reportsCss }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reportsTitle', reportsWords);

const KINDS = ['quarter', 'half', 'year'] as const satisfies readonly PeriodKind[];
const KIND_LABELS: Record<PeriodKind, WordKey<typeof reportsWords>> = { quarter: 'repKindQuarter', half: 'repKindHalf', year: 'repKindYear' };

const querySchema = z.object({
  plan: idSchema.optional().catch(undefined),
  kind: z.enum(KINDS).catch('quarter'),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'report:export');
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const today = todayInSofia();
  const all = listPlans(today); // newest import first
  const plans = all.map((p) => ({
    id: p.id,
    title: p.title,
    period: p.period,
    organization: p.organization,
    importedAt: p.importedAt,
    closed: p.closedOn !== null && p.closedOn <= today,
    /** Another plan has the same title: the choice names the import date too. */
    twin: all.some((other) => other.id !== p.id && other.title === p.title),
  }));
  // Unless one is chosen: the newest running plan, else the newest.
  const plan = plans.find((p) => p.id === query.plan) ?? plans.find((p) => !p.closed) ?? plans[0] ?? null;
  const periods = plan ? reportablePeriods(plan.id, query.kind, today) : [];
  const suggested = defaultReportPeriod(periods, today);
  return {
    plans,
    plan,
    kind: query.kind,
    today,
    suggested: suggested && periodKey(suggested),
    periods: periods.map((period) => {
      const { start, end } = periodBounds(period);
      return { key: periodKey(period), period, start, end, asOf: end < today ? end : today, running: end >= today };
    }),
    canImport: can(user.role, 'status:update-any') || can(user.role, 'status:update-own'),
  };
}

export default function ReportsPage() {
  const { plans, plan, kind, periods, suggested, canImport } = useLoaderData<typeof loader>();
  const t = useT(reportsWords);
  const lang = useLang();
  return (
    <div className="page reports">
      <div className="page-header">
        <h1>{t('reportsTitle')}</h1>
        <div className="reports__header-links">
          {canImport ? (
            <Link to="/reports/import" className="button">
              {t('repImportLink')}
            </Link>
          ) : null}
          <Link to="/calendar" className="button button--ghost">
            {t('repCalendarLink')}
          </Link>
        </div>
      </div>
      {plan === null ? (
        <div className="empty-state card">
          <p>{t('repNoPlans')}</p>
        </div>
      ) : (
        <>
          <Form method="get" className="card reports__chooser">
            <input type="hidden" name="kind" value={kind} />
            {plans.length > 1 ? (
              <div className="field">
                <label htmlFor="report-plan">{t('repPlan')}</label>
                <select id="report-plan" name="plan" defaultValue={plan.id} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
                  {plans.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title}
                      {p.period ? ` (${p.period})` : ''}
                      {p.twin && p.importedAt ? ` · ${t('importedOn').toLowerCase()} ${formatDateTime(p.importedAt, lang)}` : ''}
                      {p.closed ? ` · ${t('repPlanClosed')}` : ''}
                    </option>
                  ))}
                </select>
                <noscript>
                  <button type="submit" className="button button--small">
                    {t('repShow')}
                  </button>
                </noscript>
              </div>
            ) : (
              <div>
                <p className="eyebrow">{plan.organization}</p>
                <h2 className="reports__plan-title">
                  {plan.title}
                  {plan.period ? <span className="muted"> · {plan.period}</span> : null}
                  {plan.closed ? <span className="badge reports__badge">{t('repPlanClosed')}</span> : null}
                </h2>
              </div>
            )}
            <nav className="segmented" aria-label={t('repPeriodKind')}>
              {KINDS.map((k) => (
                <Link key={k} to={`?plan=${plan.id}&kind=${k}`} aria-current={k === kind ? 'page' : undefined} className="segmented__item">
                  {t(KIND_LABELS[k])}
                </Link>
              ))}
            </nav>
          </Form>

          <section className="card table-wrap section" aria-labelledby="periods-heading">
            <h2 id="periods-heading" className="reports__table-title">
              {t('repPeriods')}
            </h2>
            <p className="muted small reports__hint">{t('repPeriodsHint')}</p>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('repPeriod')}</th>
                  <th scope="col">{t('repDates')}</th>
                  <th scope="col">{t('repAsOf')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {periods.map((p) => {
                  const label = periodLabel(p.period, lang);
                  return (
                    <tr key={p.key} className={p.key === suggested ? 'reports__suggested' : undefined}>
                      <th scope="row">
                        {label}
                        {p.key === suggested ? <span className="badge badge--planned reports__badge">{t('repLatest')}</span> : null}
                        {p.running ? <span className="badge badge--due reports__badge">{t('repRunning')}</span> : null}
                      </th>
                      <td>
                        {formatDate(p.start, lang)} – {formatDate(p.end, lang)}
                      </td>
                      <td>{formatDate(p.asOf, lang)}</td>
                      <td>
                        <div className="reports__actions">
                          <a
                            className="button button--primary button--small"
                            href={`/reports/${plan.id}.xlsx?period=${p.key}`}
                            download
                          >
                            {t('repDownloadXlsx')}
                            <span className="visually-hidden">: {label}</span>
                          </a>
                          <Link
                            className="button button--small"
                            to={`/reports/${plan.id}/print?period=${p.key}`}
                          >
                            {t('repPrint')}
                            <span className="visually-hidden">: {label}</span>
                          </Link>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>

          <section className="card section reports__more">
            <h2>{t('repCsvTitle')}</h2>
            <p className="muted">{t('repCsvText')}</p>
            <a className="button button--small" href={`/plans/${plan.id}.csv`} download>
              {t('repCsvWholePlan')}
            </a>
          </section>
        </>
      )}
    </div>
  );
}
