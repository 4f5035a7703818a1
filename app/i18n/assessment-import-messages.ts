import { defineWords } from './words';

/**
 * What the self-assessment importer (importers/assessment/) and its command
 * (scripts/assessment-cli.ts) say; server only, never sent to a page (the import page's own
 * words are in assessment-import.ts).
 */
export const assessmentImportMessages = defineWords(
  {
    // The reading of the sheets (importers/assessment/build.ts).
    noTable:
      'нито един лист няма таблица на самооценка: ред със заглавия, който назовава подкритерия („Подкритерий“, „Код“, „Sub-criterion“) и оценката, фазите или силните страни („Оценка“, „Планиране“, „Силни страни“, „Score“, „Strengths“) (прочетени листове: {sheets})',
    sheetName: '„{name}“',
    noSubCriteria: 'нито един ред няма код на подкритерий по CAF 2020 (от 1.1 до 9.2) ({tables})',
    tableAt: 'лист „{sheet}“, заглавия на ред {row}, кодове търсени в колона „{column}“',
    unknownCode: '„{code}“ не е подкритерий по CAF 2020 (от 1.1 до 9.2); редът не е прочетен',
    noCode: '„{text}“ няма код на подкритерий (напр. 1.1); редът не е прочетен',
    noCodeAbove: 'редът няма код на подкритерий и над него няма подкритерий; не е прочетен',
    badScore: '„{text}“ не е оценка от 0 до 100; не е прочетена',
    secondScore: 'втора оценка за {code} ({value}) се различава от тази на ред {firstRow} ({first}); запазена е първата',
    phaseMissing: '{code} няма оценка за {phases}; оценките по фази не са прочетени',
    phase_plan: 'Планиране (PLAN)',
    phase_do: 'Изпълнение (DO)',
    phase_check: 'Проверка (CHECK)',
    phase_act: 'Корекция (ACT)',
    phase_trends: 'Тенденции (TRENDS)',
    phase_targets: 'Цели (TARGETS)',
    phasesOfResult:
      '{code} е резултат (критерии 6-9): оценява се по тенденции и цели, не по фазите Планиране, Изпълнение, Проверка, Корекция; тези оценки не са прочетени',
    resultsOfEnabler:
      '{code} е фактор (критерии 1-5): оценява се по фазите Планиране, Изпълнение, Проверка, Корекция, не по тенденции и цели; тези оценки не са прочетени',
    unknownKind: '„{text}“ не казва дали е силна страна или област за подобрение; текстът не е прочетен',
    noKind:
      'до колоната с текст няма колона „Вид“ (силна страна / област за подобрение), нито името на листа го казва; текстовете не са прочетени',
    missingSubCriteria: 'във файла няма нищо за {count} от 28-те подкритерия: {codes}',
    // The command's summary (scripts/assessment-cli.ts).
    cannotOpen: 'файлът не може да бъде отворен',
    scoringClassical: 'класическо оценяване',
    scoringFineTuned: 'прецизно оценяване',
    count_subCriterion_one: '{n} подкритерий',
    count_subCriterion_other: '{n} подкритерия',
    count_strength_one: '{n} силна страна',
    count_strength_other: '{n} силни страни',
    count_improvement_one: '{n} област за подобрение',
    count_improvement_other: '{n} области за подобрение',
    count_warning_one: '{n} предупреждение',
    count_warning_other: '{n} предупреждения',
  },
  {
    noTable:
      'no sheet has a self-assessment table: a header row naming the sub-criterion ("Подкритерий", "Код", "Sub-criterion") and its score, phases or strengths ("Оценка", "Планиране", "Силни страни", "Score", "Strengths") (sheets read: {sheets})',
    sheetName: '"{name}"',
    noSubCriteria: 'no row has a CAF 2020 sub-criterion code (1.1 to 9.2) ({tables})',
    tableAt: 'sheet "{sheet}", header on row {row}, codes looked for in column "{column}"',
    unknownCode: '"{code}" is not a CAF 2020 sub-criterion (1.1 to 9.2); the row is not read',
    noCode: '"{text}" has no sub-criterion code (such as 1.1); the row is not read',
    noCodeAbove: 'the row has no sub-criterion code and no sub-criterion above it; it is not read',
    badScore: '"{text}" is not a score from 0 to 100; not read',
    secondScore: 'a second score for {code} ({value}) differs from the one on row {firstRow} ({first}); the first is kept',
    phaseMissing: '{code} has no {phases} score; its phase scores are not read',
    phase_plan: 'PLAN',
    phase_do: 'DO',
    phase_check: 'CHECK',
    phase_act: 'ACT',
    phase_trends: 'TRENDS',
    phase_targets: 'TARGETS',
    phasesOfResult:
      '{code} is a result (criteria 6-9): it is scored by TRENDS and TARGETS, not by PLAN, DO, CHECK, ACT; those scores are not read',
    resultsOfEnabler:
      '{code} is an enabler (criteria 1-5): it is scored by PLAN, DO, CHECK, ACT, not by TRENDS and TARGETS; those scores are not read',
    unknownKind:
      '"{text}" says neither strength ("силна страна") nor area for improvement ("област за подобрение"); the item is not read',
    noKind:
      'the text column has no kind column ("Вид": силна страна / област за подобрение) beside it, and the sheet\'s name does not say; the items are not read',
    missingSubCriteria: 'the file has nothing for {count} of the 28 sub-criteria: {codes}',
    cannotOpen: 'cannot open the file',
    scoringClassical: 'classical scoring',
    scoringFineTuned: 'fine-tuned scoring',
    count_subCriterion_one: '{n} sub-criterion',
    count_subCriterion_other: '{n} sub-criteria',
    count_strength_one: '{n} strength',
    count_strength_other: '{n} strengths',
    count_improvement_one: '{n} area for improvement',
    count_improvement_other: '{n} areas for improvement',
    count_warning_one: '{n} warning',
    count_warning_other: '{n} warnings',
  },
);
