import { useState } from 'react';
import { CartesianGrid, LabelList, ReferenceArea, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { RATING_MAX, RATING_MIN, RATING_SPLIT } from '~/domain/improvement-priority';
import { useT } from '~/i18n';
import { cycleWords } from '~/i18n/cycle';
import { AXIS_TEXT, ChartFrame } from './chart-frame';

export type GridArea = { itemId: number; code: string; text: string; impact: number | null; feasibility: number | null };
type Cell = { key: string; impact: number; feasibility: number; count: number; label: string; areas: GridArea[] };

const QUICK_WIN_FILL = '#d8f0df';
const POINT_COLOR = '#0f4c81';
const TICKS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);
const DOMAIN: [number, number] = [RATING_MIN - 0.5, RATING_MAX + 0.5];

/** The rated areas gathered by their cell of the grid: one point per cell, labelled with its sub-criteria. */
function cellsOf(areas: GridArea[]): Cell[] {
  const cells = new Map<string, Cell>();
  for (const area of areas) {
    if (area.impact === null || area.feasibility === null) continue;
    const key = `${area.impact}:${area.feasibility}`;
    const cell = cells.get(key) ?? { key, impact: area.impact, feasibility: area.feasibility, count: 0, label: '', areas: [] };
    cell.count += 1;
    cell.areas.push(area);
    cells.set(key, cell);
  }
  return [...cells.values()].map((cell) => {
    const codes = [...new Set(cell.areas.map((area) => area.code))];
    return { ...cell, label: codes.length <= 2 ? codes.join(' ') : `${codes[0]} +${codes.length - 1}` };
  });
}

/**
 * The impact x feasibility grid: each rated area is a point (areas with the same ratings share
 * one, sized by their number and labelled with their sub-criteria), the quick-win quadrant
 * shaded; choosing a point lists its areas below, each a link to its place in the list.
 */
export function PriorityGrid({ areas }: { areas: GridArea[] }) {
  const t = useT(cycleWords);
  const cells = cellsOf(areas);
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const chosen = cells.find((cell) => cell.key === chosenKey) ?? null;
  if (cells.length === 0) return <p className="muted">{t('cyGridEmpty')}</p>;
  return (
    <>
      <ChartFrame name="priority-grid" height={380} label={t('cyGridLabel')} loading={t('cyGridLoading')}>
        {() => (
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ top: 16, right: 24, bottom: 36, left: 8 }}>
              <CartesianGrid stroke="#eef1f5" />
              <ReferenceArea
                x1={RATING_SPLIT}
                x2={DOMAIN[1]}
                y1={RATING_SPLIT}
                y2={DOMAIN[1]}
                fill={QUICK_WIN_FILL}
                fillOpacity={1}
                stroke="#1f7a3f"
                strokeDasharray="4 3"
              />
              <XAxis
                type="number"
                dataKey="feasibility"
                domain={DOMAIN}
                ticks={TICKS}
                tick={AXIS_TEXT}
                label={{ value: `${t('cyFeasibility')} →`, position: 'insideBottom', offset: -24, fill: '#3f4a5a', fontSize: 12 }}
              />
              <YAxis
                type="number"
                dataKey="impact"
                domain={DOMAIN}
                ticks={TICKS}
                tick={AXIS_TEXT}
                width={44}
                label={{ value: `${t('cyImpact')} →`, angle: -90, position: 'insideLeft', offset: 12, fill: '#3f4a5a', fontSize: 12 }}
              />
              <ZAxis type="number" dataKey="count" range={[180, 700]} />
              <Tooltip
                cursor={false}
                content={({ payload }) => {
                  const cell = payload?.[0]?.payload as Cell | undefined;
                  if (!cell) return null;
                  return (
                    <div className="chart-tooltip">
                      <strong>{t('cyCell', { impact: cell.impact, feasibility: cell.feasibility, count: cell.count })}</strong>
                      <div>{[...new Set(cell.areas.map((area) => area.code))].join(', ')}</div>
                    </div>
                  );
                }}
              />
              <Scatter data={cells} isAnimationActive={false} fill={POINT_COLOR} fillOpacity={0.85} cursor="pointer" onClick={(point) => setChosenKey((point as unknown as { payload: Cell }).payload.key)}>
                <LabelList dataKey="count" position="center" fill="#ffffff" fontSize={11} fontWeight={600} />
                <LabelList dataKey="label" position="bottom" offset={14} fill="#1c2430" fontSize={11} />
              </Scatter>
            </ScatterChart>
          </ResponsiveContainer>
        )}
      </ChartFrame>
      <p className="cy-legend small">
        <span className="cy-legend__swatch" aria-hidden="true" /> {t('cyQuickWinLegend')} · {t('cyGridHint')}
      </p>
      <div className="cy-cells" role="group" aria-label={t('cyGrid')}>
        {[...cells]
          .sort((a, b) => b.impact - a.impact || b.feasibility - a.feasibility)
          .map((cell) => (
            <button
              key={cell.key}
              type="button"
              className={cell.key === chosenKey ? 'cy-cell cy-cell--chosen' : 'cy-cell'}
              aria-pressed={cell.key === chosenKey}
              onClick={() => setChosenKey(cell.key)}
            >
              {/* The short text is what shows; its long form is the name (no aria-label, whose words would not match the visible ones). */}
              <span aria-hidden="true">{t('cyCellShort', { impact: cell.impact, feasibility: cell.feasibility, count: cell.count })}</span>
              <span className="visually-hidden">{t('cyCell', { impact: cell.impact, feasibility: cell.feasibility, count: cell.count })}</span>
            </button>
          ))}
      </div>
      {chosen ? (
        <div className="cy-drill card" aria-live="polite">
          <div className="cy-drill__head">
            <strong>{t('cyCell', { impact: chosen.impact, feasibility: chosen.feasibility, count: chosen.count })}</strong>
            <button type="button" className="button button--small" onClick={() => setChosenKey(null)}>
              {t('cyCellClose')}
            </button>
          </div>
          <ul>
            {chosen.areas.map((area) => (
              <li key={area.itemId}>
                <a href={`#area-${area.itemId}`}>
                  <strong>{area.code}</strong> {area.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
