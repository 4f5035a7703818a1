import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '~/auth.server';
import { getLanguage } from '~/language.server';
import { formatDate, isIsoDate, todayInSofia } from '~/domain/dates';
import { can } from '~/domain/permissions';
import { STATUS_LABELS } from '~/domain/status';
import { pageTitle, useLang, useT, type MessageKey, type WordKey } from '~/i18n';
import { reportsWords } from '~/i18n/reports';
import { listPlans } from '~/models/plan.server';
import {
  applyStatusImport,
  discardStatusImport,
  loadStatusImport,
  previewStatusImport,
  readReportFile,
  type ApplyResult,
  type RowOutcome,
} from '~/models/status-import.server';
import reportsCss from '~/styles/reports.css?url';
import { chosenFile, readForm, readUpload } from '~/upload.server';
import { idSchema, uploadedFileName } from '~/domain/form-input';
import type { User } from '../../db/schema';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reportsCss }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'repImportTitle', reportsWords);

export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

/** Who may import a filled-in report: whoever may record status updates (heads for their own activities). */
async function requireImporter(request: Request): Promise<User> {
  const user = await requireUser(request);
  if (!can(user.role, 'status:update-any') && !can(user.role, 'status:update-own')) throw new Response('Forbidden', { status: 403 });
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireImporter(request);
  const id = new URL(request.url).searchParams.get('preview');
  const preview = id ? loadStatusImport(user, id) : null;
  return {
    preview,
    today: todayInSofia(),
    expired: Boolean(id && !preview),
    plans: listPlans().map((p) => ({ id: p.id, title: p.title })),
    canUpdateAny: can(user.role, 'status:update-any'),
  };
}

type ActionData = { error: WordKey<typeof reportsWords> | MessageKey; detail?: string; params?: Record<string, string> } | { result: ApplyResult };

const applySchema = z.object({
  intent: z.enum(['apply', 'discard']),
  id: z.string().regex(/^[a-f0-9]{32}$/),
  // The day the updates report on, chosen in the preview; not in the future.
  asOf: z
    .string()
    .refine((day) => isIsoDate(day) && day <= todayInSofia())
    .optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireImporter(request);
  const lang = await getLanguage(request, user.language);
  if (request.headers.get('Content-Type')?.startsWith('multipart/form-data')) {
    const upload = await readUpload(request, MAX_REPORT_BYTES);
    if ('error' in upload) {
      return upload.error === 'too-large'
        ? Response.json({ error: 'repImportTooLarge' } satisfies ActionData, { status: 413 })
        : Response.json({ error: 'uploadMalformed' } satisfies ActionData, { status: 400 });
    }
    const { form } = upload;
    const file = chosenFile(form.get('file'));
    if (!file) return Response.json({ error: 'repImportNoFile' } satisfies ActionData, { status: 400 });
    if (file.size === 0) return Response.json({ error: 'uploadEmptyFile', params: { file: file.name } } satisfies ActionData, { status: 400 });
    const planId = idSchema.safeParse(form.get('planId'));
    const reading = await readReportFile(new Uint8Array(await file.arrayBuffer()), uploadedFileName(file.name), lang);
    if ('refusal' in reading) return Response.json({ error: 'repImportUnreadable', detail: reading.refusal } satisfies ActionData, { status: 400 });
    const preview = previewStatusImport(user, reading.read, { planId: planId.success ? planId.data : null, lang });
    return redirect(`/reports/import?preview=${preview.id}`);
  }
  const parsed = applySchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) {
    const asOfWrong = parsed.error.issues.some((issue) => issue.path[0] === 'asOf');
    return Response.json({ error: asOfWrong ? 'repImportAsOfInvalid' : 'repImportExpired' } satisfies ActionData, { status: 400 });
  }
  if (parsed.data.intent === 'discard') {
    discardStatusImport(user, parsed.data.id);
    return redirect('/reports/import');
  }
  if (!loadStatusImport(user, parsed.data.id)) return Response.json({ error: 'repImportExpired' } satisfies ActionData, { status: 404 });
  return { result: applyStatusImport(user, parsed.data.id, lang, parsed.data.asOf) } satisfies ActionData;
}

const OUTCOME_LABELS: Record<RowOutcome, WordKey<typeof reportsWords>> = {
  ready: 'repOutcomeReady',
  refused: 'repOutcomeRefused',
  unmatched: 'repOutcomeUnmatched',
  ambiguous: 'repOutcomeAmbiguous',
  same: 'repOutcomeSame',
  duplicate: 'repOutcomeDuplicate',
};
const OUTCOME_BADGES: Record<RowOutcome, string> = {
  ready: 'badge--done',
  refused: 'badge--overdue',
  unmatched: 'badge--postponed',
  ambiguous: 'badge--postponed',
  same: 'badge--muted',
  duplicate: 'badge--muted',
};

