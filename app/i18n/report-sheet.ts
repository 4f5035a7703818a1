import { defineWords } from './words';

/**
 * The headers of the exported report's detail sheet and its reporting-period label
 * (app/domain/report-layout.ts): written by the export in the user's language and read back by
 * the importer of filled-in reports (importers/status-report.ts) in either language.
 */
export const reportSheetWords = defineWords(
  {
    col_measure: 'Мярка',
    col_activity: 'Наименование на дейността',
    col_strategic: 'Стратегически мерки',
    col_quickWin: 'Бързи победи',
    col_start: 'Начало (дата)',
    col_end: 'Край (дата)',
    col_target: 'Целеви стойности на резултата',
    col_owners: 'Отговорници и подпомагачи',
    col_note: 'Забележка',
    col_status: 'Статус',
    col_percent: 'Изпълнение %',
    col_comment: 'Отчет',
    col_completedOn: 'Дата на изпълнение',
    col_newEnd: 'Ново крайно време',
    col_key: 'Ключ',
    reportPeriod: 'Отчетен период',
    // The reader's warnings (importers/status-report.ts).
    readNoSheet: 'Нито един лист няма колоните на изтеглен отчет („{activity}“ и „{status}“). Това ли е отчетът, изтеглен от приложението?',
    readBadKey: 'Скритият ключ „{key}“ не е записан от приложението; редът се съпоставя по кода {code}.',
    readNoCode: '(няма)',
    readBadPercent: '„{text}“ не е процент от 0 до 100.',
    readBadDate: '„{text}“ не е дата (дд.мм.гггг).',
    readBadStatus:
      '„{text}“ не е статус, който приложението познава (напр. изпълнена, в процес на изпълнение, не е започнала, отложена, отпаднала необходимост или процент).',
    readCleared: 'Статусът е изтрит: посочете статус или процент.',
    readNotXlsx: 'очаква се файлът .xlsx на изтеглен отчет',
  },
  {
    col_measure: 'Measure',
    col_activity: 'Activity',
    col_strategic: 'Strategic measures',
    col_quickWin: 'Quick wins',
    col_start: 'Start (date)',
    col_end: 'End (date)',
    col_target: 'Target values',
    col_owners: 'Responsible and supporting',
    col_note: 'Note',
    col_status: 'Status',
    col_percent: 'Progress %',
    col_comment: 'Report',
    col_completedOn: 'Completion date',
    col_newEnd: 'New deadline',
    col_key: 'Key',
    reportPeriod: 'Reporting period',
    readNoSheet: 'No sheet has the columns of an exported report ("{activity}" and "{status}"); is this the report exported from the app?',
    readBadKey: 'The hidden key "{key}" is not one the app wrote; the row is matched by its code {code}.',
    readNoCode: '(none)',
    readBadPercent: '"{text}" is not a percentage from 0 to 100.',
    readBadDate: '"{text}" is not a date (dd.mm.yyyy).',
    readBadStatus:
      '"{text}" is not a status the app knows (e.g. изпълнена, в процес на изпълнение, не е започнала, отложена, отпаднала необходимост, done, or a percentage).',
    readCleared: 'The status was cleared: give a status or a percentage.',
    readNotXlsx: 'expected the .xlsx file of an exported report',
  },
);
