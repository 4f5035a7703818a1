import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { SerializeFrom } from '@remix-run/node';
import { GAP_DECISIONS, quadrantOf, RATING_MAX, RATING_MIN } from '~/domain/improvement-priority';
import { subCriterion } from '~/domain/assessment-scoring';
import { useLang, useT } from '~/i18n';
import { cycleWords } from '~/i18n/cycle';
import type { ImprovementArea, GapDecision } from '~/domain/improvement-priority';

type Area = SerializeFrom<ImprovementArea>;
const RATINGS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);
/** Suggestions of the same sub-criterion are all shown; those of the criterion only this many before "more". */
const NEAR_SHOWN = 3;

function Hidden({ intent, itemId }: { intent: string; itemId: number }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={itemId} />
    </>
  );
}

/** One agreed area for improvement: its sub-criterion and score, the rating, the measures that answer it and (for the chair) suggestions; `choice` its choosing for a draft plan. */
export function ImprovementAreaCard({ area, canEdit, canSeePlans, choice }: { area: Area; canEdit: boolean; canSeePlans: boolean; choice?: ReactNode }) {
  const t = useT(cycleWords);
  const lang = useLang();
  const sub = subCriterion(area.code);
  const quadrant = quadrantOf(area.impact, area.feasibility);
  const same = area.suggestions.filter((s) => s.match === 'sub_criterion');
  const near = area.suggestions.filter((s) => s.match === 'criterion');
  // Those of the criterion only open when nothing closer is there (no measure yet, none of the sub-criterion).
  const nearShown = same.length === 0 && area.measures.length === 0 ? NEAR_SHOWN : 0;
  const suggestion = (s: Area['suggestions'][number]) => (
    <li key={s.measureId}>
      <Form method="post" preventScrollReset className="cy-inline">
        <Hidden intent="link" itemId={area.itemId} />
        <input type="hidden" name="measureId" value={s.measureId} />
        <span>
          <strong>{s.code}</strong> {s.title} <span className="muted small">({t(`cyMatch_${s.match}`)})</span>
        </span>
        <button type="submit" className="button button--small">
          {t('cyConfirmLink')}
        </button>
      </Form>
    </li>
  );
  return (
    <li id={`area-${area.itemId}`} className={`cy-area card${quadrant === 'quick_win' ? ' cy-area--quick' : ''}`}>
      <p className="cy-area__head">
        <span className="cy-code">{area.code}</span> <span className="muted">{sub ? (lang === 'bg' ? sub.titleBg : sub.titleEn) : null}</span> ·{' '}
        <span>{area.score === null ? t('cyUnscored') : t('cySubScore', { score: Math.round(area.score * 10) / 10 })}</span>
        {quadrant ? <span className={`cy-badge cy-badge--${quadrant}`}>{t(`cyQuadrant_${quadrant}`)}</span> : null}
      </p>
      <p className="cy-area__text">{area.text}</p>
      {choice}
      {canEdit ? (
        <Form method="post" preventScrollReset className="cy-rate">
          <Hidden intent="rate" itemId={area.itemId} />
          {(['impact', 'feasibility'] as const).map((field) => (
            <label key={field}>
              {t(field === 'impact' ? 'cyImpact' : 'cyFeasibility')}{' '}
              <select name={field} defaultValue={area[field] ?? ''} required>
                <option value="" disabled>
                  –
                </option>
                {RATINGS.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="submit" className="button button--small">
            {t('cyRate')}
          </button>
        </Form>
      ) : (
        <p className="small">
          {area.impact === null ? t('cyUnrated') : `${t('cyImpactShort', { value: area.impact })} · ${t('cyFeasibilityShort', { value: area.feasibility ?? '' })}`}
        </p>
      )}
      {canSeePlans ? (
        <div className="cy-measures">
          <h3 className="small">{t('cyMeasures')}</h3>
          {area.measures.length === 0 ? (
            <p className="muted small">
              {t('cyNoMeasures')} {t('cyGapDecision')}: <a href="#cy-gaps">{t(`cyGap_${area.gapDecision ?? 'none'}`)}</a>
            </p>
          ) : null}
          <ul>
            {area.measures.map((m) => (
              <li key={m.measureId} className="cy-inline">
                <span>
                  <Link to={`/plans/${m.planId}`}>
                    <strong>{m.code}</strong> {m.title}
                  </Link>{' '}
                  <span className="muted small cy-progress">
                    {m.progress.meanPercent === null
                      ? t('cyMeasureNoActivities')
                      : t('cyMeasureProgress', { percent: `${Math.round(m.progress.meanPercent)}%`, done: m.progress.done, counted: m.progress.counted })}
                  </span>
                </span>
                {canEdit ? (
                  <Form method="post" preventScrollReset>
                    <Hidden intent="unlink" itemId={area.itemId} />
                    <input type="hidden" name="measureId" value={m.measureId} />
                    <button type="submit" className="button button--small button--link">
                      {t('cyUnlink')}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          {canEdit && area.suggestions.length > 0 ? (
            <>
              <h3 className="small">{t('cySuggestions')}</h3>
              <ul className="cy-suggestions">
                {same.map(suggestion)}
                {near.slice(0, nearShown).map(suggestion)}
              </ul>
              {near.length > nearShown ? (
                <details>
                  <summary className="small">{t('cyMoreSuggestions', { count: near.length - nearShown })}</summary>
                  <ul className="cy-suggestions">{near.slice(nearShown).map(suggestion)}</ul>
                </details>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** The chair's decision on an area no measure answers (a select and save), or the decision as text. */
export function GapDecisionForm({ itemId, decision, canEdit }: { itemId: number; decision: GapDecision | null; canEdit: boolean }) {
  const t = useT(cycleWords);
  if (!canEdit) return <span className={decision ? 'cy-badge' : 'cy-badge cy-badge--open'}>{t(`cyGap_${decision ?? 'none'}`)}</span>;
  return (
    <Form method="post" preventScrollReset className="cy-inline">
      <Hidden intent="gap" itemId={itemId} />
      <label>
        <span className="visually-hidden">{t('cyGapDecision')}</span>
        <select name="decision" defaultValue={decision ?? 'none'}>
          {(['none', ...GAP_DECISIONS] as const).map((value) => (
            <option key={value} value={value}>
              {t(`cyGap_${value}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button--small">
        {t('cyDecide')}
      </button>
    </Form>
  );
}
