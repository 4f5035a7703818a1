import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, isNotNull } from 'drizzle-orm';
import { env } from '~/env.server';
import { MAX_FORM_BYTES, readForm, readUpload } from '~/upload.server';
import { uploadedFileName } from '~/domain/form-input';
import { statusUpdates } from '../db/schema';
import { getDb } from '../db/client';

/** Largest evidence file accepted: 10 MB. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
const STORED_NAME = /^[0-9a-f]{32}(\.[a-z0-9]{1,10})?$/;

export type FormResult = { ok: true; form: FormData } | { ok: false; error: 'trFileTooLarge' | 'trBadForm' };

/**
 * Reads a form that may carry an evidence file, refusing anything over MAX_EVIDENCE_BYTES
 * without buffering it (app/upload.server.ts: capped while it streams, a broken multipart
 * body an error, not a crash).
 */
export async function readFormWithFile(request: Request): Promise<FormResult> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    try {
      return { ok: true, form: await readForm(request, MAX_FORM_BYTES) };
    } catch (thrown) {
      return { ok: false, error: thrown instanceof Response && thrown.status === 413 ? 'trFileTooLarge' : 'trBadForm' };
    }
  }
  const upload = await readUpload(request, MAX_EVIDENCE_BYTES);
  if ('error' in upload) return { ok: false, error: upload.error === 'too-large' ? 'trFileTooLarge' : 'trBadForm' };
  return { ok: true, form: upload.form };
}

/** An uploaded file worth keeping: a File with a name and some content. */
export function uploadedFile(value: FormDataEntryValue | null): File | null {
  return value instanceof File && value.size > 0 && value.name ? value : null;
}

function uploadsDir(): string {
  return path.resolve(env.UPLOADS_DIR);
}

/** Stores the file under UPLOADS_DIR with a generated name; returns that name and the original one. */
export async function storeEvidenceFile(file: File): Promise<{ evidenceFile: string; evidenceFileName: string }> {
  if (file.size > MAX_EVIDENCE_BYTES) throw new RangeError('Evidence file too large');
  const ext = path.extname(file.name).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 11);
  const stored = `${crypto.randomBytes(16).toString('hex')}${/^\.[a-z0-9]{1,10}$/.test(ext) ? ext : ''}`;
  fs.mkdirSync(uploadsDir(), { recursive: true });
  fs.writeFileSync(path.join(uploadsDir(), stored), Buffer.from(await file.arrayBuffer()), { flag: 'wx' });
  const original = uploadedFileName(file.name) || stored;
  return { evidenceFile: stored, evidenceFileName: original };
}

/** Removes a stored file (used when the update it belonged to could not be saved). */
export function removeEvidenceFile(stored: string): void {
  if (STORED_NAME.test(stored)) fs.rmSync(path.join(uploadsDir(), stored), { force: true });
}

/** The stored evidence file of one update of one activity, or null. */
export function getEvidenceFile(activityId: number, updateId: number): { path: string; fileName: string } | null {
  const row = getDb()
    .select({ stored: statusUpdates.evidenceFile, fileName: statusUpdates.evidenceFileName })
    .from(statusUpdates)
    .where(and(eq(statusUpdates.id, updateId), eq(statusUpdates.activityId, activityId), isNotNull(statusUpdates.evidenceFile)))
    .get();
  const file = storedEvidencePath(row?.stored ?? null);
  return file ? { path: file, fileName: row?.fileName ?? path.basename(file) } : null;
}

/** The path of a stored evidence file that is on disk, or null. */
export function storedEvidencePath(stored: string | null): string | null {
  if (!stored || !STORED_NAME.test(stored)) return null;
  const file = path.join(uploadsDir(), stored);
  return fs.existsSync(file) ? file : null;
}

/** An evidence file as a download, never sniffed nor rendered. */
export function evidenceDownload(file: { path: string; fileName: string }): Response {
  const body = Readable.toWeb(fs.createReadStream(file.path)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(fs.statSync(file.path).size),
      'Content-Disposition': attachmentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}

/** Content-Disposition for a download, with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
