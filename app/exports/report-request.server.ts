/**
 * What the report routes (.xlsx, print page) share: reading the plan and period from the
 * request into the report data, with 404 for an unknown plan and 400 for a bad period, and
 * the Content-Disposition of downloads.
 */
import { todayInSofia } from '~/domain/dates';
import { parsePeriod } from '~/domain/quarters';
import { defaultReportPeriod, getReportData, reportablePeriods, ReportPeriodError, type ReportData } from '~/models/report.server';
import { parseId } from '~/domain/form-input';
import type { User } from '../../db/schema';

export function reportFromRequest(request: Request, planParam: string | undefined, user: Pick<User, 'name'>): ReportData {
  const planId = parseId(planParam);
  if (!planId) throw new Response('Not found', { status: 404 });
  const today = todayInSofia();
  const key = new URL(request.url).searchParams.get('period');
  const period = key ? parsePeriod(key) : defaultReportPeriod(reportablePeriods(planId, 'quarter', today), today);
  if (!period) throw new Response('Bad period: expected 2023-Q3, 2023-H1 or 2023', { status: 400 });
  try {
    const report = getReportData(planId, period, { preparedBy: user.name, today });
    if (!report) throw new Response('Not found', { status: 404 });
    return report;
  } catch (error) {
    if (error instanceof ReportPeriodError) throw new Response(error.message, { status: 400 });
    throw error;
  }
}

/**
 * `attachment; filename="ascii.xlsx"; filename*=UTF-8''…`: an ASCII name for old clients and
 * the Cyrillic one (RFC 6266 / 5987) for the rest.
 */
export function attachment(asciiName: string, utf8Name: string): string {
  const safe = utf8Name.replace(/[\\/:*?"<>|\u0000-\u001F]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 150);
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
