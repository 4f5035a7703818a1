/**
 * The scoring and consensus pages' "previous self-assessment" panel: the previous consensus
 * score of the sub-criterion, its agreed areas for improvement (addressed or not, in words) and
 * the plan's measures and activities on it as of this assessment's start. Closed by default
 * (a <details>), so that it does not crowd the form.
 */
import { formatScore } from '~/domain/assessment-scoring';
import { formatDate } from '~/domain/dates';
import type { PreviousPanel } from '~/domain/plan-follow-up';
import { useLang, useT } from '~/i18n';
import { assessmentWords } from '~/i18n/assessment';
import { statusBadge } from './status-badge';

export function PreviousAssessment({ panel }: { panel: PreviousPanel }) {
  const t = useT(assessmentWords);
  const lang = useLang();
  const { previous, sub, plans } = panel;
  const open = sub.areas.filter((area) => area.outcome !== 'addressed').length;
  const facts = { title: `${previous.title} (${previous.period})`, score: formatScore(sub.score, lang), areas: String(sub.areas.length) };
  const summary =
    plans.length === 0
      ? t('asPrevNoPlan', facts)
      : t('asPrevSummary', { ...facts, open: String(open), done: String(sub.progress.done), counted: String(sub.progress.counted) });
  const measureCode = new Map(sub.measures.map((m) => [m.id, m.code]));
  return (
    <details className="as-previous card">
      <summary>
        <strong>{t('asPrevTitle')}</strong>
        <span className="as-previous__summary">{summary}</span>
      </summary>
      <dl className="as-previous__facts">
        <dt>{t('asPrevScoreThen')}</dt>
        <dd>
          <strong>{formatScore(sub.score, lang)}</strong> ({t(`asSystem_${previous.scoringSystem}`)})
        </dd>
      </dl>
      <h3>{t('asPrevAreas')}</h3>
      {sub.areas.length === 0 ? (
        <p className="muted">{t('asPrevNoAreas')}</p>
      ) : (
        <ul className="as-previous__areas">
          {sub.areas.map((area) => (
            <li key={area.itemId} className={`as-previous__area as-previous__area--${area.outcome}`}>
              {area.text}{' '}
              <span className="as-previous__outcome">
                ({t(`asOutcome_${area.outcome}`)}
                {area.measureIds.length > 0 ? `; ${area.measureIds.map((id) => t('asPrevMeasureOf', { code: measureCode.get(id) ?? '' })).join(', ')}` : ''})
              </span>
            </li>
          ))}
        </ul>
      )}
      {plans.length > 0 ? (
        <>
          <h3>{t('asPrevMeasures', { plans: plans.map((p) => p.title).join(', '), date: formatDate(panel.asOf, lang) })}</h3>
          {sub.measures.length === 0 ? (
            <p className="muted">{t('asPrevNoMeasures')}</p>
          ) : (
            <ul className="as-previous__measures">
              {sub.measures.map((measure) => (
                <li key={measure.id}>
                  <p>
                    <strong>{measure.code}</strong> {measure.title}{' '}
                    <span className="muted small">
                      ({[measure.byCaf ? t('asPrevByCaf') : null, measure.byLink ? t('asPrevByLink') : null].filter(Boolean).join(', ')};{' '}
                      {t('asPrevDone', { done: String(measure.progress.done), counted: String(measure.progress.counted) })})
                    </span>
                  </p>
                  <ul className="as-previous__activities">
                    {measure.activities.map((activity) => (
                      <li key={activity.id}>
                        {statusBadge(activity.status, lang)} <span className="muted">{activity.code}</span> {activity.title}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </details>
  );
}
