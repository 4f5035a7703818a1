import { describe, expect, it } from 'vitest';
import { columnLetter, levelChoice, mappingFromForm } from './mapping-form';
import { headerKey } from './mapping-signature';

describe('the mapping form', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('reads the fields into a mapping: sheets without a header row ticked are left out, "ignore" columns are not listed', () => {
    const form = new URLSearchParams([
      ['sheet.0', 'Мерки'],
      ['header.0', '5'],
      ['header.0', '4'],
      ['col.0.A', 'code'],
      ['col.0.B', 'activity'],
      ['col.0.C', 'ignore'],
      ['col.0.D', 'no-such-meaning'],
      ['levels.0', 'numbering-2'],
      ['kind.0', 'quick_win'],
      ['sheet.1', 'Бележки'],
      ['col.1.A', 'note'],
    ]);
    expect(mappingFromForm(form)).toEqual({
      mapping: {
        version: 1,
        sheets: [{ sheet: 'Мерки', headerRows: [4, 5], columns: { A: 'code', B: 'activity' }, levels: { by: 'numbering', depths: { measure: 1, activity: 2 } }, kind: 'quick_win' }],
      },
    });
    expect(levelChoice({ by: 'numbering', depths: { area: 1, measure: 2, activity: 3 } })).toBe('numbering-3');
  });

  it('says what is wrong when nothing is chosen', () => {
    expect(mappingFromForm(new URLSearchParams([['sheet.0', 'Лист1']]))).toEqual({ error: expect.stringMatching(/^sheets: /) });
  });
});

describe('the header signature', () => {
  const mapping = { version: 1 as const, sheets: [{ sheet: '*', headerRows: [2], columns: { A: 'activity' as const }, levels: { by: 'every-row' as const } }] };
  const sheet = (rows: string[][]) => [{ sheet: 'План', rowNumbers: rows.map((_, i) => i + 1), rows }];

  it('is the same for files with the same headers, whatever their rows hold, case and spacing aside', () => {
    const a = headerKey(mapping, sheet([['Заглавие'], ['Графа 1', 'Графа 2'], ['Първа дейност', '2025']]));
    const b = headerKey(mapping, sheet([['Друго заглавие'], ['графа  1 ', 'ГРАФА 2'], ['Друга дейност', '2026']]));
    expect(a).toBe(b);
    expect(headerKey(mapping, sheet([[''], ['Графа 1', 'Графа 3']]))).not.toBe(a);
  });
});
