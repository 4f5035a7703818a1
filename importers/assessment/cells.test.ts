import { describe, expect, it } from 'vitest';
import { readCode, readItemKind, readScore, splitItems } from './cells';
import { recogniseAssessmentColumn } from './columns';

describe('recogniseAssessmentColumn', () => {
  it.each([
    ['Подкритерий', 'subCriterion'],
    ['Sub-criterion', 'subCriterion'],
    ['Критерий', 'criterion'],
    ['Код', 'code'],
    ['№', 'code'],
    ['Оценка', 'score'],
    ['Точки', 'score'],
    ['Score', 'score'],
    ['Обща оценка', 'score'],
    ['Планиране/Plan', 'plan'],
    ['PLAN (планиране)', 'plan'],
    ['Изпълнение/Do', 'do'],
    ['Проверка/Check', 'check'],
    ['Корекция/Act', 'act'],
    ['Тенденции/Trends', 'trends'],
    ['Цели/Targets', 'targets'],
    ['Оценка P', 'plan'],
    ['Силни страни', 'strengths'],
    ['Strengths', 'strengths'],
    ['Области за подобрение', 'improvements'],
    ['Области за усъвършенстване', 'improvements'],
    ['Areas for improvement', 'improvements'],
    ['Вид', 'kind'],
    ['Текст', 'text'],
    ['Описание', 'text'],
    ['Бележка', null],
    ['Area', null],
  ])('%s -> %s', (text, key) => {
    expect(recogniseAssessmentColumn(text)).toBe(key);
  });

  it('reads a one-letter phase under a score group header', () => {
    expect(recogniseAssessmentColumn('D', 'Оценка')).toBe('do');
  });
});

describe('readCode', () => {
  it.each([
    ['1.1', { kind: 'sub', code: '1.1' }],
    ['1.1.', { kind: 'sub', code: '1.1' }],
    ['Подкритерий 1.1', { kind: 'sub', code: '1.1' }],
    ['подкритерий №4.6', { kind: 'sub', code: '4.6' }],
    ['1.1 Насочване на организацията', { kind: 'sub', code: '1.1' }],
    ['2.3. Комуникиране', { kind: 'sub', code: '2.3' }],
    ['9.2: Internal results', { kind: 'sub', code: '9.2' }],
    ['Критерий 1. Лидерство', { kind: 'criterion', code: '1' }],
    ['1. Лидерство', { kind: 'criterion', code: '1' }],
    ['1.7', { kind: 'unknown', code: '1.7' }],
    ['10.1', { kind: 'unknown', code: '10.1' }],
    ['1.1.1 Пример', { kind: 'unknown', code: '1.1.1' }],
    ['1.12', { kind: 'unknown', code: '1.12' }],
    ['Лидерство', { kind: 'none' }],
    ['2022 г.', { kind: 'none' }],
  ])('%s', (text, read) => {
    expect(readCode(text)).toEqual(read);
  });
});

describe('readScore', () => {
  it('reads numbers and number texts in 0-100 as written', () => {
    expect([45, '45', '38,5', '70 т.', '100', 0, '0.5'].map((v) => readScore(v))).toEqual([45, 45, 38.5, 70, 100, 0, 0.5]);
    expect(readScore(0.75, true)).toBe(75);
  });

  it('empty and dashes are no score; text, dates and numbers out of range are invalid', () => {
    expect([null, '', ' - ', '—', 'н/п'].map((v) => readScore(v))).toEqual([null, null, null, null, null]);
    expect([101, -1, '120', 'добре', '45-50', new Date(0), Number.NaN, 1.5].map((v) => readScore(v, v === 1.5))).toEqual(Array(8).fill('invalid'));
  });
});

describe('splitItems', () => {
  it('one item per line, or per mark when the lines have marks (a wrapped line joins the item above)', () => {
    expect(splitItems('Първо\r\nВторо\n\n Трето ')).toEqual(['Първо', 'Второ', 'Трето']);
    expect(splitItems('- Първо, което е\nдълго;\n- Второ')).toEqual(['Първо, което е дълго', 'Второ']);
    expect(splitItems('• едно • две ▪ три')).toEqual(['едно', 'две', 'три']);
    expect(splitItems('1. едно\n2) две\nа) три')).toEqual(['едно', 'две', 'три']);
    expect(splitItems('Едно\nЕдно')).toEqual(['Едно']);
    expect(splitItems('Бюджетът е изпълнен на 98,5%')).toEqual(['Бюджетът е изпълнен на 98,5%']);
    expect(splitItems('  \n ')).toEqual([]);
  });
});

describe('readItemKind', () => {
  it.each([
    ['силна страна', 'strengths'],
    ['Силни страни', 'strengths'],
    ['Strength', 'strengths'],
    ['+', 'strengths'],
    ['област за подобрение', 'improvements'],
    ['Области за усъвършенстване', 'improvements'],
    ['Area for improvement', 'improvements'],
    ['-', 'improvements'],
    ['ОП', 'improvements'],
    ['бележка', null],
    ['', null],
  ])('%s', (text, kind) => {
    expect(readItemKind(text)).toBe(kind);
  });
});
