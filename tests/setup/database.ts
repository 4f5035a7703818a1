/**
 * Vitest setup for every test file: a real SQLite database of its own in a fresh temporary
 * folder, set before any app module reads DATABASE_PATH.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-test-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
process.env.UPLOADS_DIR = path.join(dir, 'uploads');
process.env.SESSION_SECRET = 'test-session-secret-0123456789';
process.env.SEED_DEMO = '0';

afterAll(async () => {
  const { closeDb } = await import('../../db/client');
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
