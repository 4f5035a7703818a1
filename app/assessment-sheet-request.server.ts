/** The two sheet routes' shared request handling (a member's scoring sheet, the consensus sheet): the assessment and sub-criterion of the URL, and the save. */
import { MAX_SHEET_FORM_BYTES, parseSheetForm, parseSubCriterionCode } from '~/domain/assessment-form';
import type { AssessmentAction } from '~/domain/permissions';
import { saveAnswer, saveSheet } from '~/models/assessment-sheet.server';
import { requireAssessment, type AssessmentContext } from '~/models/assessment.server';
import { readForm } from '~/upload.server';

/** requireAssessment for the action, and the sub-criterion code of the URL (404 when it is not one). */
export async function requireSheetPage(
  request: Request,
  params: { assessmentId?: string; code?: string },
  action: AssessmentAction,
): Promise<AssessmentContext & { code: string }> {
  const context = await requireAssessment(request, params.assessmentId, action);
  const code = parseSubCriterionCode(params.code);
  if (!code) throw new Response('Not found', { status: 404 });
  return { ...context, code };
}

/** Saves the posted sheet as the member's (memberId) or the consensus (null): 400 for a bad form, 409 with the stored sheet when another save came first. */
export async function saveSheetFromForm(request: Request, { user, assessment, code }: AssessmentContext & { code: string }, memberId: number | null): Promise<Response> {
  const parsed = parseSheetForm(await readForm(request, MAX_SHEET_FORM_BYTES));
  if (!parsed.ok) return Response.json({ ok: false, error: parsed.error }, { status: 400 });
  return saveAnswer(saveSheet(user, assessment, code, memberId, parsed.data.version, parsed.data));
}
