import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { requirePermission } from '~/auth.server';
import { getLanguage } from '~/language.server';
import { pageTitle, useT } from '~/i18n';
import { assessmentImportWords } from '~/i18n/assessment-import';
import { discardPendingImport, savePendingImport } from '~/models/pending-import.server';
import { IMPORT_STAGES, importAssessment, loadPendingAssessment, readAssessmentFile, savedRounded, scoredCodes } from '~/models/assessment-import.server';
import { SUB_CRITERIA } from '~/domain/assessment-scoring';
import { chosenFile, readForm, readUpload } from '~/upload.server';
import { MAX_TITLE_LENGTH, typedText, uploadedFileName } from '~/domain/form-input';
import importCss from '~/styles/import.css?url';
import { ReadingProgress, UploadActions } from '~/components/upload-actions';

export const MAX_ASSESSMENT_BYTES = 20 * 1024 * 1024;
const MAX_PERIOD_LENGTH = 40;
type Key = keyof (typeof assessmentImportWords)['en'];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'aiTitle', assessmentImportWords);
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: importCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'assessment:create');
  const token = new URL(request.url).searchParams.get('preview');
  const pending = token ? loadPendingAssessment(token, user.id) : null;
  if (!pending) return { preview: null, expired: token !== null };
  const scored = new Set(scoredCodes(pending.assessment));
  return {
    preview: {
      token: token!,
      fileName: pending.fileName,
      assessment: pending.assessment,
      unscored: SUB_CRITERIA.map((s) => s.code).filter((code) => !scored.has(code)),
      rounded: savedRounded(pending.assessment),
    },
    expired: false,
  };
}

type ActionData = { error: Key; detail?: string };

const confirmSchema = z.object({
  intent: z.enum(['confirm', 'discard']),
  token: z.string().max(100),
  title: typedText(MAX_TITLE_LENGTH).optional(),
  period: typedText(MAX_PERIOD_LENGTH).optional(),
  stage: z.enum(IMPORT_STAGES).optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'assessment:create');
  const lang = await getLanguage(request, user.language);
  if (request.headers.get('Content-Type')?.startsWith('multipart/form-data')) {
    const upload = await readUpload(request, MAX_ASSESSMENT_BYTES);
    if ('error' in upload) return Response.json({ error: upload.error === 'too-large' ? 'aiTooLarge' : 'aiUnreadable' } satisfies ActionData, { status: upload.error === 'too-large' ? 413 : 400 });
    const file = chosenFile(upload.form.get('file'));
    if (!file) return Response.json({ error: 'aiNoFile' } satisfies ActionData, { status: 400 });
    const fileName = uploadedFileName(file.name);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const reading = await readAssessmentFile(bytes, fileName, lang);
    if ('refusal' in reading) return Response.json({ error: 'aiUnreadable', detail: reading.refusal } satisfies ActionData, { status: 400 });
    const token = savePendingImport(user.id, fileName, bytes, reading.read);
    if (!token) return Response.json({ error: 'aiTooLarge' } satisfies ActionData, { status: 413 });
    return redirect(`/assessments/import?preview=${token}`);
  }
  const parsed = confirmSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return Response.json({ error: 'aiExpired' } satisfies ActionData, { status: 400 });
  const { intent, token, title, period, stage } = parsed.data;
  if (intent === 'discard') {
    discardPendingImport(token, user);
    return redirect('/assessments/import');
  }
  const pending = loadPendingAssessment(token, user.id);
  if (!pending) return Response.json({ error: 'aiExpired' } satisfies ActionData, { status: 404 });
  if (!title || !period || !stage) return Response.json({ error: 'aiTitlePeriodRequired' } satisfies ActionData, { status: 400 });
  const saved = importAssessment(user, pending.assessment, { title, period, stage, fileName: pending.fileName });
  if (!saved.ok) return Response.json({ error: 'aiStageConsensusMissing' } satisfies ActionData, { status: 409 });
  discardPendingImport(token, user);
  return redirect(`/assessments/${saved.id}`);
}

