import { useFetcher } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatDateTime } from '~/domain/dates';
import {
  ASSESSMENT_ITEM_KINDS,
  BAND_LIMITS,
  bandIndex,
  bandText,
  bandTexts,
  criterionKind,
  dimensionsOf,
  formatScore,
  sheetScore,
  type AssessmentItemKind,
  type ScoreDimension,
  type ScoringSystem,
} from '~/domain/assessment-scoring';
import { assessmentWords, type AssessmentWord } from '~/i18n/assessment';
import { useLang, useT } from '~/i18n';
import type { Sheet } from '~/domain/assessment-data';

/** What the sheet form holds while a person types: scores as typed, items in order. */
type Draft = { scores: Partial<Record<ScoreDimension, string>>; items: Record<AssessmentItemKind, string[]> };
/** The save action's answer (app/routes/assessments.$assessmentId.score.$code.tsx and the consensus page). */
export type SheetSaveResponse = { ok: true; version: number } | { ok: false; conflict: Sheet } | { ok: false; error: AssessmentWord };

function draftOf(sheet: Sheet): Draft {
  const scores = Object.fromEntries(Object.entries(sheet.scores).map(([d, v]) => [d, v === null || v === undefined ? '' : String(v)]));
  return { scores, items: { evidence: [...sheet.items.evidence], strength: [...sheet.items.strength], improvement: [...sheet.items.improvement] } };
}

/** Compared without empty items and blank scores, as the server keeps them. */
function sameDraft(a: Draft, b: Draft): boolean {
  const norm = (d: Draft) =>
    JSON.stringify([
      Object.entries(d.scores)
        .filter(([, v]) => v?.trim())
        .sort(),
      ASSESSMENT_ITEM_KINDS.map((kind) => d.items[kind].map((text) => text.trim()).filter(Boolean)),
    ]);
  return norm(a) === norm(b);
}

type Stored = { baseVersion: number; draft: Draft };

function readStored(key: string): Stored | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

function writeStored(key: string, value: Stored | null): void {
  try {
    if (value) window.localStorage.setItem(key, JSON.stringify(value));
    else window.localStorage.removeItem(key);
  } catch {
    // A full or blocked storage only loses the closed-tab safety net; the save still runs.
  }
}

const AUTOSAVE_MS = 1500;

/**
 * A sheet being typed: saved by the Save button, on leaving a field and 1.5 s after the last
 * keystroke, each save carrying the version the text was based on. A save refused because the
 * sheet was saved elsewhere meanwhile (a second tab) keeps the text and asks what to do. Every
 * change is also kept in localStorage until its save lands, so a closed tab loses nothing: the
 * next visit restores it.
 */
