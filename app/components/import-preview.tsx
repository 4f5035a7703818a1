import { Form, useFetcher, useNavigation } from '@remix-run/react';
import type { FieldChange } from '~/domain/plan-diff';
import { formatDate, formatDateTime } from '~/domain/dates';
import { plural } from '~/i18n/counts';
import { useLang, useT, type MessageKey, type WordKey } from '~/i18n';
import { importerWords } from '~/i18n/importer';
import type { ImportWarning, ParsedArea } from '../../importers/types';
import type { SheetPreview, Understanding } from '../../importers';
import { ImportUnderstanding } from './import-understanding';
import { MappingStep } from './mapping-step';

type DiffRow = { code: string; title: string; measureCode: string };

export type PreviewData = {
  token: string;
  /** Why this reading cannot be confirmed (nothing recognised), or null. */
  problem: string | null;
  /** Read by the mapping kept for the organization's files with the same headers (offered, and may be dropped). */
  kept: boolean;
  fileName: string;
  planId: number | null;
  title: string;
  period: string | null;
  /** Plans already imported from the same file, or with the same title and period: warned of before the confirm. */
  similar: { id: number; title: string; period: string | null; importedAt: number | null; sameFile: boolean }[];
  counts: { areas: number; measures: number; activities: number };
  warnings: ImportWarning[];
  areas: ParsedArea[];
  understanding: Understanding;
  sampleRows: SheetPreview[];
  diff: null | { added: DiffRow[]; removed: DiffRow[]; changed: { code: string; title: string; changes: FieldChange[] }[]; unchanged: number };
};

const FIELD_LABELS: Record<FieldChange['field'], WordKey<typeof importerWords> | MessageKey> = {
  code: 'fieldCode',
  title: 'fieldTitle',
  measureCode: 'fieldMeasure',
  start: 'fieldStart',
  end: 'fieldEnd',
  ongoing: 'fieldOngoing',
  ongoingText: 'fieldOngoingText',
  indicator: 'fieldIndicator',
  target: 'fieldTarget',
  resources: 'fieldResources',
  owners: 'fieldOwners',
  note: 'fieldNote',
};

