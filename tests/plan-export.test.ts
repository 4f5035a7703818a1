/**
 * The plan's export to .xlsx in the importer's layout (GET /plans/:planId/plan.xlsx): a plan
 * built in the structure editor, exported and read back by the importer, gives the same plan
 * field by field (its archived items left out), and re-importing the file into the same plan
 * shows no difference. Then the file is opened in LibreOffice.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { activityFields, areaFields, measureFields, type StructureArea } from '~/domain/plan-structure-form';
import { importPlanIntoDatabase, previewReimport } from '~/models/plan-import.server';
import { addStructureItem, getPlanStructure, setStructureArchived } from '~/models/plan-structure.server';
import { liveStructure } from '~/exports/plan-xlsx.server';
import { loader as exportLoader } from '~/routes/plans.$planId_.plan[.xlsx]';
import { parsePlanFile, type ParsedPlan } from '../importers';
import type { User } from '../db/schema';
import { convertWithLibreOffice, pdfPages, pdftotext, soffice } from './office';
import { call, makeRequest, makeUser } from './helpers';

let planId: number;
let secretary: User;

function add(level: 'area' | 'measure' | 'activity', parentId: number | null, fields: Record<string, string>): number {
  const schema = { area: areaFields, measure: measureFields, activity: activityFields }[level];
  const result = addStructureItem(planId, parentId, { level, fields: schema.parse(fields) } as never, secretary.id);
  if (!result.ok) throw new Error(result.reason);
  return result.id;
}

/** The plan built in the editor: two areas, measures of both kinds (one without a kind), an archived measure and activity. */
function buildPlan() {
  const area1 = add('area', null, { code: '1', title: 'Стратегическо планиране' });
  const strategic = add('measure', area1, { code: '1.1', title: 'Стратегия за развитие', kind: 'strategic', cafRefs: '1.1, 2.3' });
  add('activity', strategic, {
    code: '1.1.1',
    title: 'Работна група за стратегията',
    start: '2025-03-01',
    end: '2025-04-30',
    owners: 'Главен секретар, директори на дирекции',
    indicator: 'Заповед за работна група',
    target: 'до 7 служители',
  });
  add('activity', strategic, { code: '1.1.2', title: 'Чернова на стратегията', start: '2025-05-01', end: '2025-09-15', owners: 'Главен секретар', indicator: '', target: 'Чернова' });
  const archivedActivity = add('activity', strategic, { code: '1.1.3', title: 'Отменена дейност', start: '2025-01-01', end: '2025-01-31', owners: '' });
  const quick = add('measure', area1, { code: '1.2', title: 'Комуникация със заинтересованите страни', kind: 'quick_win', cafRefs: '' });
  add('activity', quick, { code: '1.2.1', title: 'План за комуникация', start: '', end: '2025-06-30', owners: 'експерт ИТ', indicator: 'Брой канали', target: '3' });
  const area2 = add('area', null, { code: '2', title: 'Хора' });
  const people = add('measure', area2, { code: '2.1', title: 'Обучения', kind: 'quick_win', cafRefs: '3.2' });
  add('activity', people, { code: '2.1.1', title: 'Годишен план за обучение', start: '2025-02-01', end: '2025-12-31', owners: 'директор на дирекция АПОФУС', indicator: 'План', target: '1 план' });
  const gone = add('measure', area2, { code: '2.2', title: 'Архивирана мярка', kind: 'strategic', cafRefs: '3.1' });
  add('activity', gone, { code: '2.2.1', title: 'Дейност на архивираната мярка', start: '2025-01-01', end: '2025-02-01', owners: 'Главен секретар' });
  expect(setStructureArchived(planId, 'activity', archivedActivity, 1, true, secretary.id).ok).toBe(true);
  expect(setStructureArchived(planId, 'measure', gone, 1, true, secretary.id).ok).toBe(true);
}

/** The plan's live structure in the importer's terms, to compare with what the importer reads. */
function asParsed(areas: StructureArea[]) {
  return liveStructure(areas).map((area) => ({
    code: area.code,
    title: area.title,
    measures: area.measures.map((measure) => ({
      code: measure.code,
      title: measure.title,
      kind: measure.kind,
      cafRefs: measure.cafRefs,
      activities: measure.activities.map((a) => ({
        code: a.code,
        title: a.title,
        start: a.start,
        end: a.currentEnd,
        ongoing: a.ongoing,
        ongoingText: a.ongoingText,
        indicator: a.indicator,
        target: a.target,
        owners: a.owners,
        resources: a.resources,
        note: a.note,
      })),
    })),
  }));
}

function withoutSources(parsed: ParsedPlan) {
  return parsed.areas.map((area) => ({
    ...area,
    measures: area.measures.map((measure) => ({
      ...measure,
      cafRefs: [...measure.cafRefs].sort(),
      activities: measure.activities.map(({ source: _source, status: _status, ...activity }) => activity),
    })),
  }));
}

