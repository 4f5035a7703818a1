import type { LoaderFunctionArgs } from '@remix-run/node';
import { buildAssessmentReportXlsx } from '~/exports/assessment-report-xlsx.server';
import { getLanguage } from '~/language.server';
import { requireApprovedReport } from '~/models/assessment-report.server';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET /assessments/:id/report.xlsx — the approved self-assessment's report as a workbook, in the reader's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, report } = await requireApprovedReport(request, params.assessmentId);
  const lang = await getLanguage(request, user.language);
  const body = await buildAssessmentReportXlsx(report, lang);
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="self-assessment-${report.assessment.id}.xlsx"` },
  });
}
