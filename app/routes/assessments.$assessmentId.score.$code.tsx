import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { SheetEditorForm, SheetView, useSheetEditor } from '~/components/assessment-sheet-editor';
import { PreviousAssessment } from '~/components/assessment-previous';
import { SubCriterionHeader } from '~/components/assessment-sub-criterion';
import type { ScoringSystem } from '~/domain/assessment-scoring';
import { assessmentAccess } from '~/domain/permissions';
import { pageTitle, useT } from '~/i18n';
import { assessmentWords } from '~/i18n/assessment';
import type { Sheet } from '~/domain/assessment-data';
import { getSheet } from '~/models/assessment-sheet.server';
import { requireSheetPage, saveSheetFromForm } from '~/assessment-sheet-request.server';
import { previousPanel } from '~/models/plan-follow-up.server';
import assessmentCss from '~/styles/assessment.css?url';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, (t) => `${data?.code ?? ''} · ${t('asMyScoring')}`, assessmentWords);
export const links = () => [{ rel: 'stylesheet', href: assessmentCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, assessment, membership, code } = await requireSheetPage(request, params, 'own-sheet');
  return {
    assessment: { id: assessment.id, title: assessment.title, scoringSystem: assessment.scoringSystem },
    code,
    userId: user.id,
    sheet: getSheet(assessment.id, code, user.id),
    editable: assessmentAccess(user.role, membership, assessment.stage, 'score') === 'allowed',
    previous: previousPanel(assessment, code),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const page = await requireSheetPage(request, params, 'score');
  return saveSheetFromForm(request, page, page.user.id);
}

export default function ScorePage() {
  const { assessment, code, userId, sheet, editable, previous } = useLoaderData<typeof loader>();
  const t = useT(assessmentWords);
  return (
    <div className="page">
      <SubCriterionHeader assessment={assessment} code={code} section={t('asMyScoring')} linkTo={(c) => `/assessments/${assessment.id}/score/${c}`} />
      {previous ? <PreviousAssessment key={code} panel={previous} /> : null}
      {editable ? (
        <Editor key={code} assessmentId={assessment.id} code={code} userId={userId} sheet={sheet} system={assessment.scoringSystem} />
      ) : (
        <>
          <p className="alert alert--info">{t('asReadOnly')}</p>
          <SheetView sheet={sheet} system={assessment.scoringSystem} code={code} />
        </>
      )}
      <p>
        <Link to={`/assessments/${assessment.id}`}>{t('asBackOverview')}</Link>
      </p>
    </div>
  );
}

function Editor({ assessmentId, code, userId, sheet, system }: { assessmentId: number; code: string; userId: number; sheet: Sheet; system: ScoringSystem }) {
  const action = `/assessments/${assessmentId}/score/${code}`;
  const editor = useSheetEditor({ storageKey: `assessment-sheet:${assessmentId}:${userId}:${code}`, saved: sheet, action });
  return <SheetEditorForm editor={editor} system={system} code={code} action={action} />;
}