export function useSheetEditor({ storageKey, saved, action }: { storageKey: string; saved: Sheet; action: string }) {
  const fetcher = useFetcher<SheetSaveResponse>();
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<Sheet | null>(null);
  const [restored, setRestored] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(saved.updatedAt);
  const [error, setError] = useState<AssessmentWord | null>(null);
  const [baseVersion, setBaseVersion] = useState(saved.version);
  const latest = useRef({ draft, baseVersion: saved.version, dirty: false, conflict: false });
  const track = (next: typeof latest.current) => {
    latest.current = next;
    setBaseVersion(next.baseVersion);
  };
  const sending = useRef<Draft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const save = useCallback(() => {
    clearTimeout(timer.current);
    const now = latest.current;
    if (now.conflict || !now.dirty || sending.current) return;
    const form = new FormData();
    form.set('version', String(now.baseVersion));
    for (const [dimension, value] of Object.entries(now.draft.scores)) form.set(dimension, value ?? '');
    for (const kind of ASSESSMENT_ITEM_KINDS) for (const text of now.draft.items[kind]) if (text.trim()) form.append(kind, text);
    sending.current = now.draft;
    fetcher.submit(form, { method: 'post', action });
  }, [fetcher, action]);

  const update = useCallback(
    (next: Draft, baseVersion = latest.current.baseVersion) => {
      track({ ...latest.current, draft: next, baseVersion, dirty: true });
      setDraft(next);
      setDirty(true);
      writeStored(storageKey, { baseVersion, draft: next });
      clearTimeout(timer.current);
      timer.current = setTimeout(save, AUTOSAVE_MS);
    },
    [storageKey, save],
  );

  // A draft left by a closed tab: restore it; when the sheet was saved elsewhere since, as a conflict.
  useEffect(() => {
    const stored = readStored(storageKey);
    if (!stored || sameDraft(stored.draft, draftOf(saved))) return writeStored(storageKey, null);
    setRestored(true);
    if (stored.baseVersion !== saved.version) {
      track({ draft: stored.draft, baseVersion: stored.baseVersion, dirty: true, conflict: true });
      setDraft(stored.draft);
      setDirty(true);
      setConflict(saved);
    } else update(stored.draft, stored.baseVersion);
    // Once, on the page's first render: later loader data must not replace what is typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    const answer = fetcher.data;
    if (fetcher.state !== 'idle' || !answer || !sending.current) return;
    const sent = sending.current;
    sending.current = null;
    if (answer.ok) {
      const unchanged = sameDraft(sent, latest.current.draft);
      track({ ...latest.current, baseVersion: answer.version, dirty: !unchanged });
      setSavedAt(Date.now());
      setError(null);
      setRestored(false);
      if (unchanged) {
        setDirty(false);
        writeStored(storageKey, null);
      } else update(latest.current.draft, answer.version);
    } else if ('conflict' in answer) {
      track({ ...latest.current, conflict: true });
      setConflict(answer.conflict);
    } else setError(answer.error);
  }, [fetcher.state, fetcher.data, storageKey, update]);

  return {
    draft,
    baseVersion,
    dirty,
    conflict,
    restored,
    savedAt,
    error,
    saving: fetcher.state !== 'idle',
    save,
    setScore: (dimension: ScoreDimension, value: string) => update({ ...draft, scores: { ...draft.scores, [dimension]: value } }),
    setItem: (kind: AssessmentItemKind, index: number, text: string) => update({ ...draft, items: { ...draft.items, [kind]: draft.items[kind].map((t, i) => (i === index ? text : t)) } }),
    addItem: (kind: AssessmentItemKind, text = '') => update({ ...draft, items: { ...draft.items, [kind]: [...draft.items[kind], text] } }),
    removeItem: (kind: AssessmentItemKind, index: number) => update({ ...draft, items: { ...draft.items, [kind]: draft.items[kind].filter((_, i) => i !== index) } }),
    /** Conflict: save this text over what was saved elsewhere. */
    keepMine: () => {
      track({ ...latest.current, baseVersion: conflict!.version, conflict: false, dirty: true });
      setConflict(null);
      writeStored(storageKey, { baseVersion: conflict!.version, draft: latest.current.draft });
      save();
    },
    /** Conflict: drop this text and show what was saved elsewhere. */
    takeSaved: () => {
      const next = draftOf(conflict!);
      track({ draft: next, baseVersion: conflict!.version, dirty: false, conflict: false });
      setDraft(next);
      setDirty(false);
      setConflict(null);
      writeStored(storageKey, null);
    },
  };
}

export type SheetEditor = ReturnType<typeof useSheetEditor>;

/** The score inputs with the meaning of the band typed, and the mean under the fine-tuned system. */
function ScoreInputs({ editor, system, code }: { editor: SheetEditor; system: ScoringSystem; code: string }) {
  const t = useT(assessmentWords);
  const lang = useLang();
  const dimensions = dimensionsOf(system, code);
  const numbers = Object.fromEntries(dimensions.map((d) => [d, toScore(editor.draft.scores[d])]));
  const mean = sheetScore(system, code, numbers);
  return (
    <div className="as-scores">
      {dimensions.map((dimension) => {
        const value = numbers[dimension];
        const id = `score-${dimension}`;
        return (
          <div key={dimension} className="as-score">
            <label htmlFor={id}>{t(`asDim_${dimension}`)}</label>
            <input
              id={id}
              name={dimension}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              value={editor.draft.scores[dimension] ?? ''}
              onChange={(event) => editor.setScore(dimension, event.target.value)}
              aria-describedby={`${id}-band`}
            />
            <p id={`${id}-band`} className="as-score__band" aria-live="polite">
              {value === null ? t('asBandNone') : `${BAND_LIMITS[bandIndex(value)]!.join('–')}: ${bandText(dimension, code, value, lang)}`}
            </p>
          </div>
        );
      })}
      {system === 'fine_tuned' ? <p className="as-score__mean">{t('asScoreMean', { score: formatScore(mean, lang) })}</p> : null}
      <BandTable dimensions={dimensions} code={code} />
    </div>
  );
}

/** A typed score as a number, or null when blank or not a whole number from 0 to 100. */
function toScore(value: string | undefined): number | null {
  if (!value?.trim()) return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 100 ? n : null;
}

