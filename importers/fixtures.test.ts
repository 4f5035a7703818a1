import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lovechDocx, lovechOds } from '../tests/hostile/document-builder';
import { activities, measures, withoutSources } from './test-support';
import type { ParsedPlan } from './types';
import { parsePlanFile, previewRows } from './index';

const fixture = (name: string) => readFileSync(new URL(`../tests/fixtures/${name}`, import.meta.url));
const expected = JSON.parse(fixture('lovech-2022-2024.expected.json').toString('utf8')) as Omit<ParsedPlan, 'areas'> & {
  areas: ReturnType<typeof withoutSources>['areas'];
};

describe('the Lovech plan', () => {
  it('reads the .xlsx exactly as the reference text says', async () => {
    const plan = await parsePlanFile(fixture('lovech-2022-2024.xlsx'), 'lovech-2022-2024.xlsx', 'en');
    expect(withoutSources(plan)).toEqual(expected);
  });

  it('reads the .csv to the same plan (a CSV has no title block)', async () => {
    const plan = await parsePlanFile(fixture('lovech-2022-2024.csv'), 'lovech-2022-2024.csv', 'en');
    expect(withoutSources(plan)).toEqual({
      ...expected,
      title: null,
      period: null,
      warnings: [
        {
          sheet: 'lovech-2022-2024.csv',
          row: 33,
          column: 'Наименование на дейността',
          message: 'activity code 2.8.2 is used twice (also on row 32); both kept',
        },
      ],
    });
  });

  it('reads the same dates in any time zone', async () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        const plan = await parsePlanFile(fixture('lovech-2022-2024.xlsx'), 'lovech-2022-2024.xlsx', 'en');
        expect(activities(plan).slice(0, 2).map((a) => [a.start, a.end])).toEqual([
          ['2022-03-14', '2022-03-18'],
          ['2022-03-18', '2022-09-15'],
        ]);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('counts 3 areas, 32 measures and 54 activities', () => {
    expect(expected.areas).toHaveLength(3);
    expect(expected.areas.flatMap((a) => a.measures)).toHaveLength(32);
    expect(expected.areas.flatMap((a) => a.measures.flatMap((m) => m.activities))).toHaveLength(54);
  });

  it('points every activity at its row in the .xlsx', async () => {
    const plan = await parsePlanFile(fixture('lovech-2022-2024.xlsx'), 'lovech-2022-2024.xlsx', 'en');
    const byCode = (code: string) => activities(plan).filter((a) => a.code === code);
    expect(byCode('1.1.1')[0].source).toEqual({ sheet: 'План за подобрение', row: 13 });
    expect(byCode('1.1.2')[0].source).toEqual({ sheet: 'План за подобрение', row: 14 });
    expect(byCode('2.8.2').map((a) => a.source.row)).toEqual([42, 43]);
    expect(byCode('3.15.1')[0].source).toEqual({ sheet: 'План за подобрение', row: 68 });
  });

  it('points every activity at its record in the .csv', async () => {
    const plan = await parsePlanFile(fixture('lovech-2022-2024.csv'), 'lovech-2022-2024.csv', 'en');
    expect(activities(plan)[0].source).toEqual({ sheet: 'lovech-2022-2024.csv', row: 3 });
    expect(activities(plan).at(-1)!.source).toEqual({ sheet: 'lovech-2022-2024.csv', row: 58 });
  });

  it('keeps the measure of merged cells for every activity below it', async () => {
    const plan = await parsePlanFile(fixture('lovech-2022-2024.xlsx'), 'lovech-2022-2024.xlsx', 'en');
    const measure = measures(plan).find((m) => m.code === '2.3')!;
    expect(measure.activities.map((a) => a.code)).toEqual(['2.3.1', '2.3.2', '2.3.3', '2.3.4']);
    expect(measure).toMatchObject({ kind: 'strategic', cafRefs: ['7.2'] });
  });

  it('previews the first rows of each sheet as read', async () => {
    const preview = await previewRows(fixture('lovech-2022-2024.xlsx'), 'lovech-2022-2024.xlsx', 12);
    expect(preview).toHaveLength(1);
    expect(preview[0].sheet).toBe('План за подобрение');
    expect(preview[0].rows).toHaveLength(12);
    expect(preview[0].rows[0]).toEqual(['УТВЪРЖДАВАМ:.....']);
    expect(preview[0].rows[7].slice(0, 2)).toEqual(['Мярка', 'Наименование на дейността']);
    expect(preview[0].rows[10].slice(4, 6)).toEqual(['2022-03-14', '2022-03-18']);
    const csv = await previewRows(fixture('lovech-2022-2024.csv'), 'lovech-2022-2024.csv');
    expect(csv[0].rows).toHaveLength(15);
    expect(csv[0].rows[1]).toEqual([
      'Област 1: Стратегическо планиране на организационното развитие и проследяване на резултатите от изпълнението',
      '', '', '', '', '', '', '', '',
    ]);
  });

  it('reads the plan as a Word table (title block in paragraphs above it, merges as gridSpan and vMerge) to the same plan', async () => {
    const { bytes, firstTableRow } = await lovechDocx();
    const plan = await parsePlanFile(bytes, 'lovech-2022-2024.docx', 'en');
    // Word counts the rows of the table: the sheet's row 43 is the table's row 34.
    const shifted = (row: number) => row - firstTableRow + 1;
    expect(withoutSources(plan)).toEqual({
      ...expected,
      warnings: [{ ...expected.warnings[0]!, sheet: 'Таблица 1', row: shifted(43), message: `activity code 2.8.2 is used twice (also on row ${shifted(42)}); both kept` }],
    });
    expect(activities(plan).find((a) => a.code === '1.1.2')!.source).toEqual({ sheet: 'Таблица 1', row: shifted(14) });
    const preview = await previewRows(bytes, 'lovech-2022-2024.docx', 9);
    // The rows of the table (the paragraphs above it are its heading, not rows a mapping could name).
    expect(preview[0]!.rows[0]!.slice(0, 2)).toEqual(['Мярка', 'Наименование на дейността']);
  });

  it('reads the plan as a LibreOffice Calc sheet (merges as spans over covered cells) to the same plan', async () => {
    const plan = await parsePlanFile(await lovechOds(), 'lovech-2022-2024.ods', 'en');
    expect(withoutSources(plan)).toEqual(expected);
  });

  it('reads a file by what it holds when its extension names another format it reads', async () => {
    const { bytes } = await lovechDocx();
    expect(activities(await parsePlanFile(bytes, 'plan.xlsx'))).toHaveLength(54);
    expect(activities(await parsePlanFile(await lovechOds(), 'plan.docx'))).toHaveLength(54);
    expect(activities(await parsePlanFile(fixture('lovech-2022-2024.xlsx'), 'plan.ods'))).toHaveLength(54);
  });
});
