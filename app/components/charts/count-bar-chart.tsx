import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNavigate } from '@remix-run/react';
import { AXIS_TEXT, ChartFrame, labelAxisWidth, legendText, shorten } from './chart-frame';

export type CountSeries<K extends string> = { key: K; label: string; color: string };
export type CountRow<K extends string> = { id: string; label: string; title: string } & Record<K, number>;

/**
 * Bars of counts for a few series (overdue; overdue and due this quarter), the count written
 * at the end of each bar; a click opens hrefFor(row, series). Vertical bars for a handful of
 * groups, horizontal ones (layout="horizontal-list") for long names such as owners.
 */
export function CountBarChart<K extends string>({
  name,
  rows,
  series,
  label,
  loading,
  hrefFor,
  horizontalList = false,
  labelWidth = 190,
}: {
  name: string;
  rows: CountRow<K>[];
  series: CountSeries<K>[];
  label: string;
  loading: string;
  hrefFor: (row: CountRow<K>, series: K) => string;
  horizontalList?: boolean;
  labelWidth?: number;
}) {
  const navigate = useNavigate();
  const height = horizontalList ? Math.max(160, rows.length * (series.length * 16 + 14) + 70) : 280;
  const names = new Map(series.map((s) => [s.key as string, s.label]));
  return (
    <ChartFrame name={name} height={height} label={label} loading={loading}>
      {(width) => (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout={horizontalList ? 'vertical' : 'horizontal'}
            margin={{ top: 20, right: 28, bottom: 4, left: 4 }}
            barGap={2}
            barCategoryGap={horizontalList ? 8 : '22%'}
          >
            <CartesianGrid vertical={horizontalList} horizontal={!horizontalList} stroke="#eef1f5" />
            {horizontalList ? (
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
              labelFormatter={(_, payload) => (payload?.[0]?.payload as CountRow<K> | undefined)?.title ?? ''}
              formatter={(value, key) => [value as number, names.get(String(key)) ?? String(key)]}
            />
            {series.length > 1 ? <Legend itemSorter={null} formatter={(value: string) => legendText(names.get(value) ?? value)} wrapperStyle={{ fontSize: 13 }} /> : null}
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.key}
                fill={s.color}
                cursor="pointer"
                isAnimationActive={false}
                maxBarSize={horizontalList ? 16 : 56}
                radius={horizontalList ? [0, 3, 3, 0] : [3, 3, 0, 0]}
                onClick={(entry) => navigate(hrefFor(entry.payload as CountRow<K>, s.key))}
              >
                <LabelList dataKey={s.key} position={horizontalList ? 'right' : 'top'} fill="#1c2430" fontSize={12} fontWeight={600} />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFrame>
  );
}
