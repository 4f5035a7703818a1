import type { LoaderFunctionArgs } from '@remix-run/node';
import { requirePermission } from '~/auth.server';
import { parseId } from '~/domain/form-input';
import { buildPlanXlsx } from '~/exports/plan-xlsx.server';
import { XLSX_CONTENT_TYPE } from '~/exports/report-xlsx.server';
import { attachment } from '~/exports/report-request.server';
import { getLanguage } from '~/language.server';
import { getPlanHeader } from '~/models/plan-page.server';
import { getPlanStructure } from '~/models/plan-structure.server';

/**
 * GET /plans/:planId/plan.xlsx — the plan's areas, measures and live activities in the layout
 * the importer reads (app/exports/plan-xlsx.server.ts): edited in Excel, it can be imported again.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'report:export');
  const planId = parseId(params.planId);
  const plan = planId ? getPlanHeader(planId) : null;
  if (!plan) throw new Response('Not found', { status: 404 });
  const lang = await getLanguage(request, user.language);
  const bytes = await buildPlanXlsx({ title: plan.title, period: plan.period, areas: getPlanStructure(plan.id) }, lang);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': XLSX_CONTENT_TYPE,
      'Content-Disposition': attachment(`plan-${plan.id}.xlsx`, `${plan.title}.xlsx`),
      'Content-Length': String(bytes.length),
      'Cache-Control': 'private, no-store',
    },
  });
}
