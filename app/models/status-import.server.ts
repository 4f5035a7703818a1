/**
 * The Excel round trip, server side: proposed status updates read from a filled-in report
 * (importers/status-report.ts) are matched to activities, checked against what the
 * importing user may update, shown as a preview, and applied on confirmation.
 *
 * Between preview and apply the proposal is kept server-side, as a JSON file under the data
 * folder (next to the database: data/status-imports/<id>.json), named by a random 128-bit
 * id and bound to the user who made it; it expires after PREVIEW_TTL_MS and is deleted
 * once applied. The browser only carries the id, so nothing it sends back can change what
 * gets recorded, and the file need not be uploaded twice. Apply checks every permission
 * again and records each update with the activity version seen at preview time, so an
 * activity updated in between is reported as changed instead of being overwritten.
 *
 * The updates report on the report's day, not on the day of the import: the Q3 answers
 * imported in October are as of 30 September, so they show in the Q3 report. The preview
 * proposes that day (importAsOf) and the person applying it may choose another.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq, sql } from 'drizzle-orm';
import { dateOfTimestampInSofia, formatDate } from '~/domain/dates';
import type { Lang } from '~/domain/lang';
import { translateWith } from '~/i18n/core';
import { importNoteWords } from '~/i18n/import-notes';
import { normalizeName } from '~/domain/names';
import { can } from '~/domain/permissions';
import { quarterEndBefore } from '~/domain/quarters';
import type { Status } from '~/domain/status';
import { activities, plans, statusUpdates, type User } from '../../db/schema';
import { databasePath, getDb, writeTransaction } from '../../db/client';
import { readStatusReport, type ProposedUpdate, type StatusReport } from '../../importers/status-report';
import { readOrRefuse } from '../../importers/import-error';
import type { ImportWarning } from '../../importers/types';
import { rescheduleActivity } from './activity.server';
import { recordAudit } from './audit.server';
import { isOwnActivity, recordStatusUpdate } from './status-update.server';

/** A filled-in report read from its .xlsx (importers/status-report), or why the file cannot be read. */
export function readReportFile(bytes: Uint8Array, fileName: string, lang: Lang): Promise<{ read: StatusReport } | { refusal: string }> {
  return readOrRefuse(readStatusReport(bytes, fileName, lang), lang);
}

export const PREVIEW_TTL_MS = 2 * 60 * 60 * 1000;
const ID = /^[a-f0-9]{32}$/;

export type RowOutcome =
  /** Will be recorded. */
  | 'ready'
  /** The user may not update this activity (a head, for another directorate's activity). */
  | 'refused'
  /** No activity with this key or code in the plan. */
  | 'unmatched'
  /** The code names several activities and the title does not tell them apart. */
  | 'ambiguous'
  /** Status, percent and report are what the activity already has. */
  | 'same'
  /** The activity is given again further down the file; the first row counts. */
  | 'duplicate';

export type PreviewRow = {
  sheet: string;
  row: number;
  code: string | null;
  title: string;
  activityId: number | null;
  version: number | null;
  outcome: RowOutcome;
  current: { status: Status; percent: number | null } | null;
  status: Status;
  percent: number | null;
  comment: string | null;
  completedOn: string | null;
  newEnd: string | null;
  currentEnd: string | null;
  /** How a new end date is handled: rescheduled (may edit the plan), or noted in the comment. */
  newEndAction: 'reschedule' | 'note' | null;
  statusText: string;
};

export type StatusImportPreview = {
  id: string;
  fileName: string;
  planId: number | null;
  planTitle: string | null;
  rows: PreviewRow[];
  unchanged: number;
  warnings: ImportWarning[];
  counts: Record<RowOutcome, number>;
  /** The day the updates report on unless another is chosen when applying (importAsOf). */
  asOf: string;
  createdAt: number;
};

/**
 * The day a report's updates report on by default: the period end the file states (not
 * after today: a report of the running quarter is as of today), else the last day of the
 * last complete quarter.
 */
export function importAsOf(periodEnd: string | null, today: string): string {
  if (periodEnd === null) return quarterEndBefore(today);
  return periodEnd < today ? periodEnd : today;
}

type Stored = { userId: number; preview: StatusImportPreview };

export function statusImportDir(): string {
  return path.join(path.dirname(databasePath()), 'status-imports');
}

function storedFile(id: string): string {
  return path.join(statusImportDir(), `${id}.json`);
}

function removeExpired(now: number): void {
  const dir = statusImportDir();
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > PREVIEW_TTL_MS) fs.rmSync(file, { force: true });
    } catch {
      // removed meanwhile
    }
  }
}

type ActivityLookup = { id: number; planId: number; code: string; title: string; version: number; end: string | null };

