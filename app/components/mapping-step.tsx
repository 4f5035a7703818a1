import { useRef } from 'react';
import { type useFetcher } from '@remix-run/react';
import { columnLetter, KIND_CHOICES, LEVEL_CHOICES, levelChoice } from '~/domain/mapping-form';
import { useT, type WordKey } from '~/i18n';
import { importerWords } from '~/i18n/importer';
import { COLUMN_MEANINGS, type SheetMapping } from '../../importers/mapping';
import type { PreviewData } from './import-preview';
import { meaningKey } from './import-understanding';

const LEVEL_WORDS: Record<(typeof LEVEL_CHOICES)[number], WordKey<typeof importerWords>> = {
  columns: 'mapLevelsColumns',
  'numbering-3': 'mapLevelsNumbering3',
  'numbering-2': 'mapLevelsNumbering2',
  'every-row': 'mapLevelsEveryRow',
};
const KIND_WORDS: Record<(typeof KIND_CHOICES)[number], WordKey<typeof importerWords>> = { '': 'mapKindFromColumns', strategic: 'strategic', quick_win: 'quickWin' };
/** Wait this long after the last change before reading the file again. */
const DEBOUNCE_MS = 400;

/**
 * Lets the person say how the file is laid out: header rows ticked on the first rows, a meaning
 * per column, how rows become levels, the kind per sheet. Posts intent=remap (a plain form
 * without JS); with JS, a fetcher re-reads the upload after each change and the preview follows.
 */
export function MappingStep({ preview, open, fetcher }: { preview: PreviewData; open: boolean; fetcher: ReturnType<typeof useFetcher> }) {
  const t = useT(importerWords);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const mappingOf = (sheet: string): SheetMapping | undefined =>
    preview.understanding.mapping.sheets.find((s) => s.sheet === sheet) ?? preview.understanding.mapping.sheets.find((s) => s.sheet === '*');
  return (
    <details className="card section mapping-step" open={open}>
      <summary className="button mapping-step__toggle">{t('mapOpen')}</summary>
      <p className="muted">{t('mapIntro')}</p>
      <fetcher.Form
        method="post"
        className="mapping-form"
        onChange={(event) => {
          const form = event.currentTarget;
          clearTimeout(timer.current);
          timer.current = setTimeout(() => fetcher.submit(form), DEBOUNCE_MS);
        }}
      >
        <input type="hidden" name="intent" value="remap" />
        <input type="hidden" name="token" value={preview.token} />
        <input type="hidden" name="title" value={preview.title} />
        {preview.planId ? <input type="hidden" name="planId" value={preview.planId} /> : null}
        {preview.sampleRows.map((sample, i) => {
          const mapping = mappingOf(sample.sheet);
          const table = preview.understanding.tables.find((tb) => tb.sheet === sample.sheet);
          const width = Math.max(0, ...sample.rows.map((row) => row.length));
          const letters = Array.from({ length: width }, (_, c) => columnLetter(c));
          return (
            <fieldset key={sample.sheet} className="mapping-sheet">
              <legend>{t('understoodSheet', { sheet: sample.sheet })}</legend>
              <input type="hidden" name={`sheet.${i}`} value={sample.sheet} />
              <p className="field-hint">
                <strong>{t('importFirstRows')}</strong>: {t('mapHeaderHint')}
              </p>
              <div className="table-wrap mapping-grid">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('mapHeaderRow')}</th>
                      {letters.map((letter) => (
                        <th key={letter} scope="col" className="code">
                          {letter}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {sample.rows.map((row, r) => {
                      const rowNumber = sample.rowNumbers[r]!;
                      return (
                        <tr key={rowNumber}>
                          <th scope="row">
                            <label className="mapping-grid__row">
                              <input type="checkbox" name={`header.${i}`} value={rowNumber} defaultChecked={mapping?.headerRows.includes(rowNumber)} />
                              {rowNumber}
                            </label>
                          </th>
                          {letters.map((letter, c) => (
                            <td key={letter} title={row[c] ?? ''}>
                              {row[c] ?? ''}
                            </td>
                          ))}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <div className="mapping-columns">
                {letters.map((letter) => {
                  const header = table?.columns.find((col) => col.column === letter)?.header;
                  return (
                    <label key={letter} className="field mapping-column">
                      <span>
                        <span className="code">{letter}</span> {header || ''}
                      </span>
                      <select name={`col.${i}.${letter}`} defaultValue={mapping?.columns[letter] ?? 'ignore'}>
                        {COLUMN_MEANINGS.map((meaning) => (
                          <option key={meaning} value={meaning}>
                            {t(meaningKey(meaning))}
                          </option>
                        ))}
                      </select>
                    </label>
                  );
                })}
              </div>
              <div className="form-grid">
                <label className="field">
                  {t('mapLevels')}
                  <select name={`levels.${i}`} defaultValue={mapping ? levelChoice(mapping.levels) : 'columns'}>
                    {LEVEL_CHOICES.map((choice) => (
                      <option key={choice} value={choice}>
                        {t(LEVEL_WORDS[choice])}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  {t('mapKind')}
                  <select name={`kind.${i}`} defaultValue={mapping?.kind ?? ''}>
                    {KIND_CHOICES.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(KIND_WORDS[kind])}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            </fieldset>
          );
        })}
        <div className="import-actions">
          <button type="submit" className="button">
            {t('mapApply')}
          </button>
          {fetcher.state !== 'idle' ? (
            <span className="muted" role="status">
              {t('importReading')}
            </span>
          ) : null}
        </div>
      </fetcher.Form>
    </details>
  );
}
