import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_PATH: z.string().min(1).default('data/app.db'),
  SESSION_SECRET: z.string().min(16, 'SESSION_SECRET must be at least 16 characters').optional(),
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  UPLOADS_DIR: z.string().min(1).default('data/uploads'),
  // --- reminders ---
  /** smtp://user:pass@host:587 or smtps://…:465; unset: notifications are shown in the app only. */
  SMTP_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().regex(/^smtps?:\/\/[^/\s]+/, 'SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465').optional(),
  ),
  /** The sender of reminders, e.g. "План за подобрение <plan@example.bg>"; required with SMTP_URL. */
  MAIL_FROM: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(3).optional()),
  /** The app's public address, for links in e-mails. */
  APP_URL: z
    .string()
    .url('APP_URL must be an absolute URL such as https://plan.example.bg')
    .default('http://localhost:3000')
    .transform((v) => v.replace(/\/+$/, '')),
  /** When set (HH:MM, Europe/Sofia), the server runs the reminders itself every day at that time. */
  REMINDERS_AT: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'REMINDERS_AT must be a time HH:MM, e.g. 07:00').optional(),
  ),
}).refine((e) => !e.SMTP_URL || e.MAIL_FROM, { message: 'MAIL_FROM is required when SMTP_URL is set', path: ['MAIL_FROM'] });

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const env = parseEnv();

/**
 * SESSION_SECRET, or a secret generated once and kept beside the database for local use.
 * Every server worker asks at once on a fresh data folder: the secret is written whole to a
 * file of this process's own, then linked into place, which fails when another process got
 * there first (its secret is then used). The file is never seen empty or half-written, and no
 * process ever replaces a secret another one already signs with.
 */
export function sessionSecret(): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  const file = path.join(path.dirname(path.resolve(env.DATABASE_PATH)), 'session-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const mine = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(mine, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(mine, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(mine, { force: true });
    }
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 16) throw new Error(`${file} holds no usable session secret: delete it, or set SESSION_SECRET`);
  return secret;
}
