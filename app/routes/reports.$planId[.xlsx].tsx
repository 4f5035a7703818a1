import type { LoaderFunctionArgs } from '@remix-run/node';
import { requirePermission } from '~/auth.server';
import { getLanguage } from '~/language.server';
import { periodKey, periodLabel } from '~/domain/quarters';
import { buildReportXlsx, XLSX_CONTENT_TYPE } from '~/exports/report-xlsx.server';
import { attachment, reportFromRequest } from '~/exports/report-request.server';
import { translateWith } from '~/i18n/core';
import { reportsWords } from '~/i18n/reports';

/** GET /reports/:planId.xlsx?period=2023-Q3 — the report of the period as an Excel workbook. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'report:export');
  const lang = await getLanguage(request, user.language);
  const report = reportFromRequest(request, params.planId, user);
  const bytes = await buildReportXlsx(report, lang);
  const name = translateWith(lang, reportsWords, 'expFileName', { period: periodLabel(report.period, lang), plan: report.plan.title });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': XLSX_CONTENT_TYPE,
      'Content-Disposition': attachment(`report-${report.plan.id}-${periodKey(report.period)}.xlsx`, `${name}.xlsx`),
      'Content-Length': String(bytes.length),
      'Cache-Control': 'private, no-store',
    },
  });
}
