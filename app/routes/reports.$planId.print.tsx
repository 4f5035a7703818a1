import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requirePermission } from '~/auth.server';
import { formatDate } from '~/domain/dates';
import type { Lang } from '~/domain/lang';
import type { Progress } from '~/domain/progress';
import { periodKey, periodLabel } from '~/domain/quarters';
import { STATUS_LABELS, type Status } from '~/domain/status';
import { reportFromRequest } from '~/exports/report-request.server';
import { metaLang, pageTitle, translateWith, useLang, useT } from '~/i18n';
import { reportsWords } from '~/i18n/reports';
import { StatusBadge } from '~/components/status-badge';
import { PageNumbers } from '~/components/page-numbers';
import reportsCss from '~/styles/reports.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reportsCss }];

// The title is also the file name a browser offers when the page is saved as PDF.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [{ title: translateWith(metaLang(matches), reportsWords, 'printPageTitle', { period: periodLabel(data.report.period, metaLang(matches)), plan: data.report.plan.title }) }]
    : pageTitle(matches, 'repDocTitle', reportsWords);

/** GET /reports/:planId/print?period=2023-Q3 — the report as a page to print or save as PDF (A4 landscape). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'report:export');
  return { report: reportFromRequest(request, params.planId, user) };
}

/** Stacking order of the bars, and their colours (same family as the badges). */
const SEGMENTS: { status: Status; color: string }[] = [
  { status: 'done', color: '#1f7a3f' },
  { status: 'in_progress', color: '#5b3fa3' },
  { status: 'planned', color: '#7da7d9' },
  { status: 'postponed', color: '#d08a1f' },
  { status: 'cancelled', color: '#b8c0cc' },
];

function percentText(progress: Progress): string {
  return progress.meanPercent === null ? '—' : `${Math.round(progress.meanPercent)}%`;
}

