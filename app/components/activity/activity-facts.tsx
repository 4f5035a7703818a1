import { formatDate, formatDateTime } from '~/domain/dates';
import type { ActivityDetail } from '~/domain/activity-detail';
import { plural } from '~/i18n/counts';
import { useLang, useT } from '~/i18n';
import { EndDate, Percent } from '../activity-table';
import { activityPageWords } from './page-words';

/** The activity's fields: where it sits in the plan, CAF, owners, dates, target, progress, source row. */
export function ActivityFacts({ activity }: { activity: ActivityDetail }) {
  const t = useT(activityPageWords);
  const lang = useLang();
  const { state } = activity;
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">{t('trDetails')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('trArea')}</dt>
          <dd>
            {activity.area.code}. {activity.area.title}
          </dd>
        </div>
        <div>
          <dt>{t('trMeasure')}</dt>
          <dd>
            {activity.measure.code} {activity.measure.title}
            {activity.measure.kind ? (
              <span className="badge badge--muted kind-badge">{t(activity.measure.kind === 'quick_win' ? 'trKindQuickWin' : 'trKindStrategic')}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('trCafSubCriterion')}</dt>
          <dd>
            {activity.caf.length === 0 ? (
              <span className="muted">—</span>
            ) : (
              activity.caf.map((c) => (
                <p key={c.code} className="caf-ref">
                  <strong>{c.code}</strong> {lang === 'bg' ? c.titleBg : c.titleEn}
                  {c.criterionTitleBg ? (
                    <span className="muted small">
                      {' '}
                      ({t('trCriterion')} {c.code.split('.')[0]}: {lang === 'bg' ? c.criterionTitleBg : c.criterionTitleEn})
                    </span>
                  ) : null}
                </p>
              ))
            )}
          </dd>
        </div>
        <div>
          <dt>{t('owners')}</dt>
          <dd>
            {activity.owners.length ? (
              <span className="owner-list">
                {activity.owners.map((o) => (
                  <span key={o.id} className="owner-chip">
                    {o.name}
                  </span>
                ))}
              </span>
            ) : (
              <span className="muted">—</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('trStart')}</dt>
          <dd>{activity.ongoing ? t('trOngoing') : formatDate(activity.start, lang)}</dd>
        </div>
        <div>
          <dt>{t('trEnd')}</dt>
          <dd>
            <EndDate end={state.end} baselineEnd={activity.baselineEnd} ongoing={activity.ongoing} />
            {state.slipDays ? (
              <span className="muted small slip-note"> {t('trSlipBy', { days: plural(Math.abs(state.slipDays), lang, 'day') })}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('trBaselineEnd')}</dt>
          <dd>{formatDate(activity.baselineEnd, lang)}</dd>
        </div>
        {activity.indicator ? (
          <div>
            <dt>{t('fieldIndicator')}</dt>
            <dd>{activity.indicator}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('trTarget')}</dt>
          <dd>{activity.target ?? <span className="muted">—</span>}</dd>
        </div>
        {activity.resources ? (
          <div>
            <dt>{t('fieldResources')}</dt>
            <dd>{activity.resources}</dd>
          </div>
        ) : null}
        {activity.ongoingText ? (
          <div>
            <dt>{t('fieldOngoingText')}</dt>
            <dd>{activity.ongoingText}</dd>
          </div>
        ) : null}
        {activity.note ? (
          <div>
            <dt>{t('trNote')}</dt>
            <dd>{activity.note}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('progress')}</dt>
          <dd>
            <Percent value={state.percent} />
            {state.completedOn ? <span className="muted small"> {t('trCompletedOnDate', { date: formatDate(state.completedOn, lang) })}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('trLastUpdate')}</dt>
          <dd>{state.lastUpdateAt ? formatDateTime(state.lastUpdateAt, lang) : <span className="muted">{t('trNoUpdates')}</span>}</dd>
        </div>
        {activity.sourceRow ? (
          <div>
            <dt>{t('trSourceRow')}</dt>
            <dd className="muted">
              {activity.sourceSheet ? `${activity.sourceSheet}, ` : ''}
              {t('trRowNumber', { row: activity.sourceRow })}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
