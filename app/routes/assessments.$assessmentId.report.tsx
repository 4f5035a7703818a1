import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { dateOfTimestampInSofia, formatDate } from '~/domain/dates';
import type { Lang } from '~/domain/lang';
import { pageTitle, useLang, useT } from '~/i18n';
import { assessmentReportWords } from '~/i18n/assessment-report';
import { requireApprovedReport } from '~/models/assessment-report.server';
import { roundScore, type Scores } from '~/domain/assessment-scoring';
import { ChangeSince } from '~/components/assessment-change';
import { BandKey, ComparisonChart, CriteriaChart, HeatStrip, KindLegend, scoreText } from '~/components/assessment-report-charts';
import reportCss from '~/styles/assessment-report.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reportCss }];

// The title is also the file name a browser offers when the page is saved as PDF.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? `${t('arTitle')} – ${data.report.assessment.title}` : t('arTitle')), assessmentReportWords);

/** GET /assessments/:id/report — the approved self-assessment's report, to read, print (A4) or save as PDF. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report } = await requireApprovedReport(request, params.assessmentId);
  return { report };
}

const day = (ms: number | null, lang: Lang) => (ms === null ? '—' : formatDate(dateOfTimestampInSofia(ms), lang));

function dimensionsText(scores: Scores): string | null {
  const show = (value: number | null | undefined) => (value === null || value === undefined ? '—' : String(value));
  if (scores.plan != null || scores.do != null || scores.check != null || scores.act != null) return [scores.plan, scores.do, scores.check, scores.act].map(show).join(' / ');
  if (scores.trends != null || scores.targets != null) return `${show(scores.trends)} / ${show(scores.targets)}`;
  return null;
}



export default function AssessmentReportPage() {
  const { report } = useLoaderData<typeof loader>();
  const t = useT(assessmentReportWords);
  const lang = useLang();
  const { assessment, members, criteria, previous } = report;
  const fineTuned = assessment.scoringSystem === 'fine_tuned';
  return (
    <div className="page">
      <div className="ar-toolbar no-print">
        <Link to={`/assessments/${assessment.id}`}>← {t('arBack')}</Link>
        <span>
          <a className="button" href={`/assessments/${assessment.id}/report.xlsx`} download>
            {t('arXlsx')}
          </a>{' '}
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t('arPrint')}
          </button>
        </span>
      </div>
      <article className="ar-doc">
        <header>
          <p className="muted">{t('arTitle')}</p>
          <h1>{assessment.title}</h1>
          <dl className="ar-facts">
            <dt>{t('arPeriod')}</dt>
            <dd>{assessment.period}</dd>
            <dt>{t('arScoring')}</dt>
            <dd>{t(fineTuned ? 'arFineTuned' : 'arClassical')}</dd>
            <dt>{t('arStarted')}</dt>
            <dd>{day(assessment.createdAt, lang)}</dd>
            <dt>{t('arApproved')}</dt>
            <dd>
              {day(assessment.approvedAt, lang)}
              {assessment.approvedBy ? ` (${assessment.approvedBy})` : ''}
            </dd>
            <dt>{t('arGroup')}</dt>
            <dd>{members.map((m) => (m.membership === 'chair' ? `${m.name} (${t('arChair')})` : m.name)).join(', ')}</dd>
          </dl>
        </header>
        <div className="ar-totals">
          <div className="ar-total">
            {t('arOverall')}
            <strong>{scoreText(report.overall)}</strong>
          </div>
          <div className="ar-total">
            {t('arEnablers')}
            <strong>{scoreText(report.enablers)}</strong>
          </div>
          <div className="ar-total">
            {t('arResults')}
            <strong>{scoreText(report.results)}</strong>
          </div>
        </div>
        <div className="ar-charts">
          <section>
            <h2>{t('arByCriterion')}</h2>
            <CriteriaChart criteria={criteria} lang={lang} words={{ enablers: t('arEnablers'), results: t('arResults'), loading: t('arLoadingChart'), label: t('arByCriterion') }} />
            <KindLegend words={{ enablers: t('arEnablers'), results: t('arResults') }} />
          </section>
          <section>
            <h2>{t('arOverview')}</h2>
            <HeatStrip criteria={criteria} lang={lang} />
            <BandKey />
          </section>
        </div>
        {previous ? (
          <section>
            <h2>{t('arCompared', { title: previous.title, period: previous.period })}</h2>
            <ComparisonChart
              criteria={criteria}
              words={{ this: t('arThis'), previous: t('arPrevious'), loading: t('arLoadingChart'), label: t('arCompared', { title: previous.title, period: previous.period }) }}
            />
          </section>
        ) : null}
        {report.change ? <ChangeSince change={report.change} /> : null}
        {criteria.map((criterion) => (
          <section key={criterion.code} className="ar-criterion">
            <h2>
              <span>
                {criterion.code}. {criterion.title[lang]}
              </span>
              <span className="ar-sub__score">
                {t('arScore')}: {scoreText(criterion.score)}
              </span>
            </h2>
            {criterion.subCriteria.map((sub) => {
              const dimensions = dimensionsText(sub.scores);
              return (
                <div key={sub.code} className="ar-sub">
                  <h3>
                    <span>
                      {sub.code} {sub.title[lang]}
                    </span>
                    <span className="ar-sub__score">
                      {dimensions ? <span className="muted small">{dimensions} → </span> : null}
                      <strong>{scoreText(sub.score)}</strong>
                      {sub.previous !== null ? <span className="muted small"> ({t('arPrevious')}: {roundScore(sub.previous)})</span> : null}
                    </span>
                  </h3>
                  <div className="ar-sub__lists">
                    <div>
                      <h4>{t('arStrengths')}</h4>
                      {sub.strengths.length > 0 ? <ul>{sub.strengths.map((item) => <li key={item}>{item}</li>)}</ul> : <p className="muted small">{t('arNone')}</p>}
                    </div>
                    <div>
                      <h4>{t('arImprovements')}</h4>
                      {sub.improvements.length > 0 ? <ul>{sub.improvements.map((item) => <li key={item}>{item}</li>)}</ul> : <p className="muted small">{t('arNone')}</p>}
                    </div>
                  </div>
                </div>
              );
            })}
          </section>
        ))}
        <p className="muted small">{t('arBands')}</p>
      </article>
    </div>
  );
}
