import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requirePermission } from '~/auth.server';
import { formatDate, todayInSofia } from '~/domain/dates';
import { isFiltered, parseActivityFilters } from '~/domain/filters';
import { plural } from '~/i18n/counts';
import { pageTitle, useLang, useT } from '~/i18n';
import { plansWords } from '~/i18n/plans';
import { filterOptions, listActivities } from '~/models/activity-list.server';
import { countPlansClosedBy } from '~/models/plan.server';
import { ActivityFiltersForm } from '~/components/filters';
import { ActivityTable } from '~/components/activity-table';
import trackingCss from '~/styles/tracking.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trackingCss }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'activities');

/** Activities across all plans (or one, with plan=), with the plan page's filters: the dashboard drills down here. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'plan:read');
  const filters = parseActivityFilters(new URL(request.url).searchParams);
  const today = todayInSofia();
  // Without a plan filter the list holds the plans running on the day: say how many closed ones it leaves out.
  const closedPlans = filters.plan ? 0 : countPlansClosedBy(filters.asOf ?? today);
  return { filters, today, rows: listActivities(filters), choices: filterOptions(filters.plan), closedPlans };
}

export default function ActivitiesPage() {
  const { filters, today, rows, choices, closedPlans } = useLoaderData<typeof loader>();
  const t = useT(plansWords);
  const lang = useLang();
  const asOf = filters.asOf ?? today;
  return (
    <div className="page tracking">
      <div className="page-header">
        <div>
          <h1>{t('trAllActivitiesTitle')}</h1>
          <p className="muted">{t('trAllActivitiesLead')}</p>
        </div>
      </div>
      <ActivityFiltersForm key={JSON.stringify(filters)} filters={filters} choices={choices} action="/activities" today={today} />
      <div className="result-bar" id="activities">
        <p className="result-bar__count" role="status">
          {plural(rows.length, lang, 'activity')}
          {isFiltered(filters) ? <span className="muted"> · {t('trFilteredNote')}</span> : null}
          {asOf !== today ? <span className="muted"> · {t('trAsOfNote', { date: formatDate(asOf, lang) })}</span> : null}
        </p>
      </div>
      {closedPlans > 0 ? <p className="muted small">{t('trClosedPlansNote', { count: closedPlans })}</p> : null}
      {rows.length === 0 ? (
        <div className="card empty-state">
          <p>{t('trNoMatches')}</p>
          <Link to="/activities" className="button">
            {t('trFilterClear')}
          </Link>
        </div>
      ) : (
        <div className="card card--flush">
          <ActivityTable rows={rows} showPlan={choices.plans.length > 1} showMeasure linkSearch={filters.asOf ? `?asOf=${filters.asOf}` : ''} />
        </div>
      )}
    </div>
  );
}
