import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { requirePermission } from '~/auth.server';
import { StepDates, StepEvidence, StepStatus, useCycleText } from '~/components/cycle-step';
import { cycleDone, type CycleStep, type CycleStepView } from '~/domain/caf-cycle';
import { cycleStepFormSchema } from '~/domain/cycle-form';
import { fieldErrors, parseId } from '~/domain/form-input';
import { can } from '~/domain/permissions';
import { readFormWithFile, removeEvidenceFile, storeEvidenceFile, uploadedFile } from '~/evidence-files.server';
import { pageTitle, useT } from '~/i18n';
import { cycleStepWords, type CycleStepWord } from '~/i18n/cycle';
import { clearCycleStep, cycleFromRequest, cycleStepFile, recordCycleStep } from '~/models/cycle.server';
import cycleCss from '~/styles/cycle-timeline.css?url';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'csTitle', cycleStepWords);
export const links = () => [{ rel: 'stylesheet', href: cycleCss }];

/** GET /cycle?assessment=ID — the ten CAF steps of a self-assessment's cycle (the latest one by default). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'assessment:read');
  return {
    ...cycleFromRequest(request),
    canEdit: can(user.role, 'assessment:create'),
  };
}

type ActionData = {
  step?: CycleStep;
  ok?: CycleStepWord;
  errors?: Partial<Record<string, CycleStepWord>>;
};
const reply = (data: ActionData, status = 200) => Response.json(data, { status });

/** Records (or clears) what the organization says about one step: date, note, link, file. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'assessment:create');
  const read = await readFormWithFile(request);
  if (!read.ok)
    return reply(
      {
        errors: {
          form: read.error === 'trFileTooLarge' ? 'csFileTooLarge' : 'csInvalid',
        },
      },
      read.error === 'trFileTooLarge' ? 413 : 400,
    );
  const assessmentId = parseId(read.form.get('assessmentId'));
  const parsed = cycleStepFormSchema.safeParse(Object.fromEntries(read.form));
  if (assessmentId === null || !parsed.success) {
    const step = read.form.get('step');
    return reply(
      {
        step: typeof step === 'string' ? (step as CycleStep) : undefined,
        errors: parsed.success ? { form: 'csInvalid' } : (fieldErrors(parsed.error) as ActionData['errors']),
      },
      400,
    );
  }
  const form = parsed.data;
  if (form.intent === 'clear') {
    const cleared = clearCycleStep(user, assessmentId, form.step);
    if (!cleared) return reply({ step: form.step, errors: { form: 'csNotFound' } }, 404);
    if (cleared.replaced) removeEvidenceFile(cleared.replaced);
    return reply({ step: form.step, ok: 'csCleared' });
  }
  const file = uploadedFile(read.form.get('evidenceFile'));
  const keepsFile = !form.removeFile && cycleStepFile(assessmentId, form.step) !== null;
  if (!form.doneOn && !form.note && !form.evidenceUrl && !file && !keepsFile) return reply({ step: form.step, errors: { form: 'csEmptyRecord' } }, 400);
  const stored = file ? await storeEvidenceFile(file) : null;
  const saved = recordCycleStep(user, assessmentId, form.step, {
    ...form,
    file: stored,
  });
  if (!saved) {
    if (stored) removeEvidenceFile(stored.evidenceFile);
    return reply({ step: form.step, errors: { form: 'csNotFound' } }, 404);
  }
  if (saved.replaced) removeEvidenceFile(saved.replaced);
  return reply({ step: form.step, ok: 'csSaved' });
}

export default function CyclePage() {
  const { cycles, cycle, canEdit } = useLoaderData<typeof loader>();
  const t = useT(cycleStepWords);
  if (!cycle) {
    return (
      <div className="page">
        <h1>{t('csTitle')}</h1>
        <div className="empty-state card">
          <p>{t('csNone')}</p>
          {canEdit ? (
            <Link to="/assessments/new" className="button button--primary">
              {t('csStart')}
            </Link>
          ) : null}
        </div>
      </div>
    );
  }
  const { assessment } = cycle;
  return (
    <div className="page cycle">
      <div className="page-header">
        <div>
          {cycle.organization ? <p className="eyebrow">{cycle.organization}</p> : null}
          <h1>{t('csTitle')}</h1>
        </div>
        <div className="page-header__actions">
          <Link to={`/cycle/print?assessment=${assessment.id}`} className="button">
            {t('csPrint')}
          </Link>
        </div>
      </div>
      <p className="cycle__intro">{t('csIntro')}</p>
      <Form method="get" className="cycle__choose card">
        <label>
          {t('csCycle')}
          <select name="assessment" defaultValue={assessment.id}>
            {cycles.map((choice, index) => (
              <option key={choice.id} value={choice.id}>
                {t('csCycleOf', { title: choice.title, period: choice.period })}
                {index === 0 ? ` (${t('csCurrent')})` : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t('csChoose')}
        </button>
      </Form>
      <p className="cycle__defines">
        <Link to={`/assessments/${assessment.id}`}>
          {t('csCycleOf', {
            title: assessment.title,
            period: assessment.period,
          })}
        </Link>
        {' · '}
        {cycle.plans.length > 0
          ? t('csDefines', {
              plans: cycle.plans.map((plan) => t('csPlanName', { title: plan.title })).join(', '),
            })
          : t('csNoPlans')}
      </p>
      <p className="cycle__count">{t('csDoneCount', { done: cycleDone(cycle.steps) })}</p>
      <ol className="cycle-timeline">
        {cycle.steps.map((step) => (
          <StepItem key={step.step} step={step} assessmentId={assessment.id} canEdit={canEdit} />
        ))}
      </ol>
    </div>
  );
}

function StepItem({ step, assessmentId, canEdit }: { step: CycleStepView; assessmentId: number; canEdit: boolean }) {
  const t = useT(cycleStepWords);
  const text = useCycleText();
  const actionData = useActionData<ActionData>();
  const mine = actionData?.step === step.step ? actionData : undefined;
  return (
    <li className={`cycle-step cycle-step--${step.status}`} id={`step-${step.step}`}>
      <span className="cycle-step__number" aria-hidden="true">
        {step.number}
      </span>
      <div className="cycle-step__body">
        <div className="cycle-step__head">
          <h2>
            <span className="visually-hidden">{t('csStep', { number: step.number })}: </span>
            {t(`step_${step.step}`)}
          </h2>
          <StepStatus status={step.status} />
        </div>
        <p className="cycle-step__reason">{text(step.reason)}</p>
        <dl className="cycle-step__facts">
          <div>
            <dt>{t('csDates')}</dt>
            <dd>
              <StepDates step={step} />
            </dd>
          </div>
        </dl>
        <StepEvidence step={step} fileHref={`/cycle/${assessmentId}/evidence/${step.step}`} />
        {mine?.ok ? (
          <p className="alert alert--success" role="status">
            {t(mine.ok)}
          </p>
        ) : null}
        {canEdit ? <RecordForm step={step} assessmentId={assessmentId} errors={mine?.errors} /> : null}
      </div>
    </li>
  );
}

function RecordForm({ step, assessmentId, errors }: { step: CycleStepView; assessmentId: number; errors?: ActionData['errors'] }) {
  const t = useT(cycleStepWords);
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting' && navigation.formData?.get('step') === step.step;
  const record = step.record;
  const id = (field: string) => `${step.step}-${field}`;
  const error = (field: string) =>
    errors?.[field] ? (
      <span className="field__error" id={id(`${field}-error`)}>
        {t(errors[field]!)}
      </span>
    ) : null;
  return (
    <details className="cycle-step__form" open={!!errors}>
      <summary>{record ? t('csRecordEdit') : t('csRecordAdd')}</summary>
      {errors?.form ? (
        <p className="alert alert--error" role="alert">
          {t(errors.form)}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="cycle-record">
        <input type="hidden" name="intent" value="record" />
        <input type="hidden" name="step" value={step.step} />
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <label htmlFor={id('doneOn')}>{step.step === 'next' ? t('csRecordDateNext') : t('csRecordDate')}</label>
        <input id={id('doneOn')} type="date" name="doneOn" defaultValue={record?.doneOn ?? ''} aria-invalid={!!errors?.doneOn} />
        {error('doneOn')}
        <label htmlFor={id('note')}>{t('csRecordNote')}</label>
        <input id={id('note')} name="note" defaultValue={record?.note ?? ''} placeholder={t('csRecordNoteHint')} maxLength={2000} aria-invalid={!!errors?.note} />
        {error('note')}
        <label htmlFor={id('evidenceUrl')}>{t('csRecordUrl')}</label>
        <input id={id('evidenceUrl')} type="url" name="evidenceUrl" defaultValue={record?.evidenceUrl ?? ''} placeholder="https://" aria-invalid={!!errors?.evidenceUrl} />
        {error('evidenceUrl')}
        <label htmlFor={id('file')}>{t('csRecordFile')}</label>
        <input id={id('file')} type="file" name="evidenceFile" />
        {record?.evidenceFileName ? (
          <label className="cycle-record__check">
            <input type="checkbox" name="removeFile" /> {t('csRecordRemoveFile')} ({record.evidenceFileName})
          </label>
        ) : null}
        <div className="cycle-record__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('csSave')}
          </button>
        </div>
      </Form>
      {record ? (
        <Form method="post" className="cycle-record__clear">
          <input type="hidden" name="intent" value="clear" />
          <input type="hidden" name="step" value={step.step} />
          <input type="hidden" name="assessmentId" value={assessmentId} />
          <button type="submit" className="button button--danger" disabled={busy}>
            {t('csClear')}
          </button>
        </Form>
      ) : null}
    </details>
  );
}
