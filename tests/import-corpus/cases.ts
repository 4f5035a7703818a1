/**
 * The corpus: plan layouts as Bulgarian administrations write them, one or more per class of
 * issue 14 ("Headers", "Numbering", "Levels", "Kind", "Noise") and mixtures of them. Each is
 * written as .xlsx, .ods and (one sheet) .csv by files.ts and read back field by field.
 */
import type { ColumnMeaning } from '../../importers/mapping';
import type { ColumnSpec, Field, Layout } from './layouts';

const c = (field: Field, header: string, meaning?: ColumnMeaning): ColumnSpec => ({ field, header, ...(meaning ? { meaning } : {}) });
const sub = (field: Field, group: string, header: string, meaning?: ColumnMeaning): ColumnSpec => ({ field, header: group, sub: header, ...(meaning ? { meaning } : {}) });

const LOVECH: ColumnSpec[] = [
  c('measure', 'Мярка'),
  c('activity', 'Наименование на дейността'),
  c('strategic', 'Стратегически мерки'),
  c('quickWin', 'Бързи победи'),
  c('start', 'Начало (дата)'),
  c('end', 'Край (дата)'),
  c('target', 'Целеви стойности на резултата'),
  c('owners', 'Отговорници и подпомагачи'),
  c('note', 'Забележка'),
];