export default function AssessmentImportPage() {
  const { preview, expired } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const t = useT(assessmentImportWords);
  const reading = navigation.state === 'submitting' && navigation.formEncType === 'multipart/form-data';
  const error: ActionData | null = actionData ?? (expired ? { error: 'aiExpired' } : null);
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('aiTitle')}</h1>
      </div>
      {error ? (
        <div className="alert alert--error" role="alert">
          <strong>{t(error.error)}</strong>
          {error.detail ? <p className="import-error-detail">{error.detail}</p> : null}
        </div>
      ) : null}
      {preview && !reading ? (
        <Preview preview={preview} />
      ) : (
        <section className="card import-upload">
          <p className="muted">{t('aiIntro')}</p>
          <Form method="post" encType="multipart/form-data" className="form-grid">
            <div className="field form-grid__wide">
              <label>
                {t('aiFile')}
                <input type="file" name="file" accept=".xlsx,.xlsm,.docx,.ods,.odt,.csv,.tsv,.txt" required />
              </label>
            </div>
            <UploadActions submitLabel={t('aiPreviewButton')} cancelTo="/assessments" reading={reading} />
          </Form>
          {reading ? <ReadingProgress label={t('aiReading')} /> : null}
        </section>
      )}
    </div>
  );
}

type PreviewProps = { preview: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['preview']> };

function Preview({ preview }: PreviewProps) {
  const t = useT(assessmentImportWords);
  const { assessment, fileName, token, unscored, rounded } = preview;
  const count = (key: 'strengths' | 'improvements') => assessment.subCriteria.reduce((sum, sub) => sum + sub[key].length, 0);
  const fineTuned = assessment.scoring === 'fine-tuned';
  return (
    <section className="card">
      <p>
        {t('aiRead', { file: fileName, count: String(assessment.subCriteria.length), strengths: String(count('strengths')), improvements: String(count('improvements')) })}{' '}
        {t('aiScoring')}: <strong>{t(fineTuned ? 'aiFineTuned' : 'aiClassical')}</strong>.
      </p>
      {unscored.length > 0 ? <div className="alert alert--warning">{t('aiMissing', { codes: unscored.join(', ') })}</div> : null}
      {rounded ? <p className="muted">{t('aiRounded')}</p> : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('aiCode')}</th>
              <th scope="col">{t('aiScore')}</th>
              {fineTuned ? <th scope="col">{t('aiPhases')}</th> : null}
              {fineTuned ? <th scope="col">{t('aiResults')}</th> : null}
              <th scope="col">{t('aiStrengths')}</th>
              <th scope="col">{t('aiImprovements')}</th>
            </tr>
          </thead>
          <tbody>
            {assessment.subCriteria.map((sub) => (
              <tr key={sub.code}>
                <th scope="row">{sub.code}</th>
                <td>{sub.score ?? '—'}</td>
                {fineTuned ? <td>{sub.phases ? `${sub.phases.plan} / ${sub.phases.do} / ${sub.phases.check} / ${sub.phases.act}` : '—'}</td> : null}
                {fineTuned ? <td>{sub.trends !== null || sub.targets !== null ? `${sub.trends ?? '—'} / ${sub.targets ?? '—'}` : '—'}</td> : null}
                <td>
                  <ItemList items={sub.strengths} />
                </td>
                <td>
                  <ItemList items={sub.improvements} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {assessment.warnings.length > 0 ? (
        <details open>
          <summary>{t('aiWarnings', { count: String(assessment.warnings.length) })}</summary>
          <ul>
            {assessment.warnings.map((warning, index) => (
              <li key={index}>
                {[t('aiWhere', { sheet: warning.sheet }), warning.row === null ? null : t('aiRow', { row: String(warning.row) }), warning.column === null ? null : t('aiColumn', { column: warning.column })]
                  .filter(Boolean)
                  .join(', ')}
                : {warning.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <Form method="post" className="form-grid">
        <input type="hidden" name="token" value={token} />
        <div className="field form-grid__wide">
          <label>
            {t('aiSaveTitle')}
            <input name="title" defaultValue={assessment.title} maxLength={MAX_TITLE_LENGTH} required />
          </label>
        </div>
        <div className="field">
          <label>
            {t('aiPeriod')}
            <input name="period" maxLength={MAX_PERIOD_LENGTH} required placeholder={t('aiPeriodHint')} />
          </label>
        </div>
        <fieldset className="form-grid__wide">
          <legend>{t('aiStage')}</legend>
          <label className="checkbox">
            <input type="radio" name="stage" value="consensus" defaultChecked />
            {t('aiStageConsensus')}
          </label>
          <label className="checkbox">
            <input type="radio" name="stage" value="approved" disabled={unscored.length > 0} />
            {t('aiStageApproved')}
          </label>
        </fieldset>
        <div className="form-grid__wide import-actions">
          <button type="submit" name="intent" value="confirm" className="button button--primary">
            {t('aiConfirm')}
          </button>
          <button type="submit" name="intent" value="discard" className="button button--ghost" formNoValidate>
            {t('aiDiscard')}
          </button>
        </div>
      </Form>
    </section>
  );
}

function ItemList({ items }: { items: string[] }) {
  if (items.length === 0) return <>—</>;
  return (
    <ul className="plain-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
