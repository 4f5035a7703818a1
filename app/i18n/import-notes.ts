import { defineWords } from './words';

/** What the imports write into a plan's history and warnings (status report import, plan re-import); server only, never sent to a page. */
export const importNoteWords = defineWords(
  {
    statusImportNoKeys: 'Файлът няма скрити ключове на дейностите: изберете плана, към който се отнася.',
    statusImportSource: 'Импортирано от файл „{file}“.',
    statusImportNewEnd: 'Предложено ново крайно време: {date}.',
    reimportReason: 'Повторен импорт от {file}',
  },
  {
    statusImportNoKeys: 'The file carries no activity keys: choose the plan it belongs to.',
    statusImportSource: 'Imported from the file "{file}".',
    statusImportNewEnd: 'Proposed new deadline: {date}.',
    reimportReason: 'Re-imported from {file}',
  },
);
