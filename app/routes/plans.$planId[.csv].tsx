import type { LoaderFunctionArgs } from '@remix-run/node';
import { requirePermission } from '~/auth.server';
import { getLanguage } from '~/language.server';
import { todayInSofia } from '~/domain/dates';
import { parseActivityFilters } from '~/domain/filters';
import { activitiesCsv, CSV_CONTENT_TYPE } from '~/exports/csv.server';
import { attachment } from '~/exports/report-request.server';
import { listActivities } from '~/models/activity-list.server';
import { getPlanHeader } from '~/models/plan-page.server';
import { parseId } from '~/domain/form-input';

/**
 * GET /plans/:planId.csv?<the plan page's filters> — the filtered plan view as CSV for
 * Bulgarian Excel (see app/exports/csv.server.ts); same filters, same order as the page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'report:export');
  const planId = parseId(params.planId);
  const plan = planId ? getPlanHeader(planId) : null;
  if (!plan) throw new Response('Not found', { status: 404 });
  const lang = await getLanguage(request, user.language);
  const { plan: _ignored, ...filters } = parseActivityFilters(new URL(request.url).searchParams);
  const asOf = filters.asOf ?? todayInSofia();
  const csv = activitiesCsv(listActivities(filters, plan.id), lang, asOf);
  return new Response(csv, {
    headers: {
      'Content-Type': CSV_CONTENT_TYPE,
      'Content-Disposition': attachment(`plan-${plan.id}-${asOf}.csv`, `${plan.title} ${asOf}.csv`),
      'Cache-Control': 'private, no-store',
    },
  });
}
