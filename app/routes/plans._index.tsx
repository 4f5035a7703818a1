import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { requirePermission } from '~/auth.server';
import { formatDate, formatDateTime } from '~/domain/dates';
import { plural } from '~/i18n/counts';
import { can } from '~/domain/permissions';
import { pageTitle, useLang, useT } from '~/i18n';
import { plansWords } from '~/i18n/plans';
import { listPlans } from '~/models/plan.server';
import { ProgressBar } from '~/components/progress-bar';
import { DraftBadge } from '~/components/draft-plan-notice';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'navPlans');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read');
  return { plans: listPlans(), canImport: can(user.role, 'plan:import') };
}

export default function PlansPage() {
  const { plans, canImport } = useLoaderData<typeof loader>();
  const t = useT(plansWords);
  const lang = useLang();
  const [searchParams] = useSearchParams();
  return (
    <div className="page">
      {searchParams.get('deleted') === '1' ? (
        <p className="alert alert--success" role="status">
          {t('planDeleted')}
        </p>
      ) : null}
      <div className="page-header">
        <h1>{t('plansTitle')}</h1>
        {canImport ? (
          <Link to="/plans/import" className="button button--primary">
            {t('importPlan')}
          </Link>
        ) : null}
      </div>
      {plans.length === 0 ? (
        <div className="empty-state card">
          <p>{canImport ? t('plansEmpty') : t('plansEmptyViewer')}</p>
          {canImport ? (
            <Link to="/plans/import" className="button button--primary">
              {t('importPlan')}
            </Link>
          ) : null}
        </div>
      ) : (
        <ul className="plan-list">
          {plans.map((plan) => {
            const counted = plan.activities - plan.cancelled;
            return (
              <li key={plan.id} className="card plan-card">
                <div className="plan-card__main">
                  <p className="eyebrow">{plan.organization}</p>
                  <h2>
                    <Link to={`/plans/${plan.id}`}>{plan.title}</Link> {plan.status === 'draft' ? <DraftBadge /> : null}
                    {plan.closedOn ? <span className="badge badge--muted plan-card__closed">{t('planClosedBadge', { date: formatDate(plan.closedOn, lang) })}</span> : null}
                  </h2>
                  <p className="muted">
                    {plan.period ? `${t('period')}: ${plan.period} · ` : ''}
                    {plural(plan.areas, lang, 'area')} ·{' '}
                    {plural(plan.measures, lang, 'measure')} · {plural(plan.activities, lang, 'activity')}
                  </p>
                  {plan.importedAt ? (
                    <p className="muted small">
                      {t('importedOn')} {formatDateTime(plan.importedAt, lang)}
                      {plan.sourceFileName ? ` · ${plan.sourceFileName}` : ''}
                    </p>
                  ) : null}
                </div>
                <div className="plan-card__stats">
                  <div className="stat">
                    <span className="stat__value">{plan.done}</span>
                    <span className="stat__label">{t('done')}</span>
                  </div>
                  <div className={plan.overdue > 0 ? 'stat stat--alert' : 'stat'}>
                    <span className="stat__value">{plan.overdue}</span>
                    <span className="stat__label">{t('overdue')}</span>
                  </div>
                  <ProgressBar value={counted > 0 ? plan.done / counted : null} label={t('progress')} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
