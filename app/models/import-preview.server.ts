import { previewRows, type PlanUnderstood } from '../../importers';
import type { PreviewData } from '~/components/import-preview';
import { countActivities, previewReimport } from './plan-import.server';

/** The first rows of each sheet shown under the preview (and as the mapping step's grid). */
export const SAMPLE_ROWS = 12;

/** What the preview shows of a file read: the plan, the warnings, how it was understood, the diff against a plan. */
export async function previewData(input: {
  token: string;
  fileName: string;
  bytes: Uint8Array;
  read: PlanUnderstood;
  planId: number | null;
  title: string;
}): Promise<PreviewData> {
  const { plan, understanding } = input.read;
  const reimport = input.planId ? previewReimport(input.planId, plan) : null;
  return {
    token: input.token,
    fileName: input.fileName,
    planId: input.planId,
    title: input.title || plan.title || input.fileName,
    period: plan.period,
    counts: {
      areas: plan.areas.length,
      measures: plan.areas.reduce((n, a) => n + a.measures.length, 0),
      activities: countActivities(plan),
    },
    warnings: plan.warnings,
    areas: plan.areas,
    understanding,
    sampleRows: await previewRows(input.bytes, input.fileName, SAMPLE_ROWS),
    diff: reimport && {
      added: reimport.added.map(({ code, title, measureCode }) => ({ code, title, measureCode })),
      removed: reimport.removed.map(({ code, title, measureCode }) => ({ code, title, measureCode })),
      changed: reimport.changed.map((m) => ({ code: m.incoming.code, title: m.incoming.title, changes: m.changes })),
      unchanged: reimport.unchanged.length,
    },
  };
}
