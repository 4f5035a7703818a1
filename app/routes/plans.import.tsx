import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { requirePermission } from '~/auth.server';
import { getLanguage } from '~/language.server';
import { pageTitle, useT, type MessageKey } from '~/i18n';
import { ImportError, parsePlanFile, readPlanFile, type SheetPreview } from '../../importers';
import type { ParsedPlan } from '../../importers/types';
import { listPlans } from '~/models/plan.server';
import { applyReimport, importPlanIntoDatabase, previewReimport } from '~/models/plan-import.server';
import { discardPendingImport, loadPendingImport, savePendingImport } from '~/models/pending-import.server';
import { Field } from '~/components/field';
import { chosenFile, readForm, readUpload } from '~/upload.server';
import { ImportPreview, type PreviewData } from '~/components/import-preview';
import { previewTexts } from '~/domain/preview-text';
import importCss from '~/styles/import.css?url';
import { MAX_TITLE_LENGTH, idSchema, parseId, typedText, uploadedFileName } from '~/domain/form-input';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'importTitle');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: importCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'plan:import');
  const plans = listPlans().map((p) => ({ id: p.id, title: p.title }));
  const planId = parseId(new URL(request.url).searchParams.get('plan'));
  return { plans, planId: plans.some((p) => p.id === planId) ? planId : null };
}

type ActionData = { error: MessageKey; detail?: string; params?: Record<string, string> } | PreviewData;

const confirmSchema = z.object({
  intent: z.enum(['confirm', 'cancel']),
  token: z.string().max(100),
  planId: idSchema.optional(),
  title: typedText(MAX_TITLE_LENGTH).optional(),
});

function summarize(parsed: ParsedPlan) {
  const measures = parsed.areas.flatMap((a) => a.measures);
  return {
    areas: parsed.areas.length,
    measures: measures.length,
    activities: measures.reduce((n, m) => n + m.activities.length, 0),
  };
}

async function readPlanUpload(
  request: Request,
): Promise<{ file: File | null; planId: number | null; title: string } | { error: MessageKey; status: number; detail?: string }> {
  const upload = await readUpload(request, MAX_IMPORT_BYTES);
  if ('error' in upload) {
    return upload.error === 'too-large' ? { error: 'importTooLarge', status: 413 } : { error: 'uploadMalformed', status: 400 };
  }
  return {
    file: chosenFile(upload.form.get('file')),
    planId: parseId(upload.form.get('planId')),
    title: typedText(MAX_TITLE_LENGTH).catch('').parse(upload.form.get('title') ?? ''),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:import');
  const lang = await getLanguage(request, user.language);
  if (request.headers.get('Content-Type')?.startsWith('multipart/form-data')) {
    const upload = await readPlanUpload(request);
    if ('error' in upload) {
      const { error, detail, status } = upload;
      return Response.json((detail ? { error, detail } : { error }) satisfies ActionData, { status });
    }
    if (!upload.file) return Response.json({ error: 'importNoFile' } satisfies ActionData, { status: 400 });
    if (upload.file.size === 0) {
      return Response.json({ error: 'uploadEmptyFile', params: { file: upload.file.name } } satisfies ActionData, { status: 400 });
    }
    const bytes = new Uint8Array(await upload.file.arrayBuffer());
    const fileName = uploadedFileName(upload.file.name);
    let parsed: ParsedPlan;
    let sampleRows: SheetPreview[];
    try {
      ({ plan: parsed, sampleRows } = await readPlanFile(bytes, fileName, lang));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      return Response.json({ error: 'importUnreadable', detail: error.in(lang) } satisfies ActionData, { status: 400 });
    }
    const token = savePendingImport(user.id, fileName, bytes);
    const reimport = upload.planId ? previewReimport(upload.planId, parsed) : null;
    // Every text as the preview shows it: a long one cut, with its length (the plan keeps it whole).
    const preview: PreviewData = {
      token,
      fileName,
      planId: upload.planId,
      title: upload.title || parsed.title || fileName,
      period: parsed.period,
      counts: summarize(parsed),
      warnings: parsed.warnings,
      areas: parsed.areas,
      sampleRows,
      diff: reimport && {
        added: reimport.added.map(({ code, title, measureCode }) => ({ code, title, measureCode })),
        removed: reimport.removed.map(({ code, title, measureCode }) => ({ code, title, measureCode })),
        changed: reimport.changed.map((m) => ({ code: m.incoming.code, title: m.incoming.title, changes: m.changes })),
        unchanged: reimport.unchanged.length,
      },
    };
    return Response.json(previewTexts(preview, lang) satisfies ActionData);
  }

  const parsedForm = confirmSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsedForm.success) return Response.json({ error: 'importExpired' } satisfies ActionData, { status: 400 });
  const { intent, token, planId, title } = parsedForm.data;
  if (intent === 'cancel') {
    // Only the person who uploaded it, or an admin: a token seen elsewhere cancels nothing.
    if (!discardPendingImport(token, user)) return Response.json({ error: 'importExpired' } satisfies ActionData, { status: 404 });
    return redirect('/plans/import');
  }
  const pending = loadPendingImport(token, user.id);
  if (!pending) return Response.json({ error: 'importExpired' } satisfies ActionData, { status: 400 });
  const parsed = await parsePlanFile(pending.bytes, pending.fileName, lang);
  if (planId) {
    const summary = applyReimport(planId, parsed, { userId: user.id, fileName: pending.fileName });
    discardPendingImport(token, user);
    const search = new URLSearchParams({ reimported: `${summary.added}-${summary.changed}-${summary.archived}` });
    return redirect(`/plans/${planId}?${search}`);
  }
  const newPlanId = importPlanIntoDatabase(parsed, { fileName: pending.fileName, title, userId: user.id });
  discardPendingImport(token, user);
  return redirect(`/plans/${newPlanId}?imported=1`);
}

