import { Link } from '@remix-run/react';
import { CAF_CRITERIA, criterionScore, formatScore, overallScore } from '~/domain/assessment-scoring';
import { useLang, useT } from '~/i18n';
import { assessmentWords } from '~/i18n/assessment';
import type { SheetProgress } from '~/domain/assessment-data';

/** The consensus scores by criterion, each criterion's mean and the overall mean: the approved assessment's figures. */
export function AssessmentResults({ rows }: { rows: SheetProgress[] }) {
  const t = useT(assessmentWords);
  const lang = useLang();
  const show = (value: number | null | undefined) => formatScore(value, lang);
  const scores = new Map(rows.map((row) => [row.code, row.score]));
  return (
    <section className="section" aria-labelledby="as-results">
      <h2 id="as-results">{t('asResults')}</h2>
      <div className="table-wrap">
        <table className="table as-results">
          <thead>
            <tr>
              <th scope="col">{t('asSubCriterion')}</th>
              <th scope="col" className="num">
                {t('asConsensusScore')}
              </th>
            </tr>
          </thead>
          {CAF_CRITERIA.map((criterion) => (
            <tbody key={criterion.code}>
              <tr className="as-results__criterion">
                <th scope="rowgroup">
                  {criterion.code}. {lang === 'bg' ? criterion.titleBg : criterion.titleEn}
                </th>
                <td className="num" title={t('asCriterionMean')}>
                  {show(criterionScore(criterion.code, scores))}
                </td>
              </tr>
              {criterion.subCriteria.map((sub) => (
                <tr key={sub.code}>
                  <td>
                    <Link to={`consensus/${sub.code}`}>{sub.code}</Link> {lang === 'bg' ? sub.titleBg : sub.titleEn}
                  </td>
                  <td className="num">{show(scores.get(sub.code) ?? null)}</td>
                </tr>
              ))}
            </tbody>
          ))}
          <tfoot>
            <tr>
              <th scope="row">{t('asOverallMean')}</th>
              <td className="num">{show(overallScore(scores))}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
