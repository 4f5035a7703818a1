import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, parseCsv, withoutFormatting } from './csv';
import { activities, measures, utf8 } from './test-support';
import { parsePlanFile } from './index';

/** Windows-1251 by hand: А-я are 0xC0-0xFF, Ё 0xA8, ё 0xB8, № 0xB9, „ 0x84, “ 0x93, – 0x96. */
function windows1251(text: string): Uint8Array {
  const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '№': 0xb9, '„': 0x84, '“': 0x93, '–': 0x96 };
  return Uint8Array.from(text, (char) => {
    const code = char.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (char in special) return special[char];
    throw new Error(`no windows-1251 byte for ${char}`);
  });
}

const HEADER = ['Мярка', 'Дейност', 'Стратегически мерки', 'Бързи победи', 'Начало', 'Срок', 'Отговорник'];
const ROWS = [
  ['Област 1: Лидерство', '', '', '', '', '', ''],
  ['1.1. Ежегодна среща', '1.1.1. Подготовка на „Доклад“ – ёлха', '1.1', '', 'м. март 2023', 'II тримесечие 2023', 'Главен секретар; експерт ИТ'],
  ['', '1.1.2. Провеждане', '', '', '1.4.2023', '2023 г.', 'Дирекция АПОФУС'],
];

const expectedActivities = [
  { code: '1.1.1', title: 'Подготовка на „Доклад“ – ёлха', start: '2023-03-01', end: '2023-06-30', owners: ['Главен секретар', 'експерт ИТ'] },
  { code: '1.1.2', title: 'Провеждане', start: '2023-04-01', end: '2023-12-31', owners: ['Дирекция АПОФУС'] },
];

function csvText(delimiter: string, lineBreak = '\r\n'): string {
  const field = (cell: string) => (cell.includes(delimiter) ? `"${cell}"` : cell);
  return [HEADER, ...ROWS].map((row) => row.map(field).join(delimiter)).join(lineBreak) + lineBreak;
}

async function parsedActivities(bytes: Uint8Array) {
  const plan = await parsePlanFile(bytes, 'plan.csv', 'en');
  expect(plan.warnings).toEqual([]);
  expect(measures(plan)[0]).toMatchObject({ code: '1.1', title: 'Ежегодна среща', kind: 'strategic', cafRefs: ['1.1'] });
  return activities(plan).map(({ code, title, start, end, owners }) => ({ code, title, start, end, owners }));
}