export default function ImportPage() {
  const { plans, planId } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const t = useT();
  const reading = navigation.state === 'submitting' && navigation.formEncType === 'multipart/form-data';
  const preview = actionData && 'token' in actionData ? actionData : null;
  const error = actionData && 'error' in actionData ? actionData : null;
  const target = plans.find((p) => p.id === planId);
  return (
    <div className="page">
      <div className="page-header">
        <h1>{target ? t('reimportTitle', { plan: target.title }) : t('importTitle')}</h1>
      </div>
      {preview && !reading ? (
        <ImportPreview preview={preview} />
      ) : (
        <section className="card import-upload">
          <p className="muted">{t('importIntro')}</p>
          {error ? (
            <div className="alert alert--error" role="alert">
              <strong>{t(error.error, error.params)}</strong>
              {error.detail ? <p className="import-error-detail">{error.detail}</p> : null}
            </div>
          ) : null}
          <Form method="post" encType="multipart/form-data" className="form-grid">
            <div className="field form-grid__wide">
              <label>
                {t('importFile')}
                <input type="file" name="file" accept=".xlsx,.xlsm,.docx,.ods,.odt,.csv,.tsv,.txt" required />
              </label>
            </div>
            <div className="field">
              <label>
                {t('importTarget')}
                <select name="planId" defaultValue={planId ?? ''}>
                  <option value="">{t('importAsNew')}</option>
                  {plans.map((plan) => (
                    <option key={plan.id} value={plan.id}>
                      {t('importInto', { plan: plan.title })}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <Field label={t('importPlanTitle')} name="title" hint={t('importPlanTitleHint')} />
            <div className="form-grid__wide import-actions">
              <button type="submit" className="button button--primary" disabled={reading}>
                {t('importPreviewButton')}
              </button>
              <Link to="/plans" className="button button--ghost">
                {t('cancel')}
              </Link>
            </div>
          </Form>
          {reading ? (
            <div className="import-progress" role="status" aria-live="polite">
              <div className="import-progress__bar" />
              <span>{t('importReading')}</span>
            </div>
          ) : null}
        </section>
      )}
    </div>
  );
}
