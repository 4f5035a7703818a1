/**
 * Re-saving the consensus sheet of a reopened self-assessment (a real SQLite database, the demo):
 * the items that stay keep their ids, and so their priority ratings and plan links; edited items
 * keep theirs, new ones are added and removed ones (with their ratings and links) go.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeStage } from '~/models/assessment.server';
import { getSheet, saveSheet } from '~/models/assessment-sheet.server';
import { getDb } from '../db/client';
import { assessmentItems, assessments, assessmentSheets, improvementLinks, improvementPriorities, users, type Assessment, type User } from '../db/schema';
import { seedDemo } from '../db/seed';

let assessment: Assessment, chair: User, code: string;

const improvements = () =>
  getDb()
    .select({ id: assessmentItems.id, text: assessmentItems.text })
    .from(assessmentItems)
    .innerJoin(assessmentSheets, eq(assessmentSheets.id, assessmentItems.sheetId))
    .where(and(eq(assessmentSheets.assessmentId, assessment.id), eq(assessmentSheets.cafCode, code), isNull(assessmentSheets.userId), eq(assessmentItems.kind, 'improvement')))
    .orderBy(asc(assessmentItems.position))
    .all();
const linksOf = (ids: number[]) => getDb().select().from(improvementLinks).where(inArray(improvementLinks.itemId, ids)).all();
const ratingsOf = (ids: number[]) => getDb().select().from(improvementPriorities).where(inArray(improvementPriorities.itemId, ids)).all();

beforeAll(async () => {
  await seedDemo();
  assessment = getDb().select().from(assessments).where(eq(assessments.stage, 'approved')).orderBy(asc(assessments.id)).get()!;
  chair = getDb().select().from(users).where(eq(users.email, 'secretary@demo.bg')).get()!;
  // A sub-criterion whose areas for improvement (two or more) are linked to the plan and rated.
  const linked = getDb()
    .select({ code: assessmentSheets.cafCode, itemId: improvementLinks.itemId })
    .from(improvementLinks)
    .innerJoin(assessmentItems, eq(assessmentItems.id, improvementLinks.itemId))
    .innerJoin(assessmentSheets, eq(assessmentSheets.id, assessmentItems.sheetId))
    .where(eq(assessmentSheets.assessmentId, assessment.id))
    .all();
  code = linked.map((row) => row.code).find((c) => linked.filter((row) => row.code === c).length >= 2) ?? linked[0]!.code;
});

describe('re-saving the consensus of a reopened assessment', () => {
  it('keeps the ids, ratings and links of the items that stay', () => {
    expect(changeStage(chair, assessment.id, 'consensus')).toEqual({ ok: true });
    const before = improvements();
    expect(before.length).toBeGreaterThan(0);
    const ids = before.map((item) => item.id);
    const links = linksOf(ids);
    const ratings = ratingsOf(ids);
    expect(links.length).toBeGreaterThan(0);
    expect(ratings.length).toBeGreaterThan(0);

    // Saved as it is, with one strength more: nothing about the areas for improvement changes.
    const sheet = getSheet(assessment.id, code, null);
    const first = saveSheet(chair, assessment, code, null, sheet.version, { scores: sheet.scores, items: { ...sheet.items, strength: [...sheet.items.strength, 'Нова силна страна'] } });
    expect(first.ok).toBe(true);
    expect(improvements()).toEqual(before);
    expect(linksOf(ids)).toEqual(links);
    expect(ratingsOf(ids)).toEqual(ratings);

    // Reordered, the first edited at its place, a new one added: ids follow the texts, the edited keeps its own.
    const texts = before.map((item) => item.text);
    const reordered = [`${texts[0]} (уточнено)`, ...texts.slice(1).reverse(), 'Ново направление за подобрение'];
    const again = getSheet(assessment.id, code, null);
    expect(saveSheet(chair, assessment, code, null, again.version, { scores: again.scores, items: { ...again.items, improvement: reordered } }).ok).toBe(true);
    const after = improvements();
    expect(after.map((item) => item.text)).toEqual(reordered);
    expect(after.slice(0, -1).map((item) => item.id)).toEqual([before[0]!.id, ...before.slice(1).reverse().map((item) => item.id)]);
    expect(ids).not.toContain(after.at(-1)!.id);
    expect(linksOf(ids)).toEqual(links);
    expect(ratingsOf(ids)).toEqual(ratings);
  });

  it('deletes a removed item with its rating and links', () => {
    const before = improvements();
    const removed = before[0]!;
    const sheet = getSheet(assessment.id, code, null);
    const kept = before.slice(1).map((item) => item.text);
    expect(saveSheet(chair, assessment, code, null, sheet.version, { scores: sheet.scores, items: { ...sheet.items, improvement: kept } }).ok).toBe(true);
    expect(improvements()).toEqual(before.slice(1));
    expect(linksOf([removed.id])).toEqual([]);
    expect(ratingsOf([removed.id])).toEqual([]);
  });
});
