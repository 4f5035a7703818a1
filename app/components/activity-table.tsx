import { formatDate, formatDateTime } from '~/domain/dates';
import type { ActivityRow } from '~/domain/activity-row';
import { useLang, useT, type Translate, type WordKey } from '~/i18n';
import { plansWords } from '~/i18n/plans';
import { useAppLinkClick } from './app-link';
import { stateBadges, statusBadge } from './status-badge';

/** What a list row shows: an activity as the list query returns it (plan and measure optional). */
export type ActivityListRow = Omit<ActivityRow, 'planId' | 'planTitle' | 'areaId' | 'areaCode' | 'areaTitle' | 'measureId' | 'measureCode' | 'measureTitle' | 'version'> &
  Partial<Pick<ActivityRow, 'planTitle' | 'measureCode' | 'measureTitle'>>;

/** The end date as it stands, with the baseline beside it when the activity was rescheduled. */
export function EndDate(props: { end: string | null; baselineEnd: string | null; ongoing: boolean }) {
  return endDate(props, useT(plansWords), useLang());
}

function endDate(
  { end, baselineEnd, ongoing }: { end: string | null; baselineEnd: string | null; ongoing: boolean },
  t: Translate<WordKey<typeof plansWords>>,
  lang: ReturnType<typeof useLang>,
) {
  if (ongoing) return <span className="muted">{t('trOngoing')}</span>;
  const moved = end !== baselineEnd && baselineEnd !== null;
  return (
    <span className="end-date">
      <span>{formatDate(end, lang)}</span>
      {moved ? (
        <span className="end-date__baseline" title={t('trBaselineEnd')}>
          {t('trBaselineShort')} <s>{formatDate(baselineEnd, lang)}</s>
        </span>
      ) : null}
    </span>
  );
}

export function Percent({ value }: { value: number }) {
  return (
    <span className="mini-progress">
      <span className="mini-progress__track" aria-hidden="true">
        <span className="mini-progress__fill" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </span>
      <span className="mini-progress__value">{value}%</span>
    </span>
  );
}

/** A table of activities; linkSearch keeps the as-of date on the links to the activity pages. */
export function ActivityTable({
  rows,
  showMeasure = false,
  showPlan = false,
  linkSearch = '',
  caption,
}: {
  rows: ActivityListRow[];
  showMeasure?: boolean;
  showPlan?: boolean;
  linkSearch?: string;
  caption?: string;
}) {
  const t = useT(plansWords);
  const lang = useLang();
  const onLinkClick = useAppLinkClick();
  return (
    <div className="table-wrap activity-table-wrap">
      <table className="table activity-table">
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col" className="activity-table__code">
              {t('trCode')}
            </th>
            <th scope="col">{t('trActivity')}</th>
            <th scope="col" className="activity-table__date">
              {t('trStart')}
            </th>
            <th scope="col" className="activity-table__date">
              {t('trEnd')}
            </th>
            <th scope="col">{t('status')}</th>
            <th scope="col" className="activity-table__percent">
              %
            </th>
            <th scope="col">{t('trLastUpdate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.overdue ? 'is-overdue' : undefined}>
              <td className="activity-table__code">
                <a href={`/activities/${row.id}${linkSearch}`} className="code-link" onClick={onLinkClick} data-discover="true">
                  {row.code}
                </a>
              </td>
              <td>
                {showPlan && row.planTitle ? <p className="eyebrow activity-table__plan">{row.planTitle}</p> : null}
                <a href={`/activities/${row.id}${linkSearch}`} className="activity-table__title" onClick={onLinkClick} data-discover="true">
                  {row.title}
                </a>
                {showMeasure && row.measureCode ? (
                  <p className="muted small activity-table__measure">
                    {t('trMeasure')} {row.measureCode} · {row.measureTitle}
                  </p>
                ) : null}
                {row.indicator ? (
                  <p className="muted small activity-table__target">
                    <span className="activity-table__label">{t('fieldIndicator')}:</span> {row.indicator}
                  </p>
                ) : null}
                {row.target ? (
                  <p className="muted small activity-table__target">
                    <span className="activity-table__label">{t('trTarget')}:</span> {row.target}
                  </p>
                ) : null}
                {row.owners.length ? (
                  <p className="owner-list">
                    {row.owners.map((owner) => (
                      <span key={owner.id} className="owner-chip">
                        {owner.name}
                      </span>
                    ))}
                  </p>
                ) : null}
              </td>
              <td className="activity-table__date">{row.ongoing ? <span className="muted">—</span> : formatDate(row.start, lang)}</td>
              <td className="activity-table__date">
                {endDate(row, t, lang)}
              </td>
              <td>
                <div className="badge-stack">
                  {statusBadge(row.status, lang)}
                  {stateBadges(row, t, lang)}
                </div>
              </td>
              <td className="activity-table__percent">
                {Percent({ value: row.percent })}
              </td>
              <td className="activity-table__update">
                {row.lastUpdateAt ? (
                  <>
                    <span>{formatDateTime(row.lastUpdateAt, lang)}</span>
                    {row.lastUpdateBy ? <span className="muted small activity-table__who">{row.lastUpdateBy}</span> : null}
                    {row.lastComment ? (
                      <p className="muted small activity-table__comment" title={row.lastComment}>
                        {row.lastComment}
                      </p>
                    ) : null}
                  </>
                ) : (
                  <span className="muted">{t('trNoUpdates')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
