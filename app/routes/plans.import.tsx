import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { requirePermission } from '~/auth.server';
import { getLanguage } from '~/language.server';
import { pageTitle, useT, type MessageKey, type WordKey } from '~/i18n';
import { importerWords } from '~/i18n/importer';
import { listPlans } from '~/models/plan.server';
import { applyReimport, countActivities, importOrganizationId, importPlanIntoDatabase } from '~/models/plan-import.server';
import { forgetMapping, keepMapping, keptMappingFor } from '~/models/import-mapping.server';
import { discardPendingImport, loadPendingImport, loadPendingPlan, savePendingImport, sha256Hex, updatePendingPlan } from '~/models/pending-import.server';
import { previewData, readPlan } from '~/models/import-preview.server';
import { mappingFromForm } from '~/domain/mapping-form';
import { Field } from '~/components/field';
import { chosenFile, readForm, readUpload } from '~/upload.server';
import { ImportPreview, type PreviewData } from '~/components/import-preview';
import { previewTexts } from '~/domain/preview-text';
import importCss from '~/styles/import.css?url';
import { MAX_TITLE_LENGTH, idSchema, parseId, typedText, uploadedFileName } from '~/domain/form-input';
import { ReadingProgress, UploadActions } from '~/components/upload-actions';
import type { Mapping } from '../../importers';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'importTitle', importerWords);
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: importCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'plan:import');
  const plans = listPlans().map((p) => ({ id: p.id, title: p.title }));
  const planId = parseId(new URL(request.url).searchParams.get('plan'));
  return { plans, planId: plans.some((p) => p.id === planId) ? planId : null };
}

type ActionData = { error: WordKey<typeof importerWords> | MessageKey; detail?: string; params?: Record<string, string> } | PreviewData;

const confirmSchema = z.object({
  intent: z.enum(['confirm', 'cancel', 'remap', 'unmap']),
  token: z.string().max(100),
  planId: idSchema.optional(),
  title: typedText(MAX_TITLE_LENGTH).optional(),
});

async function readPlanUpload(
  request: Request,
): Promise<{ file: File | null; planId: number | null; title: string } | { error: WordKey<typeof importerWords> | MessageKey; status: number; detail?: string }> {
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
    const kept = await keptMappingFor(importOrganizationId(upload.planId), bytes, fileName);
    const reading = await readPlan(bytes, fileName, lang, kept ?? undefined);
    if ('refusal' in reading) return Response.json({ error: 'importUnreadable', detail: reading.refusal } satisfies ActionData, { status: 400 });
    const outcome = reading.read;
    const token = savePendingImport(user.id, fileName, bytes, outcome.read.plan, kept);
    if (!token) return Response.json({ error: 'importTooLarge' } satisfies ActionData, { status: 413 });
    const preview = previewData({ token, fileName, ...outcome, kept: kept !== null, planId: upload.planId, title: upload.title, sha256: sha256Hex(bytes) });
    // Every text as the preview shows it: a long one cut, with its length (the plan keeps it whole).
    return Response.json(previewTexts(preview, lang) satisfies ActionData);
  }

  const form = await readForm(request);
  const parsedForm = confirmSchema.safeParse(Object.fromEntries(form));
  if (!parsedForm.success) return Response.json({ error: 'importExpired' } satisfies ActionData, { status: 400 });
  const { intent, token, planId, title } = parsedForm.data;
  if (intent === 'cancel') {
    // Only the person who uploaded it, or an admin: a token seen elsewhere cancels nothing.
    if (!discardPendingImport(token, user)) return Response.json({ error: 'importExpired' } satisfies ActionData, { status: 404 });
    return redirect('/plans/import');
  }
  if (intent === 'remap' || intent === 'unmap') {
    const upload = loadPendingImport(token, user.id);
    if (!upload) return Response.json({ error: 'importExpired' } satisfies ActionData, { status: 400 });
    let mapping: Mapping | null = null;
    if (intent === 'remap') {
      const chosen = mappingFromForm(form);
      if ('error' in chosen) return Response.json({ error: 'importMappingInvalid', detail: chosen.error } satisfies ActionData, { status: 400 });
      mapping = chosen.mapping;
    } else if (upload.mapping) {
      await forgetMapping(importOrganizationId(planId), upload.mapping, upload.bytes, upload.fileName);
    }
    const reading = await readPlan(upload.bytes, upload.fileName, lang, mapping ?? undefined);
    if ('refusal' in reading) return Response.json({ error: 'importUnreadable', detail: reading.refusal } satisfies ActionData, { status: 400 });
    const outcome = reading.read;
    if (!updatePendingPlan(token, user.id, outcome.read.plan, mapping)) {
      return Response.json({ error: 'importTooLarge' } satisfies ActionData, { status: 413 });
    }
    const preview = previewData({
      token,
      fileName: upload.fileName,
      ...outcome,
      kept: false,
      planId: planId ?? null,
      title: title ?? '',
      sha256: sha256Hex(upload.bytes),
    });
    return Response.json(previewTexts(preview, lang) satisfies ActionData);
  }
  const pending = loadPendingPlan(token, user.id);
  if (!pending) return Response.json({ error: 'importExpired' } satisfies ActionData, { status: 400 });
  const parsed = pending.plan;
  if (countActivities(parsed) === 0) return Response.json({ error: 'importNothing' } satisfies ActionData, { status: 400 });
  const upload = pending.mapping ? loadPendingImport(token, user.id) : null;
  if (pending.mapping && upload) await keepMapping(importOrganizationId(planId), pending.mapping, upload.bytes, upload.fileName);
  if (planId) {
    const summary = applyReimport(planId, parsed, { userId: user.id, fileName: pending.fileName, sha256: pending.sha256, lang });
    discardPendingImport(token, user);
    const search = new URLSearchParams({ reimported: `${summary.added}-${summary.changed}-${summary.archived}` });
    return redirect(`/plans/${planId}?${search}`);
  }
  const newPlanId = importPlanIntoDatabase(parsed, { fileName: pending.fileName, sha256: pending.sha256, title, userId: user.id });
  discardPendingImport(token, user);
  return redirect(`/plans/${newPlanId}?imported=1`);
}

export default function ImportPage() {
  const { plans, planId } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const t = useT(importerWords);
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
            <UploadActions submitLabel={t('importPreviewButton')} cancelTo="/plans" reading={reading} />
          </Form>
          {reading ? <ReadingProgress label={t('importReading')} /> : null}
        </section>
      )}
    </div>
  );
}
