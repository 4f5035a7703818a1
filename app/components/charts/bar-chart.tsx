import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNavigate } from '@remix-run/react';
import { STATUS_LABELS, type Status } from '~/domain/status';
import type { Lang } from '~/domain/lang';
import { AXIS_TEXT, ChartFrame, labelAxisWidth, legendText, shorten, STACK_ORDER, STATUS_COLORS } from './chart-frame';

/** A series of bars: its key in the rows, its name, its fill and (stacked) the colour of the count written on it. */
export type BarSeries<K extends string> = { key: K; label: string; color: string; textColor?: string };
/** A bar (or a stack of bars): the axis label, the full name (tooltip) and a count per series. */
export type BarRow<K extends string> = { id: string; label: string; title: string } & Record<K, number>;

/** The statuses as stacked series, done first (STACK_ORDER), in the statuses' colours. */
export function statusSeries(lang: Lang): BarSeries<Status>[] {
  return STACK_ORDER.map((status) => ({ key: status, label: STATUS_LABELS[status][lang], color: STATUS_COLORS[status].fill, textColor: STATUS_COLORS[status].text }));
}

/**
 * Bars of counts, the count written on each bar; a click opens hrefFor(row, series).
 * - layout 'columns': vertical bars for a handful of groups, the count above each;
 * - layout 'rows': horizontal bars for long names (owners, plans, CAF criteria), the count after each;
 * - stacked: the series make one bar per row (by status), each segment with its count inside.
 * A legend when there is more than one series.
 */
export function CountBars<K extends string>({
  name,
  rows,
  series,
  label,
  loading,
  hrefFor,
  layout,
  stacked = false,
  labelWidth = 190,
}: {
  name: string;
  rows: BarRow<K>[];
  series: BarSeries<K>[];
  label: string;
  loading: string;
  hrefFor: (row: BarRow<K>, series: K) => string;
  layout: 'columns' | 'rows';
  stacked?: boolean;
  labelWidth?: number;
}) {
  const navigate = useNavigate();
  const byRows = layout === 'rows';
  const rowHeight = stacked ? 38 : series.length * 16 + 14;
  const height = byRows ? Math.max(160, rows.length * rowHeight + 70) : 280;
  const names = new Map(series.map((s) => [s.key as string, s.label]));
  return (
    <ChartFrame name={name} height={height} label={label} loading={loading}>
      {(width) => (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout={byRows ? 'vertical' : 'horizontal'}
            margin={stacked ? { top: 4, right: 16, bottom: 4, left: 4 } : { top: 20, right: 28, bottom: 4, left: 4 }}
            barGap={2}
            barCategoryGap={stacked ? 6 : byRows ? 8 : '22%'}
          >
            <CartesianGrid vertical={byRows} horizontal={!byRows} stroke="#eef1f5" />
            {byRows ? (
              <>
                <XAxis type="number" allowDecimals={false} tick={AXIS_TEXT} />
                <YAxis
                  type="category"
                  dataKey="label"
                  width={labelAxisWidth(labelWidth, width)}
                  tick={AXIS_TEXT}
                  tickFormatter={(value: string) => shorten(value, Math.floor(labelAxisWidth(labelWidth, width) / 7))}
                />
              </>
            ) : (
              <>
                <XAxis dataKey="label" tick={AXIS_TEXT} interval={0} tickFormatter={(value: string) => shorten(value, 22)} />
                <YAxis allowDecimals={false} tick={AXIS_TEXT} width={40} />
              </>
            )}
            <Tooltip
              cursor={{ fill: 'rgba(29, 78, 137, 0.06)' }}
              labelFormatter={(_, payload) => (payload?.[0]?.payload as BarRow<K> | undefined)?.title ?? ''}
              formatter={(value, key) => [value as number, names.get(String(key)) ?? String(key)]}
            />
            {series.length > 1 ? <Legend itemSorter={null} formatter={(value: string) => legendText(names.get(value) ?? value)} wrapperStyle={{ fontSize: 13 }} /> : null}
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.key}
                fill={s.color}
                stackId={stacked ? 'stack' : undefined}
                cursor="pointer"
                isAnimationActive={false}
                maxBarSize={stacked ? undefined : byRows ? 16 : 56}
                radius={stacked ? undefined : byRows ? [0, 3, 3, 0] : [3, 3, 0, 0]}
                onClick={(entry) => navigate(hrefFor(entry.payload as BarRow<K>, s.key))}
              >
                <LabelList
                  dataKey={s.key}
                  position={stacked ? 'center' : byRows ? 'right' : 'top'}
                  fill={stacked ? s.textColor : '#1c2430'}
                  fontSize={12}
                  fontWeight={600}
                  formatter={stacked ? (value) => (typeof value === 'number' && value > 0 ? value : '') : undefined}
                />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFrame>
  );
}