export default function StatusImportPage() {
  const { preview, today, expired, plans, canUpdateAny } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  const t = useT(reportsWords);
  const lang = useLang();
  const error = actionData && 'error' in actionData ? (actionData as { error: WordKey<typeof reportsWords> | MessageKey; detail?: string; params?: Record<string, string> }) : null;
  const result: ApplyResult | null = actionData && 'result' in actionData ? (actionData.result as ApplyResult) : null;

  if (result) {
    return (
      <div className="page reports">
        <div className="page-header">
          <h1>{t('repImportTitle')}</h1>
        </div>
        <div className="alert alert--success" role="status">
          {t('repImportApplied', { count: result.applied.length })}
          {result.rescheduled > 0 ? ` ${t('repImportRescheduled', { count: result.rescheduled })}` : ''}
        </div>
        {result.stale.length > 0 ? (
          <div className="alert alert--warning" role="alert">
            {t('repImportStale', { codes: result.stale.map((s) => s.code ?? s.activityId).join(', ') })}
          </div>
        ) : null}
        {result.refused.length > 0 ? (
          <div className="alert alert--error" role="alert">
            {t('repImportRefusedApply', { codes: result.refused.map((s) => s.code ?? s.activityId).join(', ') })}
          </div>
        ) : null}
        <div className="status-import__actions">
          <Link className="button" to="/reports/import">
            {t('repImportAnother')}
          </Link>
          <Link className="button button--ghost" to="/reports">
            {t('reportsTitle')}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="page reports">
      <div className="page-header">
        <h1>{t('repImportTitle')}</h1>
        <Link to="/reports" className="button button--ghost">
          {t('reportsTitle')}
        </Link>
      </div>
      {error ? (
        <div className="alert alert--error" role="alert">
          {t(error.error, error.params)}
          {error.detail ? <div className="small">{error.detail}</div> : null}
        </div>
      ) : null}
      {expired ? (
        <div className="alert alert--warning" role="alert">
          {t('repImportExpired')}
        </div>
      ) : null}

      {preview ? (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('repImportPreview', { file: preview.fileName })}</h2>
          {preview.planTitle ? <p className="muted">{preview.planTitle}</p> : null}
          <div className="status-import__counts">
            <div className="stat">
              <span className="stat__value">{preview.counts.ready}</span>
              <span className="stat__label">{t('repOutcomeReady')}</span>
            </div>
            <div className={preview.counts.refused > 0 ? 'stat stat--alert' : 'stat'}>
              <span className="stat__value">{preview.counts.refused}</span>
              <span className="stat__label">{t('repOutcomeRefused')}</span>
            </div>
            <div className="stat">
              <span className="stat__value">{preview.unchanged}</span>
              <span className="stat__label">{t('repImportUnchanged')}</span>
            </div>
            <div className={preview.warnings.length > 0 ? 'stat stat--alert' : 'stat'}>
              <span className="stat__value">{preview.warnings.length}</span>
              <span className="stat__label">{t('repImportWarnings')}</span>
            </div>
          </div>
          {preview.warnings.length > 0 ? (
            <div className="alert alert--warning">
              <ul className="status-import__warnings">
                {preview.warnings.map((w, i) => (
                  <li key={i}>
                    {t('repImportWarningAt', { sheet: w.sheet, row: w.row ?? '—', column: w.column ?? '—' })}: {w.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.rows.length === 0 ? (
            <p>{t('repImportNothing')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('repImportRow')}</th>
                    <th scope="col">{t('repActivity')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col">{t('repReportColumn')}</th>
                    <th scope="col">{t('repImportOutcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={`${row.sheet}-${row.row}`} className={`status-import__row--${row.outcome}`}>
                      <td className="muted small">
                        {row.sheet}, {row.row}
                      </td>
                      <td>
                        <strong>{row.code}</strong> {row.title}
                      </td>
                      <td className="status-import__change">
                        {row.current ? `${STATUS_LABELS[row.current.status][lang]} ${row.current.percent ?? 0}%` : '—'}
                        <span className="status-import__arrow" aria-label={t('repImportBecomes')}>
                          →
                        </span>
                        <strong>
                          {STATUS_LABELS[row.status][lang]}
                          {row.percent !== null ? ` ${row.percent}%` : ''}
                        </strong>
                        {row.completedOn ? <div className="small muted">{t('repCompletedOn')}: {formatDate(row.completedOn, lang)}</div> : null}
                        {row.newEnd ? (
                          <div className="small muted">
                            {t('repNewEnd')}: {formatDate(row.newEnd, lang)}
                            {row.newEndAction === 'note' ? ` (${t('repNewEndAsNote')})` : ''}
                          </div>
                        ) : null}
                      </td>
                      <td className="small">{row.comment ?? ''}</td>
                      <td>
                        <span className={`badge ${OUTCOME_BADGES[row.outcome]}`}>{t(OUTCOME_LABELS[row.outcome])}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="status-import__actions">
            <Form method="post" className="status-import__apply">
              <input type="hidden" name="id" value={preview.id} />
              <div className="field">
                <label htmlFor="import-as-of">{t('repImportAsOf')}</label>
                <input id="import-as-of" type="date" name="asOf" required max={today} defaultValue={preview.asOf} aria-describedby="import-as-of-hint" />
                <p className="field__hint" id="import-as-of-hint">
                  {t('repImportAsOfHint')}
                </p>
              </div>
              <button type="submit" name="intent" value="apply" className="button button--primary" disabled={busy || preview.counts.ready === 0}>
                {t('repImportApply', { count: preview.counts.ready })}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="id" value={preview.id} />
              <button type="submit" name="intent" value="discard" className="button" disabled={busy}>
                {t('cancel')}
              </button>
            </Form>
          </div>
        </section>
      ) : (
        <section className="card">
          <p>{canUpdateAny ? t('repImportIntro') : t('repImportIntroHead')}</p>
          <Form method="post" encType="multipart/form-data" className="status-import__form">
            <div className="field">
              <label htmlFor="report-file">{t('repImportFile')}</label>
              <input id="report-file" type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
              <p className="field__hint">{t('repImportFileHint')}</p>
            </div>
            {plans.length > 1 ? (
              <div className="field">
                <label htmlFor="report-plan">{t('repImportPlan')}</label>
                <select id="report-plan" name="planId" defaultValue="">
                  <option value="">—</option>
                  {plans.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title}
                    </option>
                  ))}
                </select>
                <p className="field__hint">{t('repImportPlanHint')}</p>
              </div>
            ) : plans[0] ? (
              <input type="hidden" name="planId" value={plans[0].id} />
            ) : null}
            <div>
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? t('repImportReading') : t('repImportSubmit')}
              </button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