/** Matches the proposals to activities, checks permissions, stores the preview; returns it. */
export function previewStatusImport(
  user: Pick<User, 'id' | 'role'>,
  report: StatusReport,
  options: { planId?: number | null; now?: number; lang?: Lang } = {},
): StatusImportPreview {
  const now = options.now ?? Date.now();
  const db = getDb();
  const planId = choosePlan(report.updates) ?? options.planId ?? null;
  const plan = planId === null ? undefined : db.select({ id: plans.id, title: plans.title }).from(plans).where(eq(plans.id, planId)).get();
  const activityRows = plan
    ? db
        .select({
          id: activities.id,
          planId: activities.planId,
          code: activities.code,
          title: activities.title,
          version: activities.version,
          currentEnd: activities.currentEnd,
          baselineEnd: activities.baselineEnd,
        })
        .from(activities)
        .where(and(eq(activities.planId, plan.id), eq(activities.archived, false)))
        .all()
    : [];
  const lookups: ActivityLookup[] = activityRows.map(({ currentEnd, baselineEnd, ...a }) => ({ ...a, end: currentEnd ?? baselineEnd }));
  const byId = new Map(lookups.map((a) => [a.id, a]));
  const byCode = new Map<string, ActivityLookup[]>();
  for (const a of lookups) byCode.set(a.code, [...(byCode.get(a.code) ?? []), a]);
  const latest = db
    .select({ status: statusUpdates.status, percent: statusUpdates.percent, comment: statusUpdates.comment })
    .from(statusUpdates)
    .where(eq(statusUpdates.activityId, sql.placeholder('activityId')))
    .orderBy(desc(statusUpdates.createdAt), desc(statusUpdates.id))
    .limit(1)
    .prepare();
  const mayEditPlan = can(user.role, 'plan:edit');
  const seen = new Set<number>();

  const rows = report.updates.map((update): PreviewRow => {
    const match = matchActivity(update, plan?.id ?? null, byId, byCode);
    const base = {
      sheet: update.sheet,
      row: update.row,
      code: update.code,
      title: update.title,
      status: update.status,
      percent: update.percent,
      comment: update.comment,
      completedOn: update.completedOn,
      newEnd: update.newEnd,
      statusText: update.statusText,
    };
    if (match === 'unmatched' || match === 'ambiguous') {
      return { ...base, activityId: null, version: null, outcome: match, current: null, currentEnd: null, newEndAction: null };
    }
    const current = latest.get({ activityId: match.id }) ?? null;
    const newEnd = update.newEnd && update.newEnd !== match.end ? update.newEnd : null;
    let outcome: RowOutcome = 'ready';
    if (seen.has(match.id)) outcome = 'duplicate';
    else if (!mayUpdate(user, match.id)) outcome = 'refused';
    else if (
      !newEnd &&
      current &&
      current.status === update.status &&
      (update.percent === null || update.percent === current.percent) &&
      // The comment recorded by an earlier import carries the file note after the text.
      (update.comment === null || normalizeName(current.comment ?? '').startsWith(normalizeName(update.comment)))
    ) {
      outcome = 'same';
    }
    seen.add(match.id);
    return {
      ...base,
      code: match.code,
      title: match.title,
      newEnd,
      activityId: match.id,
      version: match.version,
      outcome,
      current: current && { status: current.status, percent: current.percent },
      currentEnd: match.end,
      newEndAction: newEnd ? (mayEditPlan ? 'reschedule' : 'note') : null,
    };
  });

  const warnings = [...report.warnings];
  if (!plan && report.updates.length > 0) {
    warnings.push({ sheet: report.updates[0]!.sheet, row: null, column: null, message: translateWith(options.lang ?? 'bg', importNoteWords, 'statusImportNoKeys') });
  }
  const counts = { ready: 0, refused: 0, unmatched: 0, ambiguous: 0, same: 0, duplicate: 0 } as Record<RowOutcome, number>;
  for (const row of rows) counts[row.outcome] += 1;
  const preview: StatusImportPreview = {
    id: crypto.randomBytes(16).toString('hex'),
    fileName: report.fileName,
    planId: plan?.id ?? null,
    planTitle: plan?.title ?? null,
    rows,
    unchanged: report.unchanged,
    warnings,
    counts,
    asOf: importAsOf(report.periodEnd, dateOfTimestampInSofia(now)),
    createdAt: now,
  };
  removeExpired(now);
  fs.mkdirSync(statusImportDir(), { recursive: true });
  fs.writeFileSync(storedFile(preview.id), JSON.stringify({ userId: user.id, preview } satisfies Stored), { mode: 0o600 });
  return preview;
}

