/** The numbers of a chart as a table, for keyboards, screen readers and anyone who wants the exact figures. */
import type { ReactNode } from 'react';
import { STATUS_LABELS, type Status } from '~/domain/status';
import { useLang, useT } from '~/i18n';
import { dashboardWords } from '~/i18n/dashboard';
import { useAppLinkClick } from '~/components/app-link';
import { STACK_ORDER, STATUS_COLORS } from '~/components/charts/chart-frame';
import { percentText, type DrillFilters, type DrillHref } from './drill-down';

/** A cell: a text (a number when num), linked to its drill-down when it has one. */
type Cell = { text: string; to?: string; num?: boolean };

/** A folded table: a head row (the first column names the rows, the others are numbers) and rows of cells. */
export function DataTable({ head, rows }: { head: ReactNode[]; rows: Cell[][] }) {
  const t = useT(dashboardWords);
  const onLinkClick = useAppLinkClick();
  return (
    <details className="chart-data">
      <summary>{t('dashDataTable')}</summary>
      <table className="table table--compact">
        <thead>
          <tr>
            {head.map((cell, i) => (
              <th key={i} scope="col" className={i > 0 ? 'num' : undefined}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} className={cell.num ? 'num' : undefined}>
                  {cell.to ? (
                    <a href={cell.to} onClick={onLinkClick} data-discover="true">
                      {cell.text}
                    </a>
                  ) : (
                    cell.text
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export type StatusTableRow = { label: string; byStatus: Record<Status, number>; total: number; shareDone: number | null; filters: DrillFilters };

/** The counts by status of each row (area, plan, criterion), the total and the share done; a count opens its activities. */
export function StatusTable({ firstColumn, rows, href }: { firstColumn: string; rows: StatusTableRow[]; href: DrillHref }) {
  const t = useT(dashboardWords);
  const lang = useLang();
  const count = (n: number, filters: DrillFilters): Cell => ({ text: String(n), to: n > 0 ? href(filters) : undefined, num: true });
  return (
    <DataTable
      head={[
        firstColumn,
        ...STACK_ORDER.map((status) => (
          <>
            <span className="legend-swatch" style={{ background: STATUS_COLORS[status].fill }} aria-hidden="true" />
            {STATUS_LABELS[status][lang]}
          </>
        )),
        t('dashTotal'),
        t('dashShareDone'),
      ]}
      rows={rows.map((row) => [
        { text: row.label },
        ...STACK_ORDER.map((status) => count(row.byStatus[status], { ...row.filters, status })),
        count(row.total, row.filters),
        { text: percentText(row.shareDone), num: true },
      ])}
    />
  );
}
