import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databasePath } from '../../db/client';
import type { User } from '../../db/schema';
import type { Mapping, ParsedPlan } from '../../importers';
import type { ParsedAssessment } from '../../importers/assessment';

/**
 * An uploaded plan file waiting for confirmation: kept beside the database under a random
 * token between the preview and the confirm, readable only by the user who uploaded it, with
 * the plan the preview read from it (the confirm writes that plan: the file is read once per
 * upload, or once more per change of the mapping) and the mapping it was read with, if any.
 */
type PendingMeta = { userId: number; fileName: string; createdAt: number; mapping: Mapping | null; sha256?: string };

export type PendingImport = { fileName: string; bytes: Buffer; mapping: Mapping | null };

const MAX_AGE_MS = 1000 * 60 * 60 * 24;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;
/** The parsed plan kept for the confirm, as JSON: a 10,000-activity plan takes about 5 MB. */
export const MAX_PENDING_PLAN_BYTES = 64 * 1024 * 1024;

/** The sha256 (hex) of an uploaded file: the plan keeps it, so that a second import of the same bytes is warned of. */
export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

const EXTENSIONS = ['.bin', '.json', '.plan.json'] as const;

function folder(): string {
  return path.join(path.dirname(databasePath()), 'pending-imports');
}

function file(token: string, ext: (typeof EXTENSIONS)[number]): string {
  return path.join(folder(), token + ext);
}

/** Keeps the upload and what was read from it (a plan, or a self-assessment); null when what was read is over MAX_PENDING_PLAN_BYTES. */
export function savePendingImport(userId: number, fileName: string, bytes: Uint8Array, plan: ParsedPlan | ParsedAssessment, mapping: Mapping | null = null): string | null {
  const planJson = JSON.stringify(plan);
  if (Buffer.byteLength(planJson) > MAX_PENDING_PLAN_BYTES) return null;
  const dir = folder();
  fs.mkdirSync(dir, { recursive: true });
  removeOldPendingImports(dir);
  const token = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(file(token, '.bin'), bytes);
  fs.writeFileSync(file(token, '.plan.json'), planJson);
  const meta: PendingMeta = { userId, fileName, createdAt: Date.now(), mapping, sha256: sha256Hex(bytes) };
  fs.writeFileSync(file(token, '.json'), JSON.stringify(meta));
  return token;
}

function readMeta(token: string): PendingMeta | null {
  if (!TOKEN.test(token) || !fs.existsSync(file(token, '.json'))) return null;
  return JSON.parse(fs.readFileSync(file(token, '.json'), 'utf8')) as PendingMeta;
}

function loadMeta(token: string, userId: number): PendingMeta | null {
  const meta = readMeta(token);
  return meta?.userId === userId ? meta : null;
}

/** The uploaded bytes (to read them again with another mapping). */
export function loadPendingImport(token: string, userId: number): PendingImport | null {
  const meta = loadMeta(token, userId);
  if (!meta) return null;
  return { fileName: meta.fileName, bytes: fs.readFileSync(file(token, '.bin')), mapping: meta.mapping ?? null };
}

/** The plan the last preview showed, as it will be written (a self-assessment's preview: parse it with its schema). */
export function loadPendingPlan<T = ParsedPlan>(
  token: string,
  userId: number,
): { fileName: string; plan: T; mapping: Mapping | null; sha256: string | null } | null {
  const meta = loadMeta(token, userId);
  if (!meta || !fs.existsSync(file(token, '.plan.json'))) return null;
  const plan = JSON.parse(fs.readFileSync(file(token, '.plan.json'), 'utf8')) as T;
  return { fileName: meta.fileName, plan, mapping: meta.mapping ?? null, sha256: meta.sha256 ?? null };
}

/** The upload was read again with another mapping: the confirm writes this plan. False when over the bound. */
export function updatePendingPlan(token: string, userId: number, plan: ParsedPlan, mapping: Mapping | null): boolean {
  const meta = loadMeta(token, userId);
  const planJson = JSON.stringify(plan);
  if (!meta || Buffer.byteLength(planJson) > MAX_PENDING_PLAN_BYTES) return false;
  fs.writeFileSync(file(token, '.plan.json'), planJson);
  fs.writeFileSync(file(token, '.json'), JSON.stringify({ ...meta, mapping } satisfies PendingMeta));
  return true;
}

/** Discards a pending import: only the person who uploaded it, or an admin, may. Says whether it was discarded. */
export function discardPendingImport(token: string, by: Pick<User, 'id' | 'role'>): boolean {
  const meta = readMeta(token);
  if (!meta || (meta.userId !== by.id && by.role !== 'admin')) return false;
  for (const ext of EXTENSIONS) fs.rmSync(file(token, ext), { force: true });
  return true;
}

function removeOldPendingImports(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const entry = path.join(dir, name);
    if (Date.now() - fs.statSync(entry).mtimeMs > MAX_AGE_MS) fs.rmSync(entry, { force: true });
  }
}