export default function ReportPrintPage() {
  const { report } = useLoaderData<typeof loader>();
  const t = useT(reportsWords);
  const lang = useLang();
  const label = periodLabel(report.period, lang);
  const key = periodKey(report.period);
  return (
    <div className="report-print">
      <PageNumbers template={t('printPageNumber')} />
      <div className="report-print__toolbar no-print">
        <Link to={`/reports?plan=${report.plan.id}&kind=${report.period.kind}`}>← {t('reportsTitle')}</Link>
        <div className="report-print__toolbar-actions">
          <a className="button" href={`/reports/${report.plan.id}.xlsx?period=${key}`} download>
            {t('repDownloadXlsx')}
          </a>
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t('repPrintNow')}
          </button>
        </div>
      </div>

      <article className="report-doc">
        <header className="report-doc__header">
          <p className="report-doc__org">{report.plan.organization}</p>
          <h1>{t('repDocTitle')}</h1>
          <p className="report-doc__plan">
            {report.plan.title}
            {report.plan.period ? ` (${report.plan.period})` : ''}
          </p>
          <dl className="report-doc__facts">
            <div>
              <dt>{t('repPeriod')}</dt>
              <dd>
                {label} ({formatDate(report.periodStart, lang)} – {formatDate(report.periodEnd, lang)})
              </dd>
            </div>
            <div>
              <dt>{t('repAsOf')}</dt>
              <dd>{formatDate(report.asOf, lang)}</dd>
            </div>
            <div>
              <dt>{t('repPreparedOn')}</dt>
              <dd>{formatDate(report.preparedOn, lang)}</dd>
            </div>
          </dl>
        </header>

        <section className="report-doc__section report-doc__summary" aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t('repSummary')}</h2>
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('repArea')}</th>
                <th scope="col" className="num">{t('activities')}</th>
                <th scope="col" className="num">{t('done')}</th>
                <th scope="col" className="num">{t('repInProgress')}</th>
                <th scope="col" className="num">{t('repNotStarted')}</th>
                <th scope="col" className="num">{t('repPostponed')}</th>
                <th scope="col" className="num">{t('repCancelled')}</th>
                <th scope="col" className="num">{t('overdue')}</th>
                <th scope="col" className="num">{t('repDueInPeriod')}</th>
                <th scope="col" className="num">{t('repPercent')}</th>
              </tr>
            </thead>
            <tbody>
              {report.areas.map((area) => (
                <tr key={area.id}>
                  <th scope="row">
                    {t('repArea')} {area.code}: {area.title}
                  </th>
                  <CountCells progress={area.progress} due={area.dueInPeriod} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('repTotal')}</th>
                <CountCells progress={report.totals} due={report.dueInPeriod} />
              </tr>
            </tfoot>
          </table>
          <p className="report-doc__rule">{t('progressRule')}</p>
        </section>

        <section className="report-doc__section report-doc__charts" aria-labelledby="charts-heading">
          <h2 id="charts-heading">{t('repCharts')}</h2>
          <div className="report-charts">
            <figure className="report-chart">
              <figcaption>{t('repChartStatus')}</figcaption>
              <StatusBars areas={report.areas.map((a) => ({ label: `${t('repArea')} ${a.code}`, progress: a.progress }))} lang={lang} />
            </figure>
            <figure className="report-chart">
              <figcaption>{t('repChartPercent')}</figcaption>
              <PercentBars areas={report.areas.map((a) => ({ label: `${t('repArea')} ${a.code}`, progress: a.progress }))} total={report.totals} totalLabel={t('repTotal')} />
            </figure>
          </div>
        </section>

        <section className="report-doc__section" aria-labelledby="detail-heading">
          <h2 id="detail-heading">{t('repDetail')}</h2>
          {report.areas.map((area) => (
            <div key={area.id} className="report-area">
              <h3>
                {t('repArea')} {area.code}: {area.title}
              </h3>
              <table className="report-table report-table--detail">
                <thead>
                  <tr>
                    <th scope="col">{t('repActivity')}</th>
                    <th scope="col">{t('repDeadline')}</th>
                    <th scope="col">{t('owners')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col" className="num">%</th>
                    <th scope="col">{t('repReportColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {area.measures.map((measure) => (
                    <MeasureRows key={measure.id} measure={measure} lang={lang} />
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>

        <section className="report-doc__signatures" aria-label={t('repSignatures')}>
          <div className="signature">
            <span className="signature__label">{t('repPreparedBy')}:</span>
            <span className="signature__line" />
            <span className="signature__name">{report.preparedBy ?? ''}</span>
            <span className="signature__hint">{t('repSignatureHint')}</span>
          </div>
          <div className="signature">
            <span className="signature__label">{t('repApprovedBy')}:</span>
            <span className="signature__line" />
            <span className="signature__name">{report.plan.approvedBy ?? ''}</span>
            <span className="signature__hint">{t('repSignatureHint')}</span>
          </div>
        </section>
      </article>
    </div>
  );
}

function CountCells({ progress, due }: { progress: Progress; due: number }) {
  return (
    <>
      <td className="num">{progress.total}</td>
      <td className="num">{progress.done}</td>
      <td className="num">{progress.byStatus.in_progress}</td>
      <td className="num">{progress.byStatus.planned}</td>
      <td className="num">{progress.byStatus.postponed}</td>
      <td className="num">{progress.cancelled}</td>
      <td className={progress.overdue > 0 ? 'num report-table__alert' : 'num'}>{progress.overdue}</td>
      <td className="num">{due}</td>
      <td className="num">{percentText(progress)}</td>
    </>
  );
}

type Measure = ReturnType<typeof useLoaderData<typeof loader>>['report']['areas'][number]['measures'][number];

function MeasureRows({ measure, lang }: { measure: Measure; lang: Lang }) {
  const t = useT(reportsWords);
  return (
    <>
      <tr className="report-table__measure">
        <th scope="rowgroup" colSpan={6}>
          {measure.code}. {measure.title}
          {measure.cafRefs.length ? <span className="muted"> · CAF {measure.cafRefs.join(', ')}</span> : null}
        </th>
      </tr>
      {measure.activities.map((a) => (
        <tr key={a.id} className={a.overdue ? 'report-table__overdue' : undefined}>
          <td>
            <span className="report-table__code">{a.code}</span> {a.title}
          </td>
          <td className="report-table__date">
            {a.ongoing && !a.end ? t('repOngoing') : formatDate(a.end, lang)}
            {a.newEnd && a.baselineEnd ? (
              <span className="report-table__baseline">
                {t('repBaseline')}: {formatDate(a.baselineEnd, lang)}
              </span>
            ) : null}
          </td>
          <td>{a.owners.join(', ')}</td>
          <td>
            <StatusBadge status={a.status} />
            {a.overdue ? <span className="badge badge--overdue">{t('overdue')}</span> : null}
            {a.status === 'done' && a.completedOn ? <span className="report-table__baseline">{formatDate(a.completedOn, lang)}</span> : null}
          </td>
          <td className="num">{a.status === 'cancelled' ? '—' : `${a.percent}%`}</td>
          <td className="report-table__comment">{a.comment ?? ''}</td>
        </tr>
      ))}
    </>
  );
}

const BAR = { width: 460, labelWidth: 80, row: 30, bar: 18, top: 6 };

/** Stacked bars: how many activities of each area are in each status. Plain SVG, so it prints as drawn. */
function StatusBars({ areas, lang }: { areas: { label: string; progress: Progress }[]; lang: Lang }) {
  const t = useT(reportsWords);
  const max = Math.max(1, ...areas.map((a) => a.progress.total));
  const plot = BAR.width - BAR.labelWidth - 90; // room for the overdue count after the bar
  const height = BAR.top + areas.length * BAR.row + 4;
  return (
    <div>
      <svg viewBox={`0 0 ${BAR.width} ${height}`} role="img" aria-label={t('repChartStatus')} className="report-chart__svg">
        {areas.map((area, i) => {
          let x = BAR.labelWidth;
          const y = BAR.top + i * BAR.row;
          return (
            <g key={area.label}>
              <text x={0} y={y + BAR.bar - 5} className="report-chart__label">
                {area.label}
              </text>
              {SEGMENTS.map(({ status, color }) => {
                const count = area.progress.byStatus[status];
                if (count === 0) return null;
                const w = (count / max) * plot;
                const rect = (
                  <g key={status}>
                    <rect x={x} y={y} width={w} height={BAR.bar} fill={color}>
                      <title>{`${STATUS_LABELS[status][lang]}: ${count}`}</title>
                    </rect>
                    {w > 16 ? (
                      <text x={x + w / 2} y={y + BAR.bar - 5} textAnchor="middle" className="report-chart__value report-chart__value--inside">
                        {count}
                      </text>
                    ) : null}
                  </g>
                );
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + BAR.bar - 5} className="report-chart__value">
                {area.progress.overdue > 0 ? `${area.progress.overdue} ${t('repOverdueShort')}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="report-chart__legend">
        {SEGMENTS.map(({ status, color }) => (
          <li key={status}>
            <span className="report-chart__swatch" style={{ background: color }} aria-hidden="true" />
            {STATUS_LABELS[status][lang]}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Bars of the mean percent complete per area and for the plan. */
function PercentBars({ areas, total, totalLabel }: { areas: { label: string; progress: Progress }[]; total: Progress; totalLabel: string }) {
  const t = useT(reportsWords);
  const rows = [...areas, { label: totalLabel, progress: total }];
  const plot = BAR.width - BAR.labelWidth - 50;
  const height = BAR.top + rows.length * BAR.row + 4;
  return (
    <svg viewBox={`0 0 ${BAR.width} ${height}`} role="img" aria-label={t('repChartPercent')} className="report-chart__svg">
      {rows.map((row, i) => {
        const y = BAR.top + i * BAR.row;
        const value = row.progress.meanPercent;
        const w = value === null ? 0 : (value / 100) * plot;
        return (
          <g key={row.label}>
            <text x={0} y={y + BAR.bar - 5} className={i === rows.length - 1 ? 'report-chart__label report-chart__label--total' : 'report-chart__label'}>
              {row.label}
            </text>
            <rect x={BAR.labelWidth} y={y} width={plot} height={BAR.bar} fill="#eef1f5" />
            <rect x={BAR.labelWidth} y={y} width={w} height={BAR.bar} fill={i === rows.length - 1 ? '#0f2e52' : '#2563a8'} />
            <text x={BAR.labelWidth + plot + 6} y={y + BAR.bar - 5} className="report-chart__value">
              {percentText(row.progress)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
