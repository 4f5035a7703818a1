import { useT, type WordKey } from '~/i18n';
import { importerWords } from '~/i18n/importer';
import type { ColumnMeaning, Confidence, TableUnderstanding, Understanding } from '../../importers';

/** The word for what a column holds, in the person's language. */
export const meaningKey = (meaning: ColumnMeaning): WordKey<typeof importerWords> => `meaning_${meaning}`;
export const confidenceKey = (confidence: Confidence): WordKey<typeof importerWords> => `confidence_${confidence}`;

function Table({ table }: { table: TableUnderstanding }) {
  const t = useT(importerWords);
  return (
    <div className="understood-table" data-sheet={table.sheet}>
      <h3>
        {t('understoodSheet', { sheet: table.sheet })}{' '}
        <span className={`badge confidence confidence--${table.confidence}`}>
          {t('understoodConfidence')}: {t(confidenceKey(table.confidence))}
        </span>
      </h3>
      <dl className="understood-facts">
        <dt>{t(table.headerRows.length > 1 ? 'understoodHeaderRows' : 'understoodHeader')}</dt>
        <dd>{table.headerRows.join(', ')}</dd>
        <dt>{t('understoodLevels')}</dt>
        <dd>{table.levelsFound.map((level) => t(`level_${level}`)).join(' → ') || '—'}</dd>
        <dt>{t('understoodRows')}</dt>
        <dd>{t('understoodRowCounts', { ...table.rows })}</dd>
        <dt>{t('understoodKindFrom')}</dt>
        <dd>{t(`kindFrom_${table.kindFrom}`)}</dd>
      </dl>
      {table.reasons.length ? (
        <ul className="understood-reasons">
          {table.reasons.map((reason, i) => (
            <li key={i}>{reason}</li>
          ))}
        </ul>
      ) : null}
      <div className="table-wrap">
        <table className="table understood-columns">
          <thead>
            <tr>
              <th scope="col">{t('understoodColumn')}</th>
              <th scope="col">{t('understoodHeading')}</th>
              <th scope="col">{t('understoodTakenAs')}</th>
              <th scope="col" className="num">
                {t('understoodCells')}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.columns.map((column) => (
              <tr key={column.column} className={column.meaning === 'ignore' || column.unread ? 'muted' : undefined}>
                <td className="code">{column.column}</td>
                <td>{column.header || '—'}</td>
                <td>
                  {t(meaningKey(column.meaning))}
                  {column.unread ? <span className="text-warning"> ({t('understoodUnread')})</span> : null}
                </td>
                <td className="num">{column.cells}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** How the importer understood the file: header rows, each column's meaning, levels, counts, confidence and why. */
export function ImportUnderstanding({ understanding }: { understanding: Understanding }) {
  const t = useT(importerWords);
  return (
    <section className="card section" aria-labelledby="understood-title">
      <h2 id="understood-title">
        {t('understoodTitle')}{' '}
        <span className={`badge confidence confidence--${understanding.confidence}`}>
          {t('understoodConfidence')}: {t(confidenceKey(understanding.confidence))}
        </span>
      </h2>
      {understanding.mapped ? <p className="alert alert--info">{t('understoodMapped')}</p> : null}
      {understanding.needsMapping ? (
        <p className="alert alert--warning" role="alert">
          {t('understoodNeedsMapping')}
        </p>
      ) : null}
      {understanding.tables.map((table) => (
        <Table key={table.sheet} table={table} />
      ))}
      {understanding.ignoredSheets.length ? (
        <>
          <h3>{t('understoodIgnoredSheets')}</h3>
          <ul>
            {understanding.ignoredSheets.map((sheet) => (
              <li key={sheet.sheet}>
                <strong>{sheet.sheet}</strong>: {sheet.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
