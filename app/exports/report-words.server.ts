import type { Lang } from '~/domain/lang';
import { reportPeriodLabel } from '~/domain/report-layout';
import { translateWith, type MessageKey, type WordKey } from '~/i18n';
import { reportsWords } from '~/i18n/reports';

/** The report's words in one language: the word store's (app/i18n), and the period label the reader looks for. */
export function reportWords(lang: Lang) {
  const w = (key: WordKey<typeof reportsWords> | MessageKey) => translateWith(lang, reportsWords, key);
  return {
    summarySheet: w('expSummarySheet'),
    detailSheet: w('expDetailSheet'),
    reportTitle: w('expReportTitle'),
    organization: w('remOrganization'),
    plan: w('repPlan'),
    planPeriod: w('expPlanPeriod'),
    reportPeriod: reportPeriodLabel(lang),
    asOf: w('repAsOf'),
    preparedBy: w('repPreparedBy'),
    preparedOn: w('repPreparedOn'),
    approvedBy: w('repApprovedBy'),
    area: w('repArea'),
    activities: w('activities'),
    done: w('done'),
    inProgress: w('repInProgress'),
    notStarted: w('repNotStarted'),
    postponed: w('repPostponed'),
    cancelled: w('repCancelled'),
    overdue: w('overdue'),
    dueInPeriod: w('expDueInPeriod'),
    percent: w('repPercent'),
    total: w('repTotal'),
    ongoing: w('repOngoing'),
    overdueLegend: w('expOverdueLegend'),
    fillHint: w('expFillHint'),
    state: (period: string, start: string, end: string, asOf: string) => translateWith(lang, reportsWords, 'expState', { period, start, end, asOf }),
    page: w('expPageFooter'),
    signature: w('repSignatureHint'),
  };
}
