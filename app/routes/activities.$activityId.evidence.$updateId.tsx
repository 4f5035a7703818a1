import type { LoaderFunctionArgs } from '@remix-run/node';
import { requirePermission } from '~/auth.server';
import { evidenceDownload, getEvidenceFile } from '~/evidence-files.server';
import { idSchema } from '~/domain/form-input';

/** An uploaded evidence file, to signed-in readers only, always as a download and never sniffed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'plan:read');
  const activityId = idSchema.safeParse(params.activityId);
  const updateId = idSchema.safeParse(params.updateId);
  const file = activityId.success && updateId.success ? getEvidenceFile(activityId.data, updateId.data) : null;
  if (!file) throw new Response('Not found', { status: 404 });
  return evidenceDownload(file);
}