describe('CSV files', () => {
  it('reads semicolon-separated Windows-1251', async () => {
    expect(await parsedActivities(windows1251(csvText(';')))).toEqual(expectedActivities);
  });

  it('reads tab-separated UTF-8 without BOM', async () => {
    expect(await parsedActivities(utf8(csvText('\t', '\n')))).toEqual(expectedActivities);
  });

  it('reads comma-separated UTF-8 with BOM, quoting fields that hold commas', async () => {
    const quoted = [HEADER, ...ROWS].map((row) => row.map((cell) => `"${cell}"`).join(',')).join('\n');
    expect(await parsedActivities(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(quoted)]))).toEqual(expectedActivities);
  });

  const ENCODINGS: [string, (text: string) => Uint8Array][] = [
    ['UTF-8', utf8],
    ['UTF-8 with BOM', (text) => Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)])],
    ['Windows-1251', windows1251],
  ];
  const DELIMITERS: [string, string][] = [['";"', ';'], ['","', ','], ['tab', '\t']];
  it.each(ENCODINGS.flatMap(([encoding, encode]) => DELIMITERS.map(([name, delimiter]) => [encoding, name, encode, delimiter] as const)))(
    'reads %s separated by %s to the same plan',
    async (_encoding, _name, encode, delimiter) => {
      expect(await parsedActivities(encode(csvText(delimiter)))).toEqual(expectedActivities);
    },
  );

  it('decodes BOM, UTF-8, UTF-16 and Windows-1251', () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Мярка')]))).toEqual({ text: 'Мярка', encoding: 'utf-8' });
    expect(decodeText(utf8('Мярка'))).toEqual({ text: 'Мярка', encoding: 'utf-8' });
    expect(decodeText(windows1251('Мярка; Ёж'))).toEqual({ text: 'Мярка; Ёж', encoding: 'windows-1251' });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, ...Buffer.from('Мярка', 'utf16le')]))).toEqual({ text: 'Мярка', encoding: 'utf-16le' });
  });

  it('parses quoted fields with delimiters, line breaks and doubled quotes', () => {
    const text = 'a;"b;c";"line 1\r\nline 2";"say ""hi"""\r\nnext;;\n"last"';
    expect(parseCsv(text, ';')).toEqual([
      ['a', 'b;c', 'line 1\r\nline 2', 'say "hi"'],
      ['next', '', ''],
      ['last'],
    ]);
  });

  it('detects the delimiter even when the text is full of commas', () => {
    expect(detectDelimiter('Мярка;Дейност;Срок\nа, б, в, г;д, е;2023\nж;з, и, й, к, л, м;2024\n')).toBe(';');
    expect(detectDelimiter('Measure,Activity,End\n1.1,"a; b",2023\n')).toBe(',');
    expect(detectDelimiter('Мярка\tДейност\tСрок\nа, б\tв; г\t2023\n')).toBe('\t');
  });

  it('reads a UTF-8 file with a stray byte as UTF-8, warning with the row and column of the byte', async () => {
    const text = utf8(csvText(';'));
    // In "Дирекция АПОФУС", the last cell of row 4.
    const bytes = Uint8Array.from([...text.subarray(0, text.length - 20), 0xff, ...text.subarray(text.length - 20)]);
    const plan = await parsePlanFile(bytes, 'plan.csv', 'en');
    // Every Cyrillic text as written: the file is not read as Windows-1251.
    expect(activities(plan).map((a) => a.title)).toEqual(['Подготовка на „Доклад“ – ёлха', 'Провеждане']);
    expect(plan.warnings[0]).toEqual({
      sheet: 'plan.csv',
      row: 4,
      column: 'G',
      message: 'a byte that is not UTF-8 (the rest of the file is UTF-8): shown as "\uFFFD"; correct the text here, or save the file again as "CSV UTF-8"',
    });
  });

  it('strips control and bidi-override characters from cells and from the sheet name', async () => {
    const text = 'Мярка;Дейност;Срок\n1.1. М;1.1.1. Зад\u001b[31mача\u202Egpj.exe;31.12.2023\n';
    const plan = await parsePlanFile(utf8(text), 'план\u202E.csv', 'en');
    expect(activities(plan)[0].title).toBe('Зад[31mачаgpj.exe');
    expect(activities(plan)[0].source.sheet).toBe('план.csv');
  });

  it('says which encoding it guessed when no header is found in a file that is not UTF-8', async () => {
    // DOS Cyrillic (CP866): А-п are 0x80-0xAF, р-я 0xE0-0xEF; neither UTF-8 nor Windows-1251.
    const cp866 = (char: string) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x43f) return code - 0x410 + 0x80;
      if (code >= 0x440 && code <= 0x44f) return code - 0x440 + 0xe0;
      return 0x3f;
    };
    const bytes = Uint8Array.from(csvText(';'), cp866);
    const error = (await parsePlanFile(bytes, 'plan.csv', 'en').catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/^plan\.csv: no header row found in any sheet .*; the file is not UTF-8 text, so it was read as Windows-1251 \(Cyrillic\); if its text looks garbled, save it from Excel as "CSV UTF-8"$/);
  });

  it('counts records, not lines, for the row of a warning after a quoted line break', async () => {
    const text = 'Мярка;Дейност;Срок;Отговорник\n1.1. М;1.1.1. А;"31.12.2023";"Главен секретар\nексперт ИТ"\n;1.1.2. Б;скоро;\n';
    const plan = await parsePlanFile(utf8(text), 'plan.csv', 'en');
    expect(activities(plan)[0].owners).toEqual(['Главен секретар', 'експерт ИТ']);
    expect(plan.warnings).toEqual([
      { sheet: 'plan.csv', row: 2, column: null, message: 'no area row above this row; area 1 is named after the sheet' },
      { sheet: 'plan.csv', row: 3, column: 'Срок', message: 'cannot read the date "скоро" (not a date the importer knows); left empty' },
    ]);
  });

  it('drops the formatting a copy leaves in a plain-text plan, and takes the title from the file, never its name', async () => {
    const text = [
      '**ПЛАН ЗА ПОДОБРЕНИЕ НА ОБЛАСТНА АДМИНИСТРАЦИЯ X**',
      '**за периода 2024-2025 г.**',
      'Мярка\tДейност\tСрок\tОтговорник',
      '<b>Област 1: Лидерство</b>\t\t\t',
      '1.1. <i>Среща</i>\t1.1.1. Подготовка<br>на доклад\t31.12.2024\t<span style="color:red">Главен секретар</span>',
    ].join('\n');
    const plan = await parsePlanFile(utf8(text), 'план-копие.txt', 'en');
    expect(plan.title).toBe('ПЛАН ЗА ПОДОБРЕНИЕ НА ОБЛАСТНА АДМИНИСТРАЦИЯ X');
    expect(plan.period).toBe('2024-2025');
    expect(plan.areas.map((area) => area.title)).toEqual(['Лидерство']);
    expect(measures(plan)[0].title).toBe('Среща');
    expect(activities(plan)[0]).toMatchObject({ title: 'Подготовка на доклад', owners: ['Главен секретар'] });
    expect(plan.warnings).toEqual([]);

    const untitled = await parsePlanFile(utf8(text.split('\n').slice(2).join('\n')), 'план-копие.txt', 'en');
    expect(untitled.title).toBeNull();
  });

  it('keeps text that only looks like a tag', () => {
    expect(withoutFormatting('срок < 5 дни, <Име на дирекция>, 2 ** 3, R&D')).toBe('срок < 5 дни, <Име на дирекция>, 2 ** 3, R&D');
    expect(withoutFormatting('A &amp; B&nbsp;<B>C</B><br/>D')).toBe('A & B C\nD');
  });
});
