import type { ReactNode } from 'react';
import { Form } from '@remix-run/react';
import { useT } from '~/i18n';

/** An admin page's table of records (users, owners): the given columns, then one for each row's actions. */
export function AdminTable({ columns, className, children }: { columns: { label: string; numeric?: boolean }[]; className?: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="table-wrap card section">
      <table className={className ? `table ${className}` : 'table'}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * A row's edit form behind a button, posting `intent` and the row's id field; open by itself
 * when the last submit of it had errors.
 */
export function RowEditor({
  label,
  intent,
  id,
  open,
  busy,
  children,
}: {
  label: string;
  intent: string;
  id: { name: string; value: number };
  open: boolean;
  busy: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <details className="row-editor" open={open}>
      <summary className="button button--small">{label}</summary>
      <Form method="post" className="stack row-editor__form">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name={id.name} value={id.value} />
        {children}
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('save')}
        </button>
      </Form>
    </details>
  );
}
