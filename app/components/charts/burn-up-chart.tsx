import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNavigate } from '@remix-run/react';
import { ACTUAL_LINE_COLOR, AXIS_TEXT, ChartFrame, PLANNED_LINE_COLOR, legendText } from './chart-frame';

export type BurnUpRow = { month: string; planned: number; actual: number | null };

/** 'YYYY-MM' → '03.2022' */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${m}.${year}`;
}

/**
 * Cumulative completions by month: the approved plan (baseline ends) against the activities
 * actually done. Every point is a link: hrefFor(month, 'planned' | 'actual').
 */
export function BurnUpChart({
  rows,
  asOfMonth,
  labels,
  label,
  loading,
  hrefFor,
}: {
  rows: BurnUpRow[];
  asOfMonth: string;
  labels: { planned: string; actual: string; asOf: string };
  label: string;
  loading: string;
  hrefFor: (month: string, line: 'planned' | 'actual') => string;
}) {
  const navigate = useNavigate();
  const showAsOf = rows.some((row) => row.month === asOfMonth);
  const dot =
    (line: 'planned' | 'actual', color: string) =>
    // eslint-disable-next-line react/display-name
    (props: { cx?: number; cy?: number; index?: number; payload?: BurnUpRow }) => {
      const { cx, cy, payload, index } = props;
      if (cx === undefined || cy === undefined || !payload || payload[line] === null) return <g key={`${line}-${index}`} />;
      return (
        <circle
          key={`${line}-${index}`}
          className={`burnup-dot burnup-dot--${line}`}
          data-month={payload.month}
          cx={cx}
          cy={cy}
          r={3.5}
          fill="#fff"
          stroke={color}
          strokeWidth={2}
          cursor="pointer"
          onClick={() => navigate(hrefFor(payload.month, line))}
        />
      );
    };
  return (
    <ChartFrame name="burn-up" height={320} label={label} loading={loading}>
      {() => (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 16, right: 24, bottom: 4, left: 4 }}>
            <CartesianGrid stroke="#eef1f5" />
            <XAxis dataKey="month" tick={AXIS_TEXT} tickFormatter={monthLabel} minTickGap={24} />
            <YAxis allowDecimals={false} tick={AXIS_TEXT} width={44} />
            <Tooltip
              labelFormatter={(value) => monthLabel(String(value))}
              formatter={(value, key) => [value as number, key === 'planned' ? labels.planned : labels.actual]}
            />
            <Legend itemSorter={null} formatter={(value: string) => legendText(value === 'planned' ? labels.planned : labels.actual)} wrapperStyle={{ fontSize: 13 }} />
            {showAsOf ? (
              <ReferenceLine x={asOfMonth} stroke="#1d4e89" strokeDasharray="4 3" label={{ value: labels.asOf, position: 'insideTopRight', fill: '#1d4e89', fontSize: 12 }} />
            ) : null}
            <Line
              type="stepAfter"
              dataKey="planned"
              name="planned"
              stroke={PLANNED_LINE_COLOR}
              strokeWidth={2}
              strokeDasharray="6 3"
              isAnimationActive={false}
              dot={dot('planned', PLANNED_LINE_COLOR)}
              activeDot={false}
            />
            <Line
              type="stepAfter"
              dataKey="actual"
              name="actual"
              stroke={ACTUAL_LINE_COLOR}
              strokeWidth={2.5}
              connectNulls={false}
              isAnimationActive={false}
              dot={dot('actual', ACTUAL_LINE_COLOR)}
              activeDot={false}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
    </ChartFrame>
  );
}
