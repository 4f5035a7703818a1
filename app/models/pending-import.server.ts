import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databasePath } from '../../db/client';
import type { User } from '../../db/schema';

/**
 * An uploaded plan file waiting for confirmation: kept beside the database under a random
 * token between the preview and the confirm, readable only by the user who uploaded it.
 */
type PendingMeta = { userId: number; fileName: string; createdAt: number };

const MAX_AGE_MS = 1000 * 60 * 60 * 24;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

function folder(): string {
  return path.join(path.dirname(databasePath()), 'pending-imports');
}

export function savePendingImport(userId: number, fileName: string, bytes: Uint8Array): string {
  const dir = folder();
  fs.mkdirSync(dir, { recursive: true });
  removeOldPendingImports(dir);
  const token = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(path.join(dir, `${token}.bin`), bytes);
  const meta: PendingMeta = { userId, fileName, createdAt: Date.now() };
  fs.writeFileSync(path.join(dir, `${token}.json`), JSON.stringify(meta));
  return token;
}

function readMeta(token: string): PendingMeta | null {
  if (!TOKEN.test(token)) return null;
  const metaFile = path.join(folder(), `${token}.json`);
  if (!fs.existsSync(metaFile)) return null;
  return JSON.parse(fs.readFileSync(metaFile, 'utf8')) as PendingMeta;
}

export function loadPendingImport(token: string, userId: number): { fileName: string; bytes: Buffer } | null {
  const meta = readMeta(token);
  if (!meta || meta.userId !== userId) return null;
  return { fileName: meta.fileName, bytes: fs.readFileSync(path.join(folder(), `${token}.bin`)) };
}

/** Discards a pending import: only the person who uploaded it, or an admin, may. Says whether it was discarded. */
export function discardPendingImport(token: string, by: Pick<User, 'id' | 'role'>): boolean {
  const meta = readMeta(token);
  if (!meta || (meta.userId !== by.id && by.role !== 'admin')) return false;
  for (const ext of ['.bin', '.json']) fs.rmSync(path.join(folder(), token + ext), { force: true });
  return true;
}

function removeOldPendingImports(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (Date.now() - fs.statSync(file).mtimeMs > MAX_AGE_MS) fs.rmSync(file, { force: true });
  }
}
