import { and, asc, eq, getTableColumns, inArray, isNotNull, isNull } from 'drizzle-orm';
import { ASSESSMENT_ITEM_KINDS, dimensionsOf, SCORE_DIMENSIONS, sheetScore, spreadOf, SUB_CRITERIA, type AssessmentItemKind, type ScoreDimension, type Scores, type ScoringSystem, type Spread } from '~/domain/assessment-scoring';
import type { MemberSheet, Sheet, SheetContent, SheetItems, SheetProgress } from '~/domain/assessment-data';
import { getDb, writeTransaction, type Tx } from '../../db/client';
import { assessmentItems, assessmentSheets, users, type Assessment, type AssessmentSheet, type User } from '../../db/schema';
import { recordAudit } from './audit.server';


function scoresOf(sheet: AssessmentSheet): Scores {
  const { score, plan, do: doScore, check, act, trends, targets } = sheet;
  return { score, plan, do: doScore, check, act, trends, targets };
}

/** A sheet's sub-criterion score under the assessment's system (the mean for fine-tuned), null while incomplete. */
export function sheetScoreOf(system: ScoringSystem, sheet: AssessmentSheet): number | null {
  return sheetScore(system, sheet.cafCode, scoresOf(sheet));
}

function emptyItems(): SheetItems {
  return { evidence: [], strength: [], improvement: [] };
}

/** The items of some sheets, by sheet id, each kind in order. */
function itemsOf(db: Pick<Tx, 'select'>, sheetIds: number[]): Map<number, SheetItems> {
  const bySheet = new Map<number, SheetItems>(sheetIds.map((id) => [id, emptyItems()]));
  if (sheetIds.length === 0) return bySheet;
  const rows = db
    .select({ sheetId: assessmentItems.sheetId, kind: assessmentItems.kind, text: assessmentItems.text })
    .from(assessmentItems)
    .where(inArray(assessmentItems.sheetId, sheetIds))
    .orderBy(asc(assessmentItems.sheetId), asc(assessmentItems.kind), asc(assessmentItems.position))
    .all();
  for (const row of rows) bySheet.get(row.sheetId)![row.kind].push(row.text);
  return bySheet;
}

/** Whose sheet: a member's (their user id) or the group's consensus (null). */
function sheetWhere(assessmentId: number, code: string, userId: number | null) {
  return and(eq(assessmentSheets.assessmentId, assessmentId), eq(assessmentSheets.cafCode, code), userId === null ? isNull(assessmentSheets.userId) : eq(assessmentSheets.userId, userId));
}

function readSheet(db: Pick<Tx, 'select'>, assessmentId: number, code: string, userId: number | null): Sheet {
  const row = db.select().from(assessmentSheets).where(sheetWhere(assessmentId, code, userId)).get();
  if (!row) return { scores: {}, items: emptyItems(), version: 0, updatedAt: null };
  return { scores: scoresOf(row), items: itemsOf(db, [row.id]).get(row.id)!, version: row.version, updatedAt: row.updatedAt.getTime() };
}

/** A member's sheet (userId) or the consensus (null) of one sub-criterion. */
export function getSheet(assessmentId: number, code: string, userId: number | null): Sheet {
  return readSheet(getDb(), assessmentId, code, userId);
}

/**
 * Makes a sheet's items of one kind the texts given, in order, keeping the rows (their ids,
 * and so the priority ratings and plan links made on them) of the items that stay: an item
 * whose text is unchanged keeps its row wherever it moved; an item edited at the same place
 * keeps the row that was there; other texts get new rows, and the rows left over are deleted.
 */
function syncItems(tx: Tx, sheetId: number, kind: AssessmentItemKind, texts: readonly string[]): void {
  const saved = tx
    .select({ id: assessmentItems.id, text: assessmentItems.text, position: assessmentItems.position })
    .from(assessmentItems)
    .where(and(eq(assessmentItems.sheetId, sheetId), eq(assessmentItems.kind, kind)))
    .orderBy(asc(assessmentItems.position), asc(assessmentItems.id))
    .all();
  const rowOf: (number | null)[] = texts.map(() => null);
  const free = new Set(saved.map((row) => row.id));
  const take = (position: number, row: { id: number } | undefined) => {
    if (!row || rowOf[position] !== null) return;
    rowOf[position] = row.id;
    free.delete(row.id);
  };
  texts.forEach((text, position) => take(position, saved.find((row) => free.has(row.id) && row.text === text)));
  texts.forEach((_, position) => take(position, saved.find((row) => free.has(row.id) && row.position === position)));
  if (free.size > 0) tx.delete(assessmentItems).where(inArray(assessmentItems.id, [...free])).run();
  texts.forEach((text, position) => {
    const id = rowOf[position];
    if (id === null) tx.insert(assessmentItems).values({ sheetId, kind, text, position }).run();
    else tx.update(assessmentItems).set({ text, position }).where(eq(assessmentItems.id, id)).run();
  });
}

export type SaveResult = { ok: true; version: number } | { ok: false; current: Sheet };

/**
 * Saves a sheet if it is still at `version` (what the page was showing): a save from a stale
 * page (a second tab, another person on the consensus) is refused with what is saved now, so
 * that nobody's text is overwritten unseen. Only the system's dimensions are kept; the items
 * replace the saved ones, those that stay keeping their rows (syncItems). One audit event per save.
 */
