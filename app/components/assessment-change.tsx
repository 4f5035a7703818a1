/**
 * The report's section "Change since the previous self-assessment": per criterion and
 * sub-criterion the score before and now, the change, the plan's activities done on it as of
 * this assessment's start, and the areas for improvement that were not addressed (in words).
 */
import { roundScore } from '~/domain/assessment-scoring';
import { formatDate } from '~/domain/dates';
import type { ChangeRow, ChangeSection } from '~/domain/plan-follow-up';
import { useLang, useT } from '~/i18n';
import { assessmentReportWords } from '~/i18n/assessment-report';
import { scoreText } from './assessment-report-charts';

const signed = (value: number | null) => (value === null ? '—' : value > 0 ? `+${roundScore(value)}` : value < 0 ? `−${roundScore(-value)}` : '0');

export function ChangeSince({ change }: { change: ChangeSection }) {
  const t = useT(assessmentReportWords);
  const lang = useLang();
  const system = (fine: boolean) => t(fine ? 'arFineTuned' : 'arClassical');
  const before = change.previous.scoringSystem === 'fine_tuned';
  const done = (row: ChangeRow) =>
    row.counted === 0 ? t('arNoActivities') : t('arDoneOf', { done: String(row.done), counted: String(row.counted), share: `${Math.round((row.shareDone ?? 0) * 100)}%` });
  const unaddressed = change.criteria.flatMap((c) => c.subCriteria).filter((sub) => sub.unaddressed.length > 0);
  const cells = (row: ChangeRow) => (
    <>
      <td className="ar-num">{scoreText(row.previous)}</td>
      <td className="ar-num">{scoreText(row.now)}</td>
      <td className="ar-num">{signed(row.change)}</td>
      <td>{done(row)}</td>
    </>
  );
  return (
    <section className="ar-change" aria-labelledby="ar-change">
      <h2 id="ar-change">{t('arChangeTitle')}</h2>
      <p>
        {t('arChangeIntro', { title: change.previous.title, period: change.previous.period, plans: change.plans.map((p) => p.title).join(', ') || '—', date: formatDate(change.asOf, lang) })}
      </p>
      {change.plans.length === 0 ? <p className="muted">{t('arChangeNoPlan')}</p> : null}
      {change.systemsDiffer ? <p className="muted">{t('arSystemsDiffer', { before: system(before), now: system(!before) })}</p> : null}
      <div className="ar-scroll">
        <table className="ar-change__table">
          <thead>
            <tr>
              <th scope="col">{t('arSubCriterion')}</th>
              <th scope="col">{t('arBefore')}</th>
              <th scope="col">{t('arNow')}</th>
              <th scope="col">{t('arChange')}</th>
              <th scope="col">{t('arActivitiesDone')}</th>
            </tr>
          </thead>
          {change.criteria.map((criterion) => (
            <tbody key={criterion.code}>
              <tr className="ar-change__criterion">
                <th scope="row">
                  {criterion.code}. {criterion.title[lang]}
                </th>
                {cells(criterion)}
              </tr>
              {criterion.subCriteria.map((sub) => (
                <tr key={sub.code}>
                  <th scope="row" title={sub.title[lang]}>
                    {sub.code} <span className="ar-change__title">{sub.title[lang]}</span>
                  </th>
                  {cells(sub)}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <h3>{t('arUnaddressed')}</h3>
      {unaddressed.length === 0 ? (
        <p className="muted">{t('arAllAddressed')}</p>
      ) : (
        <ul className="ar-change__open">
          {unaddressed.flatMap((sub) =>
            sub.unaddressed.map((area) => (
              <li key={area.itemId}>
                <strong>{sub.code}</strong> {area.text} <span className="muted">({t(area.outcome === 'no_measure' ? 'arOutcome_no_measure' : 'arOutcome_nothing_done')})</span>
              </li>
            )),
          )}
        </ul>
      )}
    </section>
  );
}
