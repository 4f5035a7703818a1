import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { SheetEditorForm, SheetView, useSheetEditor, type SheetEditor } from '~/components/assessment-sheet-editor';
import { MemberScores } from '~/components/assessment-member-scores';
import { PreviousAssessment } from '~/components/assessment-previous';
import { SubCriterionHeader } from '~/components/assessment-sub-criterion';
import { ASSESSMENT_ITEM_KINDS, type ScoringSystem } from '~/domain/assessment-scoring';
import { assessmentAccess } from '~/domain/permissions';
import { pageTitle, useT } from '~/i18n';
import { assessmentWords } from '~/i18n/assessment';
import type { MemberSheet, Sheet } from '~/domain/assessment-data';
import { getSheet, memberSheets } from '~/models/assessment-sheet.server';
import { requireSheetPage, saveSheetFromForm } from '~/assessment-sheet-request.server';
import { previousPanel } from '~/models/plan-follow-up.server';
import assessmentCss from '~/styles/assessment.css?url';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, (t) => `${data?.code ?? ''} · ${t('asConsensus')}`, assessmentWords);
export const links = () => [{ rel: 'stylesheet', href: assessmentCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, assessment, membership, code } = await requireSheetPage(request, params, 'see-consensus');
  const may = (action: 'see-scores' | 'run-consensus') => assessmentAccess(user.role, membership, assessment.stage, action) === 'allowed';
  return {
    assessment: { id: assessment.id, title: assessment.title, scoringSystem: assessment.scoringSystem, stage: assessment.stage },
    code,
    consensus: getSheet(assessment.id, code, null),
    members: may('see-scores') ? memberSheets(assessment, code) : null,
    canRecord: may('run-consensus'),
    previous: previousPanel(assessment, code),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const page = await requireSheetPage(request, params, 'run-consensus');
  return saveSheetFromForm(request, page, null);
}

export default function ConsensusPage() {
  const { assessment, code, consensus, members, canRecord, previous } = useLoaderData<typeof loader>();
  const t = useT(assessmentWords);
  const header = (
    <>
      <SubCriterionHeader assessment={assessment} code={code} section={t('asConsensus')} linkTo={(c) => `/assessments/${assessment.id}/consensus/${c}`} />
      {previous ? <PreviousAssessment key={code} panel={previous} /> : null}
    </>
  );
  const back = (
    <p>
      <Link to={members ? `/assessments/${assessment.id}/consensus` : `/assessments/${assessment.id}`}>{members ? t('asConsensusOverview') : t('asBackOverview')}</Link>
    </p>
  );
  if (canRecord) {
    return (
      <div className="page">
        {header}
        <ChairConsensus key={code} assessmentId={assessment.id} code={code} system={assessment.scoringSystem} consensus={consensus} members={members ?? []} />
        {back}
      </div>
    );
  }
  return (
    <div className="page">
      {header}
      {assessment.stage === 'consensus' ? <LiveRefresh /> : null}
      <div className="as-consensus">
        <section aria-labelledby="as-agreed">
          <h2 id="as-agreed">{t('asAgreed')}</h2>
          {consensus.version === 0 ? <p className="muted">{t('asConsensusNotYet')}</p> : <SheetView sheet={consensus} system={assessment.scoringSystem} code={code} />}
        </section>
        {members ? <MemberContributions members={members} system={assessment.scoringSystem} code={code} /> : null}
      </div>
      {back}
    </div>
  );
}

/** Members see the consensus as the chair records it: the page's data is read again every 15 seconds. */
function LiveRefresh() {
  const t = useT(assessmentWords);
  const revalidator = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && revalidator.state === 'idle') revalidator.revalidate();
    }, 15_000);
    return () => clearInterval(timer);
  }, [revalidator]);
  return <p className="muted small">{t('asConsensusLive')}</p>;
}

function ChairConsensus({ assessmentId, code, system, consensus, members }: { assessmentId: number; code: string; system: ScoringSystem; consensus: Sheet; members: MemberSheet[] }) {
  const t = useT(assessmentWords);
  const action = `/assessments/${assessmentId}/consensus/${code}`;
  const editor = useSheetEditor({ storageKey: `assessment-consensus:${assessmentId}:${code}`, saved: consensus, action });
  return (
    <div className="as-consensus">
      <MemberContributions members={members} system={system} code={code} editor={editor} />
      <section aria-labelledby="as-agreed">
        <h2 id="as-agreed">{t('asAgreed')}</h2>
        <SheetEditorForm editor={editor} system={system} code={code} action={action} />
      </section>
    </div>
  );
}

const normal = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** Every member's scores, then their items of each kind side by side; the chair takes items into the agreed lists. */
function MemberContributions({ members, system, code, editor }: { members: MemberSheet[]; system: ScoringSystem; code: string; editor?: SheetEditor }) {
  const t = useT(assessmentWords);
  return (
    <section aria-labelledby="as-members-scores" className="as-contributions">
      <h2 id="as-members-scores">{t('asMembersScores')}</h2>
      {members.length === 0 ? <p className="muted">{t('asNoMemberScores')}</p> : <MemberScores members={members} system={system} code={code} />}
      {ASSESSMENT_ITEM_KINDS.map((kind) => {
        const agreed = new Set(editor?.draft.items[kind].map(normal));
        return (
          <div key={kind} className="as-side">
            <h3>{t(`asKind_${kind}`)}</h3>
            <div className="as-side__grid">
              {members.map((member) => (
                <div key={member.userId} className="card as-side__member">
                  <p className="as-side__name">{member.name}</p>
                  {member.items[kind].length === 0 ? (
                    <p className="muted small">—</p>
                  ) : (
                    <ul>
                      {member.items[kind].map((text, index) => (
                        <li key={index}>
                          <span>{text}</span>
                          {editor ? (
                            agreed.has(normal(text)) ? (
                              <span className="badge badge--ok">✓ {t('asInAgreed')}</span>
                            ) : (
                              <button type="button" className="button button--small" onClick={() => editor.addItem(kind, text)}>
                                {t('asTake')}
                              </button>
                            )
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ))}
            </div>
          </div>
        );
      })}
    </section>
  );
}
