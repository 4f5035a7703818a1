import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requirePermission } from '~/auth.server';
import { attachmentDisposition, getEvidenceFile } from '~/evidence-files.server';
import { idSchema } from '~/domain/form-input';


/** An uploaded evidence file, to signed-in readers only, always as a download and never sniffed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'plan:read');
  const activityId = idSchema.safeParse(params.activityId);
  const updateId = idSchema.safeParse(params.updateId);
  const file = activityId.success && updateId.success ? getEvidenceFile(activityId.data, updateId.data) : null;
  if (!file) throw new Response('Not found', { status: 404 });
  const size = fs.statSync(file.path).size;
  const body = Readable.toWeb(fs.createReadStream(file.path)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(size),
      'Content-Disposition': attachmentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
