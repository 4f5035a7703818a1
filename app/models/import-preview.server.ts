import type { Lang } from '~/domain/lang';
import type { PreviewData } from '~/components/import-preview';
import { translateWith } from '~/i18n/core';
import { importerWords } from '~/i18n/importer';
import { ImportError, previewRows, readOrRefuse, readPlanFile, type Mapping, type PlanUnderstood, type SheetPreview } from '../../importers';
import { countActivities, previewReimport } from './plan-import.server';
import { findSimilarPlans } from './plan.server';

/** The first rows of each sheet shown in the mapping step's grid (where the header rows are ticked). */
export const SAMPLE_ROWS = 30;
/** Columns and characters per cell of those rows sent to the page (a hostile sheet has 5,000 columns or 1 MB cells). */
export const SAMPLE_COLUMNS = 52;
export const SAMPLE_CELL_CHARS = 200;

export type PlanRead = { read: PlanUnderstood; sampleRows: SheetPreview[]; problem: string | null };

/**
 * Reads an upload once (by the mapping, when given): the plan, how it was understood and the
 * first rows of each sheet, and why it cannot be confirmed when nothing in it was recognised
 * (the mapping step starts from that understanding and those rows); or why the file cannot be
 * read at all.
 */
export async function readPlan(bytes: Uint8Array, fileName: string, lang: Lang, mapping?: Mapping): Promise<{ read: PlanRead } | { refusal: string }> {
  return readOrRefuse(readPlanOrUnderstanding(bytes, fileName, lang, mapping), lang);
}

async function readPlanOrUnderstanding(bytes: Uint8Array, fileName: string, lang: Lang, mapping?: Mapping): Promise<PlanRead> {
  try {
    const { plan, understanding, sampleRows } = await readPlanFile(bytes, fileName, lang, mapping ? { mapping } : {}, SAMPLE_ROWS);
    return { read: { plan, understanding }, sampleRows: shortRows(sampleRows), problem: countActivities(plan) === 0 ? translateWith(lang, importerWords, 'importNothing') : null };
  } catch (error) {
    if (!(error instanceof ImportError) || !error.understanding) throw error;
    // Nothing was recognised: the rows are read once more, for the mapping step's grid.
    const sampleRows = shortRows(await previewRows(bytes, fileName, SAMPLE_ROWS));
    return { read: { plan: { title: null, period: null, areas: [], warnings: [] }, understanding: error.understanding }, sampleRows, problem: error.in(lang) };
  }
}

function shortRows(sheets: SheetPreview[]): SheetPreview[] {
  return sheets.map((sheet) => ({ ...sheet, rows: sheet.rows.map((row) => row.slice(0, SAMPLE_COLUMNS).map((cell) => cell.slice(0, SAMPLE_CELL_CHARS))) }));
}

/** What the preview shows of a file read: the plan, the warnings, how it was understood, the diff against a plan. */
export function previewData(input: {
  token: string;
  fileName: string;
  read: PlanUnderstood;
  sampleRows: SheetPreview[];
  problem: string | null;
  /** Read by the mapping kept for the organization's files with these headers. */
  kept: boolean;
  planId: number | null;
  title: string;
  /** sha256 (hex) of the file's bytes. */
  sha256: string;
}): PreviewData {
  const { plan, understanding } = input.read;
  const reimport = input.planId ? previewReimport(input.planId, plan) : null;
  const title = input.title || plan.title || input.fileName;
  return {
    token: input.token,
    problem: input.problem,
    kept: input.kept,
    fileName: input.fileName,
    planId: input.planId,
    title,
    period: plan.period,
    similar: findSimilarPlans({ sha256: input.sha256, title, period: plan.period, exceptPlanId: input.planId }),
    counts: {
      areas: plan.areas.length,
      measures: plan.areas.reduce((n, a) => n + a.measures.length, 0),
      activities: countActivities(plan),
    },
    warnings: plan.warnings,
    areas: plan.areas,
    understanding,
    sampleRows: input.sampleRows,
    diff: reimport && {
      added: reimport.added.map(({ code, title, measureCode }) => ({ code, title, measureCode })),
      removed: reimport.removed.map(({ code, title, measureCode }) => ({ code, title, measureCode })),
      changed: reimport.changed.map((m) => ({ code: m.incoming.code, title: m.incoming.title, changes: m.changes })),
      unchanged: reimport.unchanged.length,
    },
  };
}
