import type { ReactNode } from 'react';

/** A chart's card: its title (the id names it for the section), a note under it, the chart and its table. */
export function ChartCard({ id, title, note, className, children }: { id: string; title: string; note?: string; className?: string; children: ReactNode }) {
  return (
    <section className={className ? `card chart-card ${className}` : 'card chart-card'} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {note ? <p className="muted small">{note}</p> : null}
      {children}
    </section>
  );
}
