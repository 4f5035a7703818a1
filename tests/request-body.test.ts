/**
 * Every action caps the body it reads while it streams in, with or without a Content-Length:
 * a body past the cap is answered 413 and the rest is never read (app/upload.server.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_FORM_BYTES } from '~/upload.server';
import { MAX_EVIDENCE_BYTES } from '~/evidence-files.server';
import { MAX_IMPORT_BYTES } from '~/routes/plans.import';
import { MAX_REPORT_BYTES } from '~/routes/reports.import';
import { MAX_SHEET_FORM_BYTES } from '~/domain/assessment-form';
import { SUB_CRITERIA } from '~/domain/assessment-scoring';
import { saveSheet } from '~/models/assessment-sheet.server';
import { addMember, changeStage, createAssessment } from '~/models/assessment.server';
import { importPlanIntoDatabase } from '~/models/plan-import.server';
import type { User } from '../db/schema';
import { call, makeRequest, makeUser } from './helpers';

type RouteModule = { action?: Parameters<typeof call>[0] };
const modules = import.meta.glob<RouteModule>('../app/routes/*.tsx', { eager: true });
/** Actions that read no body at all. */
// logout reads no body; unsubscribe refuses a link without a valid signature (403) before it would read one.
const NO_BODY = new Set(['logout', 'unsubscribe.$token']);
const PARAMS: Record<string, Record<string, string>> = {
  'plans.$planId': { planId: '1' },
  'activities.$activityId': { activityId: '1' },
};
/** Forms with a cap of their own: a self-assessment sheet (several long texts) may be larger than other forms. */
const FORM_CAP: Record<string, number> = {
  'assessments.$assessmentId.score.$code': MAX_SHEET_FORM_BYTES,
  'assessments.$assessmentId.consensus.$code': MAX_SHEET_FORM_BYTES,
};
const CHUNK = 64 * 1024;

/** A chunked body (no Content-Length): `piece` over and over, `total` bytes in all, counting how much of it was read. */
function endlessBody(total: number, piece: Uint8Array) {
  const read = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (read.bytes >= total) return controller.close();
        read.bytes += piece.length;
        controller.enqueue(piece);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, read };
}

async function post(user: User, pathname: string, body: ReadableStream<Uint8Array>, contentType: string): Promise<Request> {
  const base = await makeRequest(pathname, { user, method: 'POST' });
  const headers = new Headers(base.headers);
  headers.set('Content-Type', contentType);
  return new Request(base.url, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
}

let admin: User;
beforeAll(async () => {
  admin = await makeUser('admin');
  // The self-assessment actions check the assessment and the person's place in it before they
  // read a body: give them assessments the admin chairs, in the stage each action is for.
  const member = await makeUser('head');
  const draft = createAssessment(admin, { title: 'Draft', period: '2026', scoringSystem: 'classical' });
  const scoring = createAssessment(admin, { title: 'Scoring', period: '2026', scoringSystem: 'classical' });
  const consensus = createAssessment(admin, { title: 'Consensus', period: '2026', scoringSystem: 'classical' });
  for (const id of [scoring, consensus]) {
    addMember(admin, id, member.id);
    expect(changeStage(admin, id, 'scoring')).toEqual({ ok: true });
  }
  expect(changeStage(admin, consensus, 'consensus')).toEqual({ ok: true });
  const approved = createAssessment(admin, { title: 'Approved', period: '2026', scoringSystem: 'classical' });
  addMember(admin, approved, member.id);
  for (const to of ['scoring', 'consensus'] as const) expect(changeStage(admin, approved, to)).toEqual({ ok: true });
  for (const sub of SUB_CRITERIA) saveSheet(admin, { id: approved, scoringSystem: 'classical' }, sub.code, null, 0, { scores: { score: 50 }, items: { evidence: [], strength: [], improvement: [] } });
  expect(changeStage(admin, approved, 'approved')).toEqual({ ok: true });
  PARAMS['assessments.$assessmentId._index'] = { assessmentId: String(draft) };
  PARAMS['assessments.$assessmentId.group'] = { assessmentId: String(draft) };
  PARAMS['assessments.$assessmentId.score.$code'] = { assessmentId: String(scoring), code: '1.1' };
  PARAMS['assessments.$assessmentId.consensus.$code'] = { assessmentId: String(consensus), code: '1.1' };
  PARAMS['assessments.$assessmentId.priorities'] = { assessmentId: String(approved) };
  // The structure editor finds the plan before it reads a body.
  const planId = importPlanIntoDatabase({ title: 'Plan', period: null, areas: [], warnings: [] }, { fileName: 'plan.xlsx' });
  PARAMS['plans.$planId_.structure'] = { planId: String(planId) };
});

describe('request bodies', () => {
  const withAction = Object.entries(modules)
    .map(([file, module]) => [file.replace('../app/routes/', '').replace(/\.tsx$/, ''), module] as const)
    .filter(([name, module]) => module.action && !NO_BODY.has(name));

  it.each(withAction)('%s answers a chunked form over the form cap with 413, reading no more than the cap', async (name, module) => {
    const { stream, read } = endlessBody(4 * 1024 * 1024, new TextEncoder().encode(`email=${'a'.repeat(CHUNK)}&`));
    const response = await call(module.action!, await post(admin, '/x', stream, 'application/x-www-form-urlencoded'), PARAMS[name]);
    expect(response.status).toBe(413);
    expect(read.bytes).toBeLessThanOrEqual((FORM_CAP[name] ?? MAX_FORM_BYTES) + 2 * CHUNK);
  });

  it.each([
    ['plans.import', '/plans/import', MAX_IMPORT_BYTES],
    ['reports.import', '/reports/import', MAX_REPORT_BYTES],
    ['activities.$activityId', '/activities/1', MAX_EVIDENCE_BYTES],
    ['cycle._index', '/cycle', MAX_EVIDENCE_BYTES],
  ])('%s answers a chunked upload of many parts, each under the file limit, with 413 once the body passes it', async (name, pathname, limit) => {
    const boundary = 'xBOUNDARYx';
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="part.csv"\r\nContent-Type: text/csv\r\n\r\n${'a'.repeat(1024 * 1024)}\r\n`;
    const { stream, read } = endlessBody(limit + 4 * 1024 * 1024, new TextEncoder().encode(part));
    const request = await post(admin, pathname, stream, `multipart/form-data; boundary=${boundary}`);
    const response = await call(modules[`../app/routes/${name}.tsx`]!.action!, request, PARAMS[name]);
    expect(response.status).toBe(413);
    expect(read.bytes).toBeLessThanOrEqual(limit + 2 * 1024 * 1024);
  });
});
