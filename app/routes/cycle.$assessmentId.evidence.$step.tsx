import type { LoaderFunctionArgs } from '@remix-run/node';
import { requirePermission } from '~/auth.server';
import { CYCLE_STEPS, type CycleStep } from '~/domain/caf-cycle';
import { parseId } from '~/domain/form-input';
import { evidenceDownload, storedEvidencePath } from '~/evidence-files.server';
import { cycleStepFile } from '~/models/cycle.server';

/** GET /cycle/:assessmentId/evidence/:step — the evidence file recorded for a step of the CAF cycle, as a download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'assessment:read');
  const assessmentId = parseId(params.assessmentId);
  const step = CYCLE_STEPS.find((known) => known === params.step) as CycleStep | undefined;
  const file = assessmentId !== null && step ? cycleStepFile(assessmentId, step) : null;
  const onDisk = file ? storedEvidencePath(file.stored) : null;
  if (!file || !onDisk) throw new Response('Not found', { status: 404 });
  return evidenceDownload({ path: onDisk, fileName: file.fileName });
}
