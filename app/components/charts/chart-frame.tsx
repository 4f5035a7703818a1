import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { STATUSES, type Status } from '~/domain/status';

/** Fills and the text colour readable on them; every chart also writes its numbers, so colour is never the only cue. */
export const STATUS_COLORS: Record<Status, { fill: string; text: string }> = {
  done: { fill: '#1f7a3f', text: '#ffffff' },
  in_progress: { fill: '#5b3fa3', text: '#ffffff' },
  planned: { fill: '#a9bfdc', text: '#0f2e52' },
  postponed: { fill: '#e3a33b', text: '#3d2400' },
  cancelled: { fill: '#c9ced6', text: '#1c2430' },
};
export const OVERDUE_COLOR = '#b42318';
export const DUE_COLOR = '#e3a33b';
export const PLANNED_LINE_COLOR = '#5b6677';
export const ACTUAL_LINE_COLOR = '#1f7a3f';
export const AXIS_TEXT = { fill: '#3f4a5a', fontSize: 12 };

export { STATUSES };
/** The order of the stacked segments and of the legend: done first, then what is still open, cancelled last. */
export const STACK_ORDER: Status[] = ['done', 'in_progress', 'planned', 'postponed', 'cancelled'];

/** Legend text in the body colour (recharts paints it in the series colour, unreadable on the light ones). */
export function legendText(text: string) {
  return <span style={{ color: '#1c2430' }}>{text}</span>;
}

/**
 * The width of the element behind `ref`, measured in the browser (null on the server and
 * before hydration: recharts measures the DOM, so the charts draw in the browser only).
 */
function useWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * A chart slot of fixed height: an empty placeholder on the server and before hydration,
 * the chart after, given the slot's width. data-chart names it for tests; data-ready tells when it has drawn.
 */
export function ChartFrame({ name, height, label, loading, children }: { name: string; height: number; label: string; loading: string; children: (width: number) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  return (
    <div ref={ref} className="chart-frame" data-chart={name} data-ready={width !== null ? 'true' : 'false'} style={{ height }} role="figure" aria-label={label}>
      {width !== null ? children(width) : <p className="chart-frame__loading muted small">{loading}</p>}
    </div>
  );
}

/** The width of a bar chart's category labels: as asked, but at most 40% of the chart, so that a phone still has room for the bars. */
export function labelAxisWidth(wanted: number, chartWidth: number): number {
  return Math.min(wanted, Math.round(chartWidth * 0.4));
}

/** Short label for an axis: long titles are cut with an ellipsis (the full text is in the tooltip and the table). */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
