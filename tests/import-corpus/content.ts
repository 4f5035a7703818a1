/**
 * The plan every corpus layout writes (tests/import-corpus/layouts.ts): three areas, five
 * measures, eight activities, with the fields real Bulgarian plans carry. Each layout writes
 * what its columns can hold and expects back exactly that.
 */
import type { MeasureKind, ParsedActivityStatus } from '../../importers/types';

export interface ContentActivity {
  code: string;
  title: string;
  start: string;
  end: string;
  owners: string[];
  /** How the owners are written in one cell. */
  ownersText: string;
  indicator: string;
  target: string;
  status: { text: string; status: ParsedActivityStatus['status'] };
  resources: string;
  note: string | null;
}

export interface ContentMeasure {
  code: string;
  title: string;
  kind: MeasureKind;
  caf: string[];
  activities: ContentActivity[];
}

export interface ContentArea {
  code: string;
  title: string;
  /** The area as an English plan names it. */
  english: string;
  measures: ContentMeasure[];
}

const DONE = { text: 'изпълнена', status: 'done' } as const;
const IN_PROGRESS = { text: 'в процес на изпълнение', status: 'in_progress' } as const;
const PLANNED = { text: 'не е започнала', status: 'planned' } as const;

export const CONTENT: ContentArea[] = [
  {
    code: '1',
    title: 'Лидерство',
    english: 'Leadership',
    measures: [
      {
        code: '1.1',
        title: 'Актуализиране на стратегията за развитие на администрацията',
        kind: 'strategic',
        caf: ['1.1', '1.2'],
        activities: [
          {
            code: '1.1.1',
            title: 'Сформиране на работна група',
            start: '2024-01-15',
            end: '2024-03-29',
            owners: ['Главен секретар'],
            ownersText: 'Главен секретар',
            indicator: 'Издадена заповед',
            target: '1 заповед',
            status: DONE,
            resources: 'Не са необходими',
            note: null,
          },
          {
            code: '1.1.2',
            title: 'Провеждане на обществено обсъждане на проекта',
            start: '2024-04-01',
            end: '2024-06-28',
            owners: ['Дирекция „Финанси и администрация“', 'експерт ИТ'],
            ownersText: 'Дирекция „Финанси и администрация“, експерт ИТ',
            indicator: 'Брой получени становища',
            target: 'не по-малко от 10',
            status: IN_PROGRESS,
            resources: '2000 лв.',
            note: 'съвместно с НПО',
          },
        ],
      },
      {
        code: '1.2',
        title: 'Въвеждане на електронен регистър на заповедите',
        kind: 'quick_win',
        caf: ['1.3'],
        activities: [
          {
            code: '1.2.1',
            title: 'Избор и внедряване на софтуер',
            start: '2024-02-01',
            end: '2024-05-31',
            owners: ['експерт ИТ'],
            ownersText: 'експерт ИТ',
            indicator: 'Внедрен регистър',
            target: '100% от заповедите',
            status: DONE,
            resources: '5000 лв.',
            note: null,
          },
        ],
      },
    ],
  },
  {
    code: '2',
    title: 'Управление на човешките ресурси',
    english: 'People',
    measures: [
      {
        code: '2.1',
        title: 'Обучение на служителите по модела CAF',
        kind: 'strategic',
        caf: ['3.2'],
        activities: [
          {
            code: '2.1.1',
            title: 'Обучение на групата за самооценка',
            start: '2024-03-01',
            end: '2024-05-31',
            owners: ['директори на дирекции'],
            ownersText: 'директори на дирекции',
            indicator: 'Брой обучени служители',
            target: '12 служители',
            status: DONE,
            resources: 'ИПА',
            note: null,
          },
          {
            code: '2.1.2',
            title: 'Въвеждащо обучение на новопостъпилите служители',
            start: '2024-09-02',
            end: '2024-12-31',
            owners: ['Главен секретар', 'директори на дирекции'],
            ownersText: 'Главен секретар;\nдиректори на дирекции',
            indicator: 'Проведени обучения',
            target: '2 обучения годишно',
            status: IN_PROGRESS,
            resources: 'В рамките на бюджета',
            note: null,
          },
          {
            code: '2.1.3',
            title: 'Оценка на ефекта от обученията',
            start: '2025-01-06',
            end: '2025-02-28',
            owners: ['директор на дирекция АПОФУС'],
            ownersText: 'директор на дирекция АПОФУС',
            indicator: 'Изготвен анализ',
            target: '1 анализ',
            status: PLANNED,
            resources: 'Не са необходими',
            note: 'по анкета',
          },
        ],
      },
      {
        code: '2.2',
        title: 'Проучване на удовлетвореността на служителите',
        kind: 'quick_win',
        caf: ['7.1'],
        activities: [
          {
            code: '2.2.1',
            title: 'Анкетно проучване сред служителите',
            start: '2024-10-01',
            end: '2024-11-29',
            owners: ['Главен секретар', 'експерт „Човешки ресурси“'],
            ownersText: 'Главен секретар и експерт „Човешки ресурси“',
            indicator: 'Дял на участвалите',
            target: 'над 60%',
            status: PLANNED,
            resources: 'Не са необходими',
            note: null,
          },
        ],
      },
    ],
  },
  {
    code: '3',
    title: 'Резултати, ориентирани към гражданите',
    english: 'Citizen results',
    measures: [
      {
        code: '3.1',
        title: 'Подобряване на административното обслужване',
        kind: 'strategic',
        caf: ['6.1', '6.2'],
        activities: [
          {
            code: '3.1.1',
            title: 'Въвеждане на обслужване на едно гише',
            start: '2024-06-03',
            end: '2025-06-30',
            owners: ['Дирекция АПОФУС'],
            ownersText: 'Дирекция АПОФУС',
            indicator: 'Работещ център за услуги',
            target: '1 център',
            status: IN_PROGRESS,
            resources: '15 000 лв.',
            note: null,
          },
          {
            code: '3.1.2',
            title: 'Публикуване на хартата на клиента',
            start: '2024-06-03',
            end: '2024-07-31',
            owners: ['експерт ИТ'],
            ownersText: 'експерт ИТ',
            indicator: 'Публикувана харта',
            target: 'публикувана на сайта',
            status: DONE,
            resources: 'Не са необходими',
            note: null,
          },
        ],
      },
    ],
  },
];
