import { plural } from '~/i18n/counts';
import type { Progress } from '~/domain/progress';
import { useLang, useT } from '~/i18n';
import { plansWords } from '~/i18n/plans';
import { ActivityTable, type ActivityListRow } from './activity-table';

export type GroupedRow = ActivityListRow & { areaId: number; measureId: number; measureCode: string; measureTitle: string };
export type AreaHeading = { id: number; code: string; title: string; total: number; progress: Progress };

/** Toggles every collapsible group of the page at once. */
export function ExpandCollapseAll() {
  const t = useT(plansWords);
  const toggle = (open: boolean) => {
    document.querySelectorAll<HTMLDetailsElement>('details.area-group, details.measure-group').forEach((d) => {
      d.open = open;
    });
  };
  return (
    <div className="expand-all no-print">
      <button type="button" className="button button--ghost button--small" onClick={() => toggle(true)}>
        {t('trExpandAll')}
      </button>
      <button type="button" className="button button--ghost button--small" onClick={() => toggle(false)}>
        {t('trCollapseAll')}
      </button>
    </div>
  );
}

/**
 * One page of activities as areas -> measures -> activities, each level collapsible, with the
 * counts of all pages in the headings (inArea, inMeasure: matching activities by id). A page
 * may start inside an area or measure (continued): its heading is repeated, marked as such.
 * With a sort other than by code the measures level is dropped so the sort order shows.
 */
export function ActivityGroups({
  areas,
  rows,
  inArea,
  inMeasure,
  continued,
  filtered,
  byMeasure,
  linkSearch,
}: {
  areas: AreaHeading[];
  rows: GroupedRow[];
  inArea: Record<number, number>;
  inMeasure: Record<number, number>;
  continued: { areaId: number | null; measureId: number | null };
  filtered: boolean;
  byMeasure: boolean;
  linkSearch: string;
}) {
  const t = useT(plansWords);
  const lang = useLang();
  const continuedNote = <span className="group-continued"> {t('trContinued')}</span>;
  const shown = areas
    .map((area) => ({ area, rows: rows.filter((row) => row.areaId === area.id) }))
    .filter((group) => group.rows.length > 0);
  return (
    <div className="area-list">
      {shown.map(({ area, rows: areaRows }) => {
        const count = filtered
          ? t('trCountOf', { shown: inArea[area.id] ?? 0, total: plural(area.total, lang, 'activity') })
          : plural(area.total, lang, 'activity');
        const measures = new Map<number, GroupedRow[]>();
        for (const row of areaRows) measures.set(row.measureId, [...(measures.get(row.measureId) ?? []), row]);
        const percent = area.progress.shareDone === null ? null : Math.round(area.progress.shareDone * 100);
        return (
          <details key={area.id} className="area-group card" open>
            <summary className="area-group__summary">
              <span className="area-group__chevron" aria-hidden="true" />
              <span className="area-group__title">
                <span className="area-group__code">{t('trAreaLabel', { code: area.code })}</span> {area.title}
                {continued.areaId === area.id ? continuedNote : null}
              </span>
              <span className="area-group__meta">
                <span className="count-pill">{count}</span>
                {area.progress.overdue > 0 ? (
                  <span className="badge badge--overdue">{t('trOverdueCount', { count: area.progress.overdue })}</span>
                ) : null}
                <span className="area-group__done" title={t('trShareDone')}>
                  {percent === null ? '—' : `${percent}%`} {t('trDoneShort')}
                </span>
              </span>
            </summary>
            {byMeasure ? (
              [...measures.values()].map((measureRows) => {
                const first = measureRows[0]!;
                return (
                  <details key={first.measureId} className="measure-group" open>
                    <summary className="measure-group__summary">
                      <span className="area-group__chevron" aria-hidden="true" />
                      <span className="measure-group__title">
                        <span className="measure-group__code">{first.measureCode}</span> {first.measureTitle}
                        {continued.measureId === first.measureId ? continuedNote : null}
                      </span>
                      <span className="count-pill count-pill--light">
                        {plural(inMeasure[first.measureId] ?? 0, lang, 'activity')}
                      </span>
                    </summary>
                    <ActivityTable rows={measureRows} linkSearch={linkSearch} caption={`${first.measureCode} ${first.measureTitle}`} />
                  </details>
                );
              })
            ) : (
              <ActivityTable rows={areaRows} showMeasure linkSearch={linkSearch} />
            )}
          </details>
        );
      })}
    </div>
  );
}
