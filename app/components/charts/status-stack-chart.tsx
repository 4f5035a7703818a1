import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNavigate } from '@remix-run/react';
import { STATUS_LABELS, type Status } from '~/domain/status';
import type { Lang } from '~/domain/lang';
import { AXIS_TEXT, ChartFrame, labelAxisWidth, STACK_ORDER, STATUS_COLORS, legendText, shorten } from './chart-frame';

export type StackRow = {
  key: string;
  /** Axis label, e.g. "Област 1 · 62%". */
  label: string;
  /** Tooltip title: the full name. */
  title: string;
  byStatus: Record<Status, number>;
};

/**
 * Horizontal bars, one per row, stacked by status, each segment with its count written in it
 * and a legend; a click on a segment opens hrefFor(row, status).
 */
export function StatusStackChart({
  name,
  rows,
  lang,
  label,
  loading,
  hrefFor,
  labelWidth = 170,
}: {
  name: string;
  rows: StackRow[];
  lang: Lang;
  label: string;
  loading: string;
  hrefFor: (row: StackRow, status: Status) => string;
  labelWidth?: number;
}) {
  const navigate = useNavigate();
  const data = rows.map((row) => ({ ...row, ...row.byStatus }));
  const height = Math.max(160, rows.length * 38 + 70);
  return (
    <ChartFrame name={name} height={height} label={label} loading={loading}>
      {(width) => (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barCategoryGap={6}>
            <CartesianGrid horizontal={false} stroke="#eef1f5" />
            <XAxis type="number" allowDecimals={false} tick={AXIS_TEXT} />
            <YAxis
              type="category"
              dataKey="label"
              width={labelAxisWidth(labelWidth, width)}
              tick={AXIS_TEXT}
              tickFormatter={(value: string) => shorten(value, Math.floor(labelAxisWidth(labelWidth, width) / 7))}
            />
            <Tooltip
              cursor={{ fill: 'rgba(29, 78, 137, 0.06)' }}
              labelFormatter={(_, payload) => (payload?.[0]?.payload as StackRow | undefined)?.title ?? ''}
              formatter={(value, key) => [value as number, STATUS_LABELS[key as Status]?.[lang] ?? String(key)]}
            />
            <Legend itemSorter={null} formatter={(value: string) => legendText(STATUS_LABELS[value as Status]?.[lang] ?? value)} wrapperStyle={{ fontSize: 13 }} />
            {STACK_ORDER.map((status) => (
              <Bar
                key={status}
                dataKey={status}
                name={status}
                stackId="status"
                fill={STATUS_COLORS[status].fill}
                cursor="pointer"
                isAnimationActive={false}
                onClick={(entry) => navigate(hrefFor(entry.payload as StackRow, status))}
              >
                <LabelList
                  dataKey={status}
                  position="center"
                  fill={STATUS_COLORS[status].text}
                  fontSize={12}
                  fontWeight={600}
                  formatter={(value) => (typeof value === 'number' && value > 0 ? value : '')}
                />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFrame>
  );
}