async function exported(lang: 'bg' | 'en'): Promise<Uint8Array> {
  const user = { ...secretary, language: lang };
  const response = await call(exportLoader as never, await makeRequest(`/plans/${planId}/plan.xlsx`, { user }), { planId: String(planId) });
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toContain('spreadsheetml');
  return new Uint8Array(await response.arrayBuffer());
}

beforeAll(async () => {
  secretary = await makeUser('secretary');
  planId = importPlanIntoDatabase({ title: 'План 2025-2027', period: '2025-2027', areas: [], warnings: [] }, { fileName: 'нов', title: 'План за подобрение 2025-2027' });
  buildPlan();
});

describe('plan export to .xlsx and back through the importer', () => {
  for (const lang of ['bg', 'en'] as const) {
    it(`gives the plan's live areas, measures and activities field by field (${lang}); archived ones are left out`, async () => {
      const parsed = await parsePlanFile(await exported(lang), 'plan.xlsx', lang);
      expect(parsed.warnings).toEqual([]);
      const plan = getPlanStructure(planId);
      expect(withoutSources(parsed)).toEqual(asParsed(plan));
      const codes = parsed.areas.flatMap((a) => a.measures.flatMap((m) => [m.code, ...m.activities.map((x) => x.code)]));
      expect(codes).not.toContain('1.1.3');
      expect(codes).not.toContain('2.2');
      expect(codes).not.toContain('2.2.1');
      expect(parsed.title).toBe('План за подобрение 2025-2027');
    });
  }

  it('re-imported into the same plan, shows no difference', async () => {
    const parsed = await parsePlanFile(await exported('bg'), 'plan.xlsx', 'bg');
    const diff = previewReimport(planId, parsed);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([]);
    expect(diff.unchanged).toHaveLength(4);
  });

  it('keeps the CAF references of a measure without a kind, in a CAF column of their own', async () => {
    const area = getPlanStructure(planId).find((a) => a.code === '2')!;
    const plain = add('measure', area.id, { code: '2.3', title: 'Мярка без вид', kind: '', cafRefs: '4.1, 4.2' });
    add('activity', plain, { code: '2.3.1', title: 'Опис на партньорствата', start: '2025-04-01', end: '2025-05-31', owners: 'Главен секретар', indicator: '', target: '' });
    const parsed = await parsePlanFile(await exported('bg'), 'plan.xlsx', 'bg');
    expect(parsed.warnings).toEqual([]);
    expect(withoutSources(parsed)).toEqual(asParsed(getPlanStructure(planId)));
    expect(parsed.areas[1]!.measures.at(-1)).toMatchObject({ code: '2.3', kind: null, cafRefs: ['4.1', '4.2'] });
    const diff = previewReimport(planId, parsed);
    expect([diff.added, diff.removed, diff.changed]).toEqual([[], [], []]);
  });

  it('gives the Lovech plan back unchanged: exported, then re-imported into itself (ongoing periods, resources and notes too)', async () => {
    const lovech = await parsePlanFile(fs.readFileSync('db/demo/lovech-2022-2024.xlsx'), 'lovech-2022-2024.xlsx', 'bg');
    const lovechId = importPlanIntoDatabase(lovech, { fileName: 'lovech-2022-2024.xlsx', title: 'Ловеч 2022-2024' });
    const response = await call(exportLoader as never, await makeRequest(`/plans/${lovechId}/plan.xlsx`, { user: secretary }), { planId: String(lovechId) });
    const parsed = await parsePlanFile(new Uint8Array(await response.arrayBuffer()), 'plan.xlsx', 'bg');
    const diff = previewReimport(lovechId, parsed);
    expect(diff.changed.map((c) => [c.existing.code, c.changes])).toEqual([]);
    expect([diff.added, diff.removed]).toEqual([[], []]);
    expect(diff.unchanged).toHaveLength(lovech.areas.flatMap((a) => a.measures.flatMap((m) => m.activities)).length);
    expect(withoutSources(parsed)).toEqual(asParsed(getPlanStructure(lovechId)));
  });

  it.skipIf(!soffice || !pdftotext)('opens in LibreOffice with every live activity on the page', async () => {
    const pdf = convertWithLibreOffice(await exported('bg'), 'plan.xlsx', 'pdf');
    if (process.env.PLAN_EXPORT_PDF) fs.writeFileSync(process.env.PLAN_EXPORT_PDF, pdf);
    const text = pdfPages(pdf).join('\n');
    for (const words of ['План за подобрение 2025-2027', 'Област 1: Стратегическо планиране', '1.1.1. Работна група', '2.1.1. Годишен план', '01.02.2025', 'Стратегически', 'Индикатор']) {
      expect(text.replace(/\s+/g, ' ')).toContain(words);
    }
    expect(text).not.toContain('Архивирана мярка');
  }, 120_000);
});
