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
  },
);