export function saveSheet(actor: User, assessment: Pick<Assessment, 'id' | 'scoringSystem'>, code: string, userId: number | null, version: number, content: SheetContent): SaveResult {
  return writeTransaction((tx) => {
    const current = readSheet(tx, assessment.id, code, userId);
    if (current.version !== version) return { ok: false, current };
    const dimensions = dimensionsOf(assessment.scoringSystem, code);
    const scores = Object.fromEntries(SCORE_DIMENSIONS.map((d) => [d, dimensions.includes(d) ? (content.scores[d] ?? null) : null])) as Record<ScoreDimension, number | null>;
    const values = { ...scores, version: version + 1, updatedBy: actor.id, updatedAt: new Date() };
    const sheet =
      version === 0
        ? tx
            .insert(assessmentSheets)
            .values({ assessmentId: assessment.id, cafCode: code, userId, ...values })
            .returning({ id: assessmentSheets.id })
            .get()
        : tx.update(assessmentSheets).set(values).where(sheetWhere(assessment.id, code, userId)).returning({ id: assessmentSheets.id }).get()!;
    for (const kind of ASSESSMENT_ITEM_KINDS) syncItems(tx, sheet.id, kind, content.items[kind]);
    const entity = userId === null ? 'assessment_consensus' : 'assessment_sheet';
    recordAudit(actor.id, entity, sheet.id, 'save', { scores: current.scores, items: current.items }, { code, scores, items: content.items }, tx);
    return { ok: true, version: version + 1 };
  });
}

/** The save action's answer: the new version, or (409) the sheet as saved elsewhere meanwhile. */
export function saveAnswer(result: SaveResult): Response {
  return result.ok ? Response.json({ ok: true, version: result.version }) : Response.json({ ok: false, conflict: result.current }, { status: 409 });
}

/** One member's 28 sheets at a glance (scored or not, how many items), in CAF order. */
export function memberProgress(assessment: Pick<Assessment, 'id' | 'scoringSystem'>, userId: number | null): SheetProgress[] {
  const db = getDb();
  const where = and(eq(assessmentSheets.assessmentId, assessment.id), userId === null ? isNull(assessmentSheets.userId) : eq(assessmentSheets.userId, userId));
  const sheets = db.select().from(assessmentSheets).where(where).all();
  const items = itemsOf(
    db,
    sheets.map((sheet) => sheet.id),
  );
  return SUB_CRITERIA.map(({ code }) => {
    const sheet = sheets.find((s) => s.cafCode === code);
    const own = sheet ? items.get(sheet.id)! : emptyItems();
    return {
      code,
      score: sheet ? sheetScoreOf(assessment.scoringSystem, sheet) : null,
      evidence: own.evidence.length,
      strengths: own.strength.length,
      improvements: own.improvement.length,
    };
  });
}

export type ConsensusRow = { code: string; spread: Spread | null; consensus: number | null };

/**
 * The consensus overview: per sub-criterion the members' scores (how many scored, min, max,
 * mean, spread) and the consensus score, the widest spreads first (what the meeting discusses),
 * then in CAF order; sub-criteria nobody scored last.
 */
export function consensusOverview(assessment: Pick<Assessment, 'id' | 'scoringSystem'>): ConsensusRow[] {
  const { cafCode, userId, score, plan, do: doScore, check, act, trends, targets } = getTableColumns(assessmentSheets);
  const sheets = getDb()
    .select({ cafCode, userId, score, plan, do: doScore, check, act, trends, targets })
    .from(assessmentSheets)
    .where(eq(assessmentSheets.assessmentId, assessment.id))
    .all();
  const memberScores = new Map<string, number[]>();
  const consensus = new Map<string, number | null>();
  for (const sheet of sheets) {
    const score = sheetScore(assessment.scoringSystem, sheet.cafCode, sheet);
    if (sheet.userId === null) consensus.set(sheet.cafCode, score);
    else if (score !== null) memberScores.set(sheet.cafCode, [...(memberScores.get(sheet.cafCode) ?? []), score]);
  }
  const rows = SUB_CRITERIA.map(({ code }) => ({ code, spread: spreadOf(memberScores.get(code) ?? []), consensus: consensus.get(code) ?? null }));
  return rows.sort((a, b) => (b.spread?.spread ?? -1) - (a.spread?.spread ?? -1));
}

/** Every member's sheet of one sub-criterion that has anything on it, by name: what the consensus page puts side by side. */
export function memberSheets(assessment: Pick<Assessment, 'id' | 'scoringSystem'>, code: string): MemberSheet[] {
  const db = getDb();
  const rows = db
    .select({ sheet: assessmentSheets, name: users.name })
    .from(assessmentSheets)
    .innerJoin(users, eq(users.id, assessmentSheets.userId))
    .where(and(eq(assessmentSheets.assessmentId, assessment.id), eq(assessmentSheets.cafCode, code), isNotNull(assessmentSheets.userId)))
    .orderBy(asc(users.name))
    .all();
  const items = itemsOf(
    db,
    rows.map(({ sheet }) => sheet.id),
  );
  return rows.map(({ sheet, name }) => ({
    userId: sheet.userId!,
    name,
    scores: scoresOf(sheet),
    score: sheetScoreOf(assessment.scoringSystem, sheet),
    items: items.get(sheet.id)!,
  }));
}
