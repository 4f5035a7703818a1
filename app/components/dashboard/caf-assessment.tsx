/**
 * The plan's progress by CAF criterion beside the latest approved self-assessment's score on it:
 * a table, the criteria with a low score and little progress first, marked in words (not colour
 * alone) and named in a sentence above the table.
 */
import { formatScore } from '~/domain/assessment-scoring';
import type { Dashboard } from '~/domain/dashboard-data';
import { criteriaAttention, LITTLE_PROGRESS, LOW_SCORE } from '~/domain/plan-follow-up';
import { useLang, useT } from '~/i18n';
import { dashboardWords } from '~/i18n/dashboard';
import { ProgressBar } from '~/components/progress-bar';
import { ChartCard } from './chart-card';

export function CafAssessment({ caf, assessment }: Pick<Dashboard, 'caf'> & { assessment: NonNullable<Dashboard['assessment']> }) {
  const t = useT(dashboardWords);
  const lang = useLang();
  const rows = criteriaAttention(caf, assessment.scores);
  const title = (row: { titleBg: string; titleEn: string }) => (lang === 'bg' ? row.titleBg : row.titleEn);
  const out = rows.filter((row) => row.standsOut);
  return (
    <ChartCard
      id="chart-caf-score"
      title={t('dashCafScoreTitle')}
      note={t('dashCafScoreNote', { title: assessment.title, period: assessment.period, low: String(LOW_SCORE), little: `${LITTLE_PROGRESS * 100}%` })}
      className="section"
    >
      <p className={out.length > 0 ? 'caf-score__out' : 'muted'}>
        {out.length > 0 ? t('dashCafScoreOut', { list: out.map((row) => `${row.code}. ${title(row)}`).join('; ') }) : t('dashCafScoreNoneOut')}
      </p>
      <div className="table-wrap">
        <table className="table caf-score">
          <thead>
            <tr>
              <th scope="col">{t('dashColCriterion')}</th>
              <th scope="col">{t('dashColScore')}</th>
              <th scope="col">{t('dashColActivities')}</th>
              <th scope="col">{t('dashColShareDone')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code} className={row.standsOut ? 'caf-score__row--out' : undefined}>
                <td>
                  {row.code}. {title(row)}
                  {row.standsOut ? <strong className="caf-score__flag">⚠ {t('dashStandsOut')}</strong> : null}
                </td>
                <td className="num">{formatScore(row.score, lang)}</td>
                <td className="num">{row.activities}</td>
                <td>
                  <ProgressBar value={row.shareDone} label={`${row.code}. ${title(row)}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}