export const LAYOUTS: Layout[] = [
  {
    name: 'Lovech-like: title block, numbering row, areas merged across, measures merged down',
    classes: ['headers:one-row', 'headers:numbering-row-dots', 'numbering:in-text', 'levels:area-measure-activity', 'levels:area-merged', 'kind:caf-columns', 'noise:approve', 'noise:empty-rows'],
    columns: LOVECH, levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', numberingRow: '1.', measureMerged: true, noise: { approve: true, emptyRows: true },
  },
  {
    name: 'two-row header: "Срок" over "начало" / "край", a "№" column, roman area rows',
    classes: ['headers:two-row-period', 'numbering:code-column', 'levels:area-roman', 'kind:words-column'],
    columns: [c('code', '№'), c('measure', 'Мярка'), c('activity', 'Дейност'), c('kind', 'Вид на мярката'), c('caf', 'Критерий по CAF'), sub('start', 'Срок', 'начало'), sub('end', 'Срок', 'край'), c('owners', 'Отговорник'), c('indicator', 'Индикатор'), c('target', 'Целева стойност')],
    levels: 'columns', areas: 'roman', areaMerged: true, codes: 'column', kindCells: 'words', dates: 'text',
  },
  {
    name: 'two-row header: "Вид на мярката" over "стратегическа" / "бърза победа" with marks, "Критерий" area rows',
    classes: ['headers:two-row-kind', 'kind:mark-columns', 'levels:area-criterion', 'headers:deadline'],
    columns: [c('measure', 'Мерки'), c('activity', 'Дейности'), sub('strategic', 'Вид на мярката', 'стратегическа'), sub('quickWin', 'Вид на мярката', 'бърза победа'), c('caf', 'Подкритерий по CAF'), c('deadline', 'Срок за изпълнение'), c('owners', 'Отговорно звено')],
    levels: 'columns', areas: 'Критерий', codes: 'text', kindCells: 'marks', dates: 'text-g', measureMerged: true,
  },
  {
    name: 'English two-row header: "Period" over "from" / "to", "No." column, "Criterion" rows',
    classes: ['headers:two-row-en', 'headers:english', 'numbering:code-column', 'levels:area-criterion-en'],
    columns: [c('code', 'No.'), c('measure', 'Measure'), c('activity', 'Action'), sub('start', 'Period', 'from'), sub('end', 'Period', 'to'), c('owners', 'Responsible'), c('indicator', 'KPI'), c('target', 'Expected result')],
    levels: 'columns', areas: 'Criterion', areaMerged: true, codes: 'column', dates: 'text',
  },
  {
    name: 'a numbering row "1 2 3" under the header, area rows in the first column only',
    classes: ['headers:numbering-row-plain', 'levels:area-first-column', 'numbering:in-text'],
    columns: [c('measure', 'Мярка за подобрение'), c('activity', 'Дейност'), c('start', 'Начална дата'), c('end', 'Крайна дата'), c('owners', 'Изпълнител'), c('indicator', 'Индикатор за изпълнение'), c('target', 'Очакван резултат')],
    levels: 'columns', areas: 'Област', codes: 'text', numberingRow: '1', dates: 'short',
  },
  {
    name: 'English: "Improvement action / Responsible / Deadline / KPI / Expected result", "No." column, AREA rows',
    classes: ['headers:english', 'numbering:code-column', 'levels:numbering-depth', 'levels:area-AREA', 'noise:approve-en'],
    columns: [c('code', 'No.'), c('title', 'Improvement action'), c('owners', 'Responsible'), c('deadline', 'Deadline', 'end'), c('indicator', 'KPI'), c('target', 'Expected result')],
    levels: 'numbering', areas: 'AREA', areaMerged: true, codes: 'column', noise: { approve: true, english: true },
  },
  {
    name: '"Мерки/дейности" in one column, codes in the text, "Срок за изпълнение"',
    classes: ['headers:synonyms', 'numbering:in-text', 'levels:numbering-depth'],
    columns: [c('title', 'Мерки/дейности'), c('deadline', 'Срок за изпълнение'), c('owners', 'Изпълнител'), c('indicator', 'Индикатор за изпълнение'), c('target', 'Очакван резултат')],
    levels: 'numbering', areas: 'Област', areaMerged: true, codes: 'text', dates: 'text',
  },
  {
    name: '"Мярка 1.1:" / "Дейност 1.1.1:" named in the text, "Действие", "Краен срок"',
    classes: ['numbering:named', 'headers:synonyms', 'levels:numbering-depth'],
    columns: [c('title', 'Действие'), c('deadline', 'Краен срок', 'end'), c('owners', 'Отговорник'), c('target', 'Целева стойност')],
    levels: 'numbering', areas: 'Област', areaMerged: true, codes: 'named',
  },
  {
    name: 'measure -> activity without areas (measure and activity columns)',
    classes: ['levels:measure-activity-columns', 'numbering:in-text'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник'), c('indicator', 'Индикатор'), c('target', 'Целева стойност')],
    levels: 'columns', areas: 'none', codes: 'text', dates: 'text', measureMerged: true,
  },
  {
    name: 'measure -> activity without areas (one column, "1." and "1.1.")',
    classes: ['levels:measure-activity-numbering', 'numbering:in-text'],
    columns: [c('title', 'Мерки и дейности'), c('start', 'Начало'), c('end', 'Край'), c('owners', 'Отговорници')],
    levels: 'numbering', areas: 'none', codes: 'text',
  },
  {
    name: 'one level (activities "1.1.") under area rows',
    classes: ['levels:one-level', 'levels:area-merged'],
    columns: [c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'one-level', areas: 'Област', areaMerged: true, codes: 'text', dates: 'text',
  },
  {
    name: 'one level, no areas, no numbers',
    classes: ['levels:one-level', 'numbering:none'],
    columns: [c('activity', 'Действие'), c('deadline', 'Срок', 'period'), c('owners', 'Отговорник')],
    levels: 'one-level', areas: 'none', codes: 'none', dates: 'text',
  },
  {
    name: 'one level of measures with a "№" column',
    classes: ['levels:one-level', 'numbering:code-column'],
    columns: [c('code', '№'), c('title', 'Мярка', 'measure'), c('deadline', 'Срок'), c('owners', 'Отговорник'), c('indicator', 'Индикатор')],
    levels: 'one-level', areas: 'none', codes: 'column', dates: 'text',
  },
  {
    name: 'activities "а)", "б)" under numbered measures',
    classes: ['numbering:letters', 'levels:numbering-depth'],
    columns: [c('title', 'Мерки и дейности'), c('caf', 'CAF'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'numbering', areas: 'Област', areaMerged: true, codes: 'text', activityMarks: 'а)', dates: 'text',
  },
  {
    name: 'activities "-" under numbered measures',
    classes: ['numbering:dashes'],
    columns: [c('title', 'Мерки и дейности'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'numbering', areas: 'Област', codes: 'text', activityMarks: '-', dates: 'text',
  },
  {
    name: 'activities "1.", "2." under numbered measures',
    classes: ['numbering:restarting'],
    columns: [c('title', 'Мерки и дейности'), c('deadline', 'Срок'), c('owners', 'Отговорник'), c('target', 'Целева стойност')],
    levels: 'numbering', areas: 'Област', areaMerged: true, codes: 'text', activityMarks: '1.', dates: 'text',
  },
  {
    name: 'no numbers at all: areas, measures and activities numbered in order',
    classes: ['numbering:none', 'levels:area-plain'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('start', 'Начало'), c('end', 'Край'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'plain', areaMerged: true, codes: 'none', measureMerged: true,
  },
  {
    name: 'an area column',
    classes: ['levels:area-column'],
    columns: [c('area', 'Област'), c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'column', codes: 'text', dates: 'text',
  },
  {
    name: 'one sheet per area, the area title in a row above the table',
    classes: ['levels:area-above', 'levels:sheet-per-area'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('start', 'Начало'), c('end', 'Край'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'above', sheets: 'per-area', codes: 'text',
  },
  {
    name: 'one sheet per area, the area in the sheet name',
    classes: ['levels:area-sheet-name', 'levels:sheet-per-area'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'sheet-name', sheets: 'per-area', codes: 'text', dates: 'text',
  },
  {
    name: 'separate sheets "Стратегически мерки" / "Бързи победи" with area rows',
    classes: ['kind:sheet', 'levels:area-merged'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('caf', 'Критерий по CAF'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Област', areaMerged: true, sheets: 'per-kind', codes: 'text', dates: 'text',
  },
  {
    name: 'separate sheets "Стратегически мерки" / "Бързи победи" without areas',
    classes: ['kind:sheet', 'levels:measure-activity-columns'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'none', sheets: 'per-kind', codes: 'text', dates: 'text',
  },
  {
    name: 'English kind words in a "Type" column',
    classes: ['kind:words-column-en', 'headers:english'],
    columns: [c('measure', 'Measure'), c('activity', 'Activity'), c('kind', 'Type'), c('caf', 'CAF sub-criterion'), c('start', 'Start date'), c('end', 'Due date'), c('owners', 'Owner')],
    levels: 'columns', areas: 'Criterion', areaMerged: true, codes: 'text', kindCells: 'english-words', dates: 'text',
  },
  {
    name: '"Стратегическа мярка" and "Бърза победа" headers with marks "х" and "✓"',
    classes: ['kind:mark-columns', 'headers:kind-named'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('strategic', 'Стратегическа мярка'), c('quickWin', 'Бърза победа'), c('caf', 'Връзка с CAF'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', kindCells: 'marks', dates: 'text', measureMerged: true,
  },
  {
    name: 'no kind at all',
    classes: ['kind:unknown'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', dates: 'text',
  },
  {
    name: 'everything at once: title block, two-row header, "№", numbering row, roman areas, marks, hidden rows, totals, footnotes, blank and extra columns',
    classes: ['mixture', 'noise:approve', 'noise:hidden', 'noise:totals', 'noise:footnotes', 'noise:blank-column', 'noise:extra-columns', 'noise:unread-column'],
    columns: [
      c('code', '№ по ред'), c('measure', 'Мярка'), c('activity', 'Дейност'), c('blank', ''), sub('strategic', 'Вид на мярката', 'стратегическа'), sub('quickWin', 'Вид на мярката', 'бърза победа'), c('caf', 'Критерий по CAF'),
      sub('start', 'Срок', 'начало'), sub('end', 'Срок', 'край'), c('owners', 'Отговорник'), c('indicator', 'Индикатор'), c('target', 'Целева стойност'),
      c('resources', 'Бюджет'), c('status', 'Статус'), c('note', 'Коментари'), c('unknown', 'Връзка със стратегически документи'),
    ],
    levels: 'columns', areas: 'roman', areaMerged: true, codes: 'column', kindCells: 'marks', numberingRow: '1.', measureMerged: true, dates: 'text',
    noise: { approve: true, hidden: true, totals: true, footnotes: true, emptyRows: true },
  },
  {
    name: 'header cells with line breaks, trailing colons, upper case and extra spaces',
    classes: ['headers:cosmetics'],
    columns: [c('measure', 'НАИМЕНОВАНИЕ НА\nМЯРКАТА:'), c('activity', '  Дейност  '), c('deadline', 'СРОК ЗА\nИЗПЪЛНЕНИЕ:'), c('owners', 'ОТГОВОРНИК:'), c('indicator', 'ИНДИКАТОР'), c('target', 'ЦЕЛЕВА  СТОЙНОСТ')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', dates: 'text-g',
  },
  {
    name: 'a range in one "Срок" column gives start and end',
    classes: ['headers:period-range'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('range', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text',
  },
  {
    name: '"Timeframe", "Owner", a "Strategic goal" column that is not a kind',
    classes: ['headers:english', 'noise:unread-column'],
    columns: [c('measure', 'Measure'), c('activity', 'Action'), c('deadline', 'Timeframe'), c('owners', 'Owner'), c('unknown', 'Стратегическа цел'), c('target', 'Target value')],
    levels: 'columns', areas: 'AREA', areaMerged: true, codes: 'text', dates: 'text',
  },
  {
    name: 'status, budget and comments columns, a status header "Степен на изпълнение"',
    classes: ['noise:extra-columns'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('start', 'Начало'), c('end', 'Край'), c('owners', 'Отговорник'), c('resources', 'Необходими ресурси'), c('status', 'Степен на изпълнение'), c('note', 'Бележки')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', noise: { totals: true, footnotes: true },
  },
  {
    name: 'a code column beside numbered text in one column, "Критерий" rows in the first column, blank column',
    classes: ['numbering:code-column', 'levels:numbering-depth', 'noise:blank-column'],
    columns: [c('code', 'Ref.'), c('blank', ''), c('title', 'Мерки за подобрение / дейности', 'activity'), c('start', 'От'), c('end', 'До'), c('owners', 'Отговорно лице')],
    levels: 'numbering', areas: 'Критерий', codes: 'column', dates: 'text',
  },
  {
    name: 'CSV-like plain sheet: measure written on its first row only, hidden and empty rows',
    classes: ['noise:hidden', 'noise:empty-rows'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('start', 'Начало'), c('end', 'Край'), c('owners', 'Отговорник'), c('target', 'Целева стойност')],
    levels: 'columns', areas: 'Област', codes: 'text', noise: { hidden: true, emptyRows: true }, dates: 'text',
  },
  {
    name: 'the measure repeated on every row of its activities (a CSV export of merged cells)',
    classes: ['levels:measure-repeated', 'kind:words-column'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('kind', 'Тип на мярката'), c('caf', 'CAF'), c('start', 'Начало'), c('end', 'Край'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', kindCells: 'words', measureRow: 'repeated', dates: 'text',
  },
  {
    name: 'each measure on a row of its own above its activities, with its kind and CAF reference',
    classes: ['levels:measure-own-row', 'kind:caf-columns'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('strategic', 'Стратегическа мярка (CAF)'), c('quickWin', 'Бърза победа (CAF)'), c('deadline', 'Срок'), c('owners', 'Отговорник'), c('indicator', 'Индикатор'), c('target', 'Целева стойност')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', measureRow: 'own', dates: 'text',
  },
  {
    name: 'the table from column B, an empty column A, a numbering row under a two-row header',
    classes: ['noise:blank-column', 'headers:two-row-period', 'headers:numbering-row-dots'],
    columns: [c('blank', ''), c('measure', 'Мерки за подобрение'), c('activity', 'Дейности за изпълнение на мярката'), sub('start', 'Срок за изпълнение', 'от'), sub('end', 'Срок за изпълнение', 'до'), c('owners', 'Отговорна дирекция'), c('target', 'Очаквани резултати')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', numberingRow: '1.', dates: 'text',
  },
  {
    name: 'only a "Бърза победа" column of marks: the other measures of no known kind',
    classes: ['kind:quick-win-column-only', 'headers:kind-named'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('quickWin', 'Бърза победа'), c('caf', 'Подкритерий'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', kindCells: 'marks', dates: 'text',
  },
  {
    name: 'roman area numbers in the "№" column, the title beside them',
    classes: ['levels:area-roman-code-column', 'numbering:code-column'],
    columns: [c('code', '№'), c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'code-roman', codes: 'column', dates: 'text',
  },
  {
    name: 'kinds written "СМ" / "БП" in a "Вид" column',
    classes: ['kind:abbreviations'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('kind', 'Вид (СМ/БП)'), c('caf', 'Критерий'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', kindCells: 'abbreviations', dates: 'text',
  },
  {
    name: 'one column "Наименование на мярката/дейността", a "№" column, roman areas in it',
    classes: ['levels:numbering-depth', 'levels:area-roman-code-column', 'numbering:code-column'],
    columns: [c('code', '№'), c('title', 'Наименование на мярката/дейността'), c('start', 'Начален срок'), c('end', 'Краен срок'), c('owners', 'Отговорно лице'), c('indicator', 'Индикатори'), c('target', 'Очаквани резултати')],
    levels: 'numbering', areas: 'code-roman', codes: 'column', dates: 'text-g',
  },
  {
    name: 'measures grouped under "Цел 1:" rows',
    classes: ['levels:area-goal'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Цел', areaMerged: true, codes: 'text', dates: 'text',
  },
  {
    name: 'area rows "1. ЛИДЕРСТВО" in capitals over "1.1." measures and "1.1.1." activities in one column',
    classes: ['levels:area-caps', 'levels:numbering-depth'],
    columns: [c('title', 'Мерки и дейности'), c('start', 'Начало'), c('end', 'Край'), c('owners', 'Отговорник')],
    levels: 'numbering', areas: 'caps', areaMerged: true, codes: 'text', dates: 'text',
  },
  {
    name: 'area rows "1. ЛИДЕРСТВО" in the first column only over measure and activity columns',
    classes: ['levels:area-caps'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'caps', codes: 'text', dates: 'text',
  },
  {
    name: 'one sheet: "СТРАТЕГИЧЕСКИ МЕРКИ" and "БЪРЗИ ПОБЕДИ" section rows, areas repeated under each',
    classes: ['kind:sections'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('caf', 'Критерий по CAF'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Област', areaMerged: true, sheets: 'sections', codes: 'text', dates: 'text',
  },
  {
    name: 'a "№" column for the measure and another for the activity',
    classes: ['numbering:two-code-columns'],
    columns: [c('measureCode', '№', 'code'), c('measure', 'Мярка'), c('code', '№'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'column', dates: 'text',
  },
  {
    name: '"Отговорник" and "Съизпълнители" columns',
    classes: ['headers:two-owner-columns'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник'), c('owners2', 'Съизпълнители', 'owners')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', dates: 'text',
  },
  {
    name: 'one sheet: a strategic table, then "БЪРЗИ ПОБЕДИ" and a second table with the header again; a summary sheet beside it',
    classes: ['kind:sections', 'noise:second-table', 'noise:summary-sheet'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('caf', 'Критерий по CAF'), c('start', 'Начало'), c('end', 'Край'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Област', areaMerged: true, sheets: 'sections', sectionHeader: true, summarySheet: true, codes: 'text', dates: 'text',
  },
  {
    name: '"Мярка 1.1" and "Дейност 1.1.1" named in measure and activity columns, a title block merged across',
    classes: ['numbering:named', 'noise:approve'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник'), c('indicator', 'Индикатор'), c('target', 'Целева стойност')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'named', dates: 'text', noise: { approve: true, mergedTitle: true },
  },
  {
    name: 'a numbering row "(1) (2) (3)"',
    classes: ['headers:numbering-row-brackets'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', numberingRow: '(1)', dates: 'text',
  },
  {
    name: 'the dates on the measure\'s own row only: its activities take them',
    classes: ['levels:measure-own-row', 'levels:measure-dates'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('start', 'Начало'), c('end', 'Край'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', measureRow: 'own', datesOn: 'measure', dates: 'text',
  },
  {
    name: 'one level under area rows "1. ЛИДЕРСТВО" in capitals, first column only',
    classes: ['levels:one-level', 'levels:area-caps'],
    columns: [c('activity', 'Мерки', 'measure'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'one-level', areas: 'caps', codes: 'text', dates: 'text',
  },
  {
    name: '"Очакван резултат" beside "Целева стойност" (no "Индикатор"): both kept',
    classes: ['headers:result-and-target'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник'), c('indicator', 'Очакван резултат'), c('target', 'Целева стойност')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', dates: 'text',
  },
  {
    name: '"Expected result" beside "Target value", in English',
    classes: ['headers:result-and-target', 'headers:english'],
    columns: [c('measure', 'Measure'), c('activity', 'Action'), c('deadline', 'Deadline', 'end'), c('owners', 'Responsible'), c('target', 'Target value'), c('indicator', 'Expected result')],
    levels: 'columns', areas: 'AREA', areaMerged: true, codes: 'text', dates: 'text',
  },
  {
    name: '"Очакван резултат", "Целева стойност" and a later "Индикатор": the explicit indicator wins, the expected result read with the target',
    classes: ['headers:result-target-indicator'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('blank', 'Очакван резултат', 'target'), c('target', 'Целева стойност'), c('indicator', 'Индикатор'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', dates: 'text',
  },
  {
    name: 'two note columns "Бележки" and "Коментар": read together',
    classes: ['headers:two-notes'],
    columns: [c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник'), c('note', 'Бележки'), c('blank', 'Коментар', 'note')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'text', dates: 'text',
  },
  {
    name: 'a "№" column holding "Мярка 1.1" merged down over the measure\'s activities: the measure\'s code, the activities numbered in order',
    classes: ['numbering:code-of-measure-merged'],
    columns: [c('code', '№'), c('measure', 'Мярка'), c('activity', 'Дейност'), c('deadline', 'Срок'), c('owners', 'Отговорник')],
    levels: 'columns', areas: 'Област', areaMerged: true, codes: 'column', codeOfMeasure: true, measureMerged: true, dates: 'text',
    warnings: [/^the activities have no numbers; numbered in order/], confidence: 'medium',
  },
];