export function BandTable({ dimensions, code }: { dimensions: readonly ScoreDimension[]; code: string }) {
  const t = useT(assessmentWords);
  const lang = useLang();
  const kind = criterionKind(code);
  return (
    <details className="as-bands">
      <summary>{t('asBands')}</summary>
      {dimensions.map((dimension) => (
        <table key={dimension} className="table as-bands__table">
          <caption>{t(`asDim_${dimension}`)}</caption>
          <tbody>
            {bandTexts(dimension, kind).map((text, i) => (
              <tr key={i}>
                <th scope="row" className="num">
                  {BAND_LIMITS[i]!.join('–')}
                </th>
                <td>{text[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </details>
  );
}

/** The lists of evidence, strengths and areas for improvement, each point its own field. */
function ItemLists({ editor, kinds }: { editor: SheetEditor; kinds: readonly AssessmentItemKind[] }) {
  const t = useT(assessmentWords);
  return (
    <>
      {kinds.map((kind) => (
        <fieldset key={kind} className="as-items">
          <legend>{t(`asKind_${kind}`)}</legend>
          <ol>
            {editor.draft.items[kind].map((text, index) => (
              <li key={index} className="as-item">
                <textarea
                  name={kind}
                  rows={2}
                  maxLength={2000}
                  value={text}
                  aria-label={t('asItemLabel', { kind: t(`asKind_${kind}`), n: index + 1 })}
                  onChange={(event) => editor.setItem(kind, index, event.target.value)}
                />
                <button type="button" className="button button--ghost button--small" onClick={() => editor.removeItem(kind, index)}>
                  {t('asRemoveItem')}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="button button--small" onClick={() => editor.addItem(kind)}>
            + {t('asAddItem')}: {t(`asKind_${kind}`)}
          </button>
        </fieldset>
      ))}
    </>
  );
}

/** The whole sheet form: scores, items, Save, and what happened to the last save. */
export function SheetEditorForm({ editor, system, code, action }: { editor: SheetEditor; system: ScoringSystem; code: string; action: string }) {
  const t = useT(assessmentWords);
  const lang = useLang();
  return (
    <form
      method="post"
      action={action}
      className="as-sheet card"
      onSubmit={(event) => {
        event.preventDefault();
        editor.save();
      }}
      onBlur={() => editor.save()}
    >
      <input type="hidden" name="version" value={editor.baseVersion} />
      <ScoreInputs editor={editor} system={system} code={code} />
      <ItemLists editor={editor} kinds={ASSESSMENT_ITEM_KINDS} />
      {editor.conflict ? (
        <div className="alert alert--warning" role="alert">
          <p>{t('asConflict')}</p>
          <div className="as-actions">
            <button type="button" className="button button--primary" onClick={editor.keepMine}>
              {t('asKeepMine')}
            </button>
            <button type="button" className="button" onClick={editor.takeSaved}>
              {t('asTakeSaved')}
            </button>
          </div>
        </div>
      ) : null}
      {editor.restored && !editor.conflict ? <p className="alert alert--info">{t('asRestored')}</p> : null}
      {editor.error ? (
        <p className="alert alert--error" role="alert">
          {t('asSaveFailed', { reason: t(editor.error) })}
        </p>
      ) : null}
      <div className="as-actions">
        <button type="submit" className="button button--primary" disabled={Boolean(editor.conflict)}>
          {t('asSave')}
        </button>
        <span className="muted small" role="status" data-save-state={editor.saving ? 'saving' : editor.dirty ? 'dirty' : 'saved'}>
          {editor.saving ? t('asSaving') : editor.dirty ? t('asUnsaved') : editor.savedAt ? t('asSavedAt', { time: formatDateTime(editor.savedAt, lang) }) : ''}
        </span>
      </div>
    </form>
  );
}

/** A saved sheet, read only: scores with their band's meaning, and the items. */
export function SheetView({ sheet, system, code }: { sheet: Sheet; system: ScoringSystem; code: string }) {
  const t = useT(assessmentWords);
  const lang = useLang();
  const mean = sheetScore(system, code, sheet.scores);
  return (
    <div className="as-sheet card">
      <dl className="as-view-scores">
        {dimensionsOf(system, code).map((dimension) => {
          const value = sheet.scores[dimension];
          return (
            <div key={dimension}>
              <dt>{t(`asDim_${dimension}`)}</dt>
              <dd>
                {value === null || value === undefined ? '—' : <strong>{value}</strong>}
                {value === null || value === undefined ? null : <span className="muted small"> {bandText(dimension, code, value, lang)}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
      {system === 'fine_tuned' ? <p className="as-score__mean">{t('asScoreMean', { score: formatScore(mean, lang) })}</p> : null}
      {ASSESSMENT_ITEM_KINDS.map((kind) => (
        <section key={kind} className="as-items">
          <h3>{t(`asKind_${kind}`)}</h3>
          {sheet.items[kind].length === 0 ? (
            <p className="muted">—</p>
          ) : (
            <ol>
              {sheet.items[kind].map((text, index) => (
                <li key={index}>{text}</li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}