/** The plan most keys point to. */
function choosePlan(updates: ProposedUpdate[]): number | null {
  const votes = new Map<number, number>();
  for (const u of updates) if (u.planId !== null) votes.set(u.planId, (votes.get(u.planId) ?? 0) + 1);
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function matchActivity(
  update: ProposedUpdate,
  planId: number | null,
  byId: Map<number, ActivityLookup>,
  byCode: Map<string, ActivityLookup[]>,
): ActivityLookup | 'unmatched' | 'ambiguous' {
  if (update.activityId !== null && update.planId === planId) {
    const found = byId.get(update.activityId);
    if (found) return found;
  }
  if (!update.code) return 'unmatched';
  const candidates = byCode.get(update.code) ?? [];
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) return 'unmatched';
  const title = normalizeName(update.title);
  const same = candidates.filter((a) => normalizeName(a.title) === title);
  return same.length === 1 ? same[0]! : 'ambiguous';
}

function mayUpdate(user: Pick<User, 'id' | 'role'>, activityId: number): boolean {
  if (can(user.role, 'status:update-any')) return true;
  return can(user.role, 'status:update-own') && isOwnActivity(user.id, activityId);
}

/** A stored preview of this user; null when unknown, expired or someone else's. */
export function loadStatusImport(user: Pick<User, 'id'>, id: string, now = Date.now()): StatusImportPreview | null {
  if (!ID.test(id)) return null;
  let stored: Stored;
  try {
    stored = JSON.parse(fs.readFileSync(storedFile(id), 'utf8')) as Stored;
  } catch {
    return null;
  }
  if (stored.userId !== user.id || now - stored.preview.createdAt > PREVIEW_TTL_MS) return null;
  return stored.preview;
}

export function discardStatusImport(user: Pick<User, 'id'>, id: string): void {
  if (loadStatusImport(user, id)) fs.rmSync(storedFile(id), { force: true });
}

export type ApplyResult = {
  applied: { activityId: number; code: string | null; updateId: number }[];
  refused: { activityId: number; code: string | null }[];
  /** Updated by someone else after the preview: not overwritten. */
  stale: { activityId: number; code: string | null }[];
  rescheduled: number;
};

/**
 * Records the ready rows of a stored preview, each as a status update by the importing user
 * with the file name in the comment, as of the day chosen (by default the preview's; the
 * caller checks it is not in the future), all in one transaction (a failure records none of
 * them; a row gone stale since the preview is skipped and reported); throws a 404 Response
 * for an unknown or expired preview.
 */
export function applyStatusImport(user: Pick<User, 'id' | 'role'>, id: string, lang: Lang, chosenAsOf?: string): ApplyResult {
  const preview = loadStatusImport(user, id);
  if (!preview) throw new Response('Not found', { status: 404 });
  const asOf = chosenAsOf ?? preview.asOf;
  const result: ApplyResult = { applied: [], refused: [], stale: [], rescheduled: 0 };
  const mayEditPlan = can(user.role, 'plan:edit');
  writeTransaction((tx) => {
    for (const row of preview.rows) {
      if (row.outcome !== 'ready' || row.activityId === null || row.version === null) continue;
      const ref = { activityId: row.activityId, code: row.code };
      if (!mayUpdate(user, row.activityId)) {
        result.refused.push(ref);
        continue;
      }
      const notes = [row.comment, row.newEnd && !mayEditPlan ? translateWith(lang, importNoteWords, 'statusImportNewEnd', { date: formatDate(row.newEnd, lang) }) : null, translateWith(lang, importNoteWords, 'statusImportSource', { file: preview.fileName })];
      const comment = notes.filter(Boolean).join('\n');
      let version = row.version;
      try {
        if (row.newEnd && mayEditPlan) {
          const moved = rescheduleActivity(row.activityId, { newEnd: row.newEnd, reason: translateWith(lang, importNoteWords, 'statusImportSource', { file: preview.fileName }) }, user.id, version);
          if (!moved.ok) {
            result.stale.push(ref);
            continue;
          }
          version = moved.version;
          result.rescheduled += 1;
        }
        const recorded = recordStatusUpdate({
          activityId: row.activityId,
          userId: user.id,
          status: row.status,
          percent: row.percent,
          comment,
          completedOn: row.completedOn,
          asOf,
          expectedVersion: version,
        });
        if (recorded.ok) result.applied.push({ ...ref, updateId: recorded.updateId });
        else result.stale.push(ref);
      } catch (error) {
        // The activity was archived or removed since the preview.
        if (error instanceof Response && error.status === 404) result.stale.push(ref);
        else throw error;
      }
    }
    if (preview.planId !== null) {
      recordAudit(user.id, 'plan', preview.planId, 'status-import', null, {
        fileName: preview.fileName,
        asOf,
        applied: result.applied.length,
        refused: result.refused.length,
        stale: result.stale.length,
        rescheduled: result.rescheduled,
      }, tx);
    }
  });
  fs.rmSync(storedFile(id), { force: true });
  return result;
}