function Diff({ diff }: { diff: NonNullable<PreviewData['diff']> }) {
  const t = useT(importerWords);
  const lang = useLang();
  const show = (change: FieldChange, value: string) =>
    (change.field === 'start' || change.field === 'end') && value ? formatDate(value, lang) : value || '—';
  const nothing = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <section className="card section" aria-labelledby="diff-title">
      <h2 id="diff-title">{t('diffTitle')}</h2>
      <p className="muted">{t('diffKeepsHistory')}</p>
      {nothing ? <p className="alert alert--info">{t('diffNone')}</p> : null}
      {diff.changed.length ? (
        <>
          <h3>
            {t('diffChanged')} ({diff.changed.length})
          </h3>
          <table className="table diff-table">
            <thead>
              <tr>
                <th scope="col">{t('fieldCode')}</th>
                <th scope="col">{t('fieldTitle')}</th>
                <th scope="col">{t('diffTitle')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changed.map((row, i) => (
                <tr key={`${row.code}-${i}`}>
                  <td>{row.code}</td>
                  <td>{row.title}</td>
                  <td>
                    <ul className="change-list">
                      {row.changes.map((change) => (
                        <li key={change.field}>
                          <strong>{t(FIELD_LABELS[change.field])}:</strong> <del>{show(change, change.before)}</del> →{' '}
                          <ins>{show(change, change.after)}</ins>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {[
        ['diffAdded', diff.added, 'diff-added'],
        ['diffRemoved', diff.removed, 'diff-removed'],
      ].map(([label, rows, className]) =>
        (rows as DiffRow[]).length ? (
          <div key={label as string}>
            <h3>
              {t(label as WordKey<typeof importerWords> | MessageKey)} ({(rows as DiffRow[]).length})
            </h3>
            <ul className={`diff-list ${className}`}>
              {(rows as DiffRow[]).map((row, i) => (
                <li key={`${row.code}-${i}`}>
                  <span className="code">{row.code}</span> {row.title}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      <p className="muted">{t('diffUnchanged', { count: diff.unchanged })}</p>
    </section>
  );
}

function Warnings({ warnings }: { warnings: ImportWarning[] }) {
  const t = useT(importerWords);
  return (
    <section className="card section" aria-labelledby="warnings-title">
      <h2 id="warnings-title">
        {t('importWarnings')} ({warnings.length})
      </h2>
      {warnings.length === 0 ? (
        <p className="alert alert--success">{t('importNoWarnings')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('importSheet')}</th>
                <th scope="col" className="num">
                  {t('importRow')}
                </th>
                <th scope="col">{t('importColumn')}</th>
                <th scope="col">{t('importMessage')}</th>
              </tr>
            </thead>
            <tbody>
              {warnings.map((warning, i) => (
                <tr key={i}>
                  <td>{warning.sheet}</td>
                  <td className="num">{warning.row ?? '—'}</td>
                  <td>{warning.column ?? '—'}</td>
                  <td>{warning.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Tree({ areas }: { areas: ParsedArea[] }) {
  const t = useT(importerWords);
  const lang = useLang();
  return (
    <section className="card section" aria-labelledby="tree-title">
      <h2 id="tree-title">{t('importTree')}</h2>
      {areas.map((area) => (
        <details key={area.code} className="tree-area" open={areas.length <= 5}>
          <summary>
            <span className="code">{area.code}</span> {area.title}{' '}
            <span className="muted small">({plural(area.measures.length, lang, 'measure')})</span>
          </summary>
          {area.measures.map((measure) => (
            <details key={measure.code} className="tree-measure">
              <summary>
                <span className="code">{measure.code}</span> {measure.title}{' '}
                {measure.kind ? <span className="badge badge--planned">{t(measure.kind === 'strategic' ? 'strategic' : 'quickWin')}</span> : null}{' '}
                {measure.cafRefs.length ? <span className="muted small">CAF {measure.cafRefs.join(', ')}</span> : null}{' '}
                <span className="muted small">({plural(measure.activities.length, lang, 'activity')})</span>
              </summary>
              <table className="table tree-activities">
                <tbody>
                  {measure.activities.map((activity, i) => (
                    <tr key={`${activity.code}-${i}`}>
                      <td className="code">{activity.code}</td>
                      <td>{activity.title}</td>
                      <td className="nowrap">
                        {activity.ongoing ? t('trOngoing') : `${formatDate(activity.start, lang)} – ${formatDate(activity.end, lang)}`}
                      </td>
                      <td>{activity.owners.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ))}
        </details>
      ))}
    </section>
  );
}

/** What the importer read, every warning, and the confirm / cancel buttons. */
export function ImportPreview({ preview: posted }: { preview: PreviewData }) {
  const t = useT(importerWords);
  const lang = useLang();
  const navigation = useNavigation();
  const fetcher = useFetcher<PreviewData | { error: WordKey<typeof importerWords> | MessageKey; detail?: string }>();
  // The mapping step's live re-reading, once there is one; the posted preview until then.
  const preview = fetcher.data && 'token' in fetcher.data ? fetcher.data : posted;
  const fetchError = fetcher.data && 'error' in fetcher.data ? fetcher.data : null;
  const busy = navigation.state !== 'idle' || fetcher.state !== 'idle';
  return (
    <>
      <section className="card import-summary">
        <div>
          <p className="eyebrow">{t('importPreviewTitle', { file: preview.fileName })}</p>
          <h2>{preview.title}</h2>
          {preview.period ? <p className="muted">{preview.period}</p> : null}
          <p>
            {t('importFound')}: {plural(preview.counts.areas, lang, 'area')} ·{' '}
            {plural(preview.counts.measures, lang, 'measure')} · {plural(preview.counts.activities, lang, 'activity')} ·{' '}
            <span className={preview.warnings.length ? 'text-warning' : undefined}>
              {t('importWarnings').toLowerCase()}: {preview.warnings.length}
            </span>
          </p>
        </div>
        <div className="import-actions">
          <Form method="post">
            <input type="hidden" name="token" value={preview.token} />
            <input type="hidden" name="title" value={preview.title} />
            {preview.planId ? <input type="hidden" name="planId" value={preview.planId} /> : null}
            <button type="submit" name="intent" value="confirm" className="button button--primary" disabled={busy || preview.problem !== null}>
              {preview.planId ? t('importConfirmReimport') : t('importConfirm')}
            </button>
            <button type="submit" name="intent" value="cancel" className="button button--ghost" disabled={busy}>
              {t('importCancel')}
            </button>
          </Form>
        </div>
      </section>
      {preview.similar.length ? (
        <div className="alert alert--warning similar-plans" role="alert">
          <strong>{t('importSimilarTitle')}</strong>
          <ul>
            {preview.similar.map((plan) => (
              <li key={plan.id}>
                {t(plan.sameFile ? 'importSimilarSameFile' : 'importSimilarSameTitle', {
                  plan: plan.period ? `${plan.title} (${plan.period})` : plan.title,
                  date: plan.importedAt ? formatDateTime(plan.importedAt, lang) : '—',
                })}{' '}
                <a href={`/plans/${plan.id}`}>{t('importSimilarOpen')}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.problem ? (
        <div className="alert alert--error" role="alert">
          <strong>{t('importNothing')}</strong>
          <p className="import-error-detail">{preview.problem}</p>
        </div>
      ) : null}
      {fetchError ? (
        <div className="alert alert--error" role="alert">
          <strong>{t(fetchError.error)}</strong>
          {fetchError.detail ? <p className="import-error-detail">{fetchError.detail}</p> : null}
        </div>
      ) : null}
      {preview.kept ? (
        <fetcher.Form method="post" className="alert alert--info kept-mapping">
          <span>{t('mapKept')}</span>
          <input type="hidden" name="token" value={preview.token} />
          <input type="hidden" name="title" value={preview.title} />
          {preview.planId ? <input type="hidden" name="planId" value={preview.planId} /> : null}
          <button type="submit" name="intent" value="unmap" className="button button--small" disabled={busy}>
            {t('mapForget')}
          </button>
        </fetcher.Form>
      ) : null}
      {/* Open from the posted preview only: the live re-reading must not close it while the person chooses. */}
      <MappingStep
        preview={preview}
        open={posted.understanding.needsMapping || posted.problem !== null || (posted.understanding.mapped && !posted.kept)}
        fetcher={fetcher}
      />
      {preview.diff ? <Diff diff={preview.diff} /> : null}
      <ImportUnderstanding understanding={preview.understanding} />
      <Warnings warnings={preview.warnings} />
      <Tree areas={preview.areas} />
    </>
  );
}
