import { Form, Link, useNavigation } from '@remix-run/react';
import { useId } from 'react';
import type { StructureActivity, StructureArea, StructureLevel, StructureMeasure } from '~/domain/plan-structure-form';
import { formatDate } from '~/domain/dates';
import { useLang, useT, type MessageKey, type WordKey } from '~/i18n';
import { planStructureWords as words } from '~/i18n/plan-structure';
import { Field } from '../field';

type Word = WordKey<typeof words>;

/** What the editor's action answered: which form it was about, and its errors or refusal. */
export type StructureReply = {
  ok: boolean;
  formKey: string;
  /** When it was saved: a saved add form is cleared by being drawn anew. */
  savedAt?: number;
  message?: Word;
  errors?: Partial<Record<string, Word | MessageKey>>;
  refusal?: 'stale' | 'duplicateCode' | 'parentArchived';
  code?: string;
  values?: Record<string, string>;
};

const REFUSALS: Record<NonNullable<StructureReply['refusal']>, Word> = {
  stale: 'stStale',
  duplicateCode: 'stDuplicateCode',
  parentArchived: 'stParentArchived',
};

const LEVEL_LABEL: Record<StructureLevel, Word> = { area: 'stArea', measure: 'stMeasure', activity: 'stActivity' };

type ItemProps = { first: boolean; last: boolean; result: StructureReply | undefined };

/** The reply of this form, when the last answer was about it. */
function replyOf(result: StructureReply | undefined, formKey: string): StructureReply | undefined {
  return result?.formKey === formKey ? result : undefined;
}

/** The refusal or form message of a reply, or that it was saved. */
function ReplyNote({ reply }: { reply: StructureReply | undefined }) {
  const t = useT(words);
  if (!reply) return null;
  if (reply.ok) return <p role="status" className="structure__saved small">{t('stSaved')}</p>;
  // A button (move, archive, restore) keeps no text: its stale answer says only that the page is up to date.
  const word = reply.refusal === 'stale' && reply.formKey.startsWith('row-') ? 'stStaleRow' : reply.refusal ? REFUSALS[reply.refusal] : reply.message;
  return word ? (
    <p role="alert" className="field__error">
      {t(word, { code: reply.code ?? '' })}
    </p>
  ) : null;
}

export function AreaBlock({ area, first, last, result }: ItemProps & { area: StructureArea }) {
  const t = useT(words);
  return (
    <li className={`structure__item structure__item--area${area.archived ? ' structure__item--archived' : ''}`}>
      <ItemRow level="area" item={area} first={first} last={last} result={result} />
      {area.archived ? null : (
        <>
          {area.measures.length === 0 ? <p className="muted small">{t('stNoMeasures')}</p> : null}
          <ol className="structure__list">
            {area.measures.map((measure, index) => (
              <MeasureBlock key={measure.id} measure={measure} first={index === 0} last={index === area.measures.length - 1} result={result} />
            ))}
          </ol>
          <AddForm level="measure" parentId={area.id} result={result} />
        </>
      )}
    </li>
  );
}

function MeasureBlock({ measure, first, last, result }: ItemProps & { measure: StructureMeasure }) {
  const t = useT(words);
  return (
    <li className={`structure__item structure__item--measure${measure.archived ? ' structure__item--archived' : ''}`}>
      <ItemRow level="measure" item={measure} first={first} last={last} result={result} />
      {measure.archived ? null : (
        <>
          {measure.activities.length === 0 ? <p className="muted small">{t('stNoActivities')}</p> : null}
          <ol className="structure__list">
            {measure.activities.map((activity, index) => (
              <li key={activity.id} className={`structure__item structure__item--activity${activity.archived ? ' structure__item--archived' : ''}`}>
                <ItemRow level="activity" item={activity} first={index === 0} last={index === measure.activities.length - 1} result={result} />
              </li>
            ))}
          </ol>
          <AddForm level="activity" parentId={measure.id} result={result} />
        </>
      )}
    </li>
  );
}

type AnyItem = StructureArea | StructureMeasure | StructureActivity;

/** An item's line: its code and title, what it holds, its buttons (up, down, archive or restore) and its edit form. */
function ItemRow({ level, item, first, last, result }: ItemProps & { level: StructureLevel; item: AnyItem }) {
  const t = useT(words);
  const busy = useNavigation().state !== 'idle';
  const rowKey = `row-${level}-${item.id}`;
  const editKey = `edit-${level}-${item.id}`;
  const name = `${item.code} ${item.title}`;
  const button = (intent: 'move' | 'archive' | 'restore', label: Word, text: Word, direction?: 'up' | 'down', disabled = false) => (
    <Form method="post" className="structure__button">
      <input type="hidden" name="formKey" value={rowKey} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="level" value={level} />
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button type="submit" className="button button--small" aria-label={t(label, { name })} disabled={busy || disabled}>
        {t(text)}
      </button>
    </Form>
  );
  return (
    <div className="structure__row">
      <div className="structure__head">
        <p className="structure__name">
          <span className="structure__code">{t(LEVEL_LABEL[level], { code: item.code })}</span> {item.title}
          {item.archived ? <span className="badge structure__archived">{t('stArchived')}</span> : null}
        </p>
        <ItemFacts level={level} item={item} />
        <div className="structure__buttons">
          {item.archived ? (
            button('restore', 'stRestoreLabel', 'stRestore')
          ) : (
            <>
              {button('move', 'stMoveUpLabel', 'stMoveUp', 'up', first)}
              {button('move', 'stMoveDownLabel', 'stMoveDown', 'down', last)}
              {button('archive', 'stArchiveLabel', 'stArchive')}
            </>
          )}
        </div>
      </div>
      <ReplyNote reply={replyOf(result, rowKey)} />
      {item.archived ? null : (
        <details className="structure__edit" open={Boolean(replyOf(result, editKey) && !result?.ok)}>
          <summary>{t('stChange')}</summary>
          <ItemForm formKey={editKey} intent="edit" level={level} item={item} result={replyOf(result, editKey)} />
        </details>
      )}
    </div>
  );
}

/** What a measure or an activity carries besides its title. */
function ItemFacts({ level, item }: { level: StructureLevel; item: AnyItem }) {
  const t = useT(words);
  const lang = useLang();
  if (level === 'measure') {
    const measure = item as StructureMeasure;
    const kind = measure.kind === 'strategic' ? t('stKindStrategic') : measure.kind === 'quick_win' ? t('stKindQuickWin') : null;
    const facts = [kind, measure.cafRefs.length ? `CAF ${measure.cafRefs.join(', ')}` : null].filter(Boolean);
    return facts.length ? <p className="muted small">{facts.join(' · ')}</p> : null;
  }
  if (level === 'activity') {
    const activity = item as StructureActivity;
    const dates = activity.ongoing ? activity.ongoingText : [activity.start, activity.baselineEnd].map((day) => (day ? formatDate(day, lang) : null)).filter(Boolean).join(' – ');
    const facts = [dates, activity.owners.join(', ')].filter(Boolean);
    return facts.length ? <p className="muted small">{facts.join(' · ')}</p> : null;
  }
  return null;
}

/** A new area (of the plan), measure (of an area) or activity (of a measure), folded until opened. */
export function AddForm({ level, parentId, result }: { level: StructureLevel; parentId: number | null; result: StructureReply | undefined }) {
  const t = useT(words);
  const formKey = `add-${level}-${parentId ?? 'plan'}`;
  const reply = replyOf(result, formKey);
  const label: Word = level === 'area' ? 'stAddArea' : level === 'measure' ? 'stAddMeasure' : 'stAddActivity';
  return (
    <details key={reply?.ok ? `${formKey}-${reply.savedAt}` : formKey} className={`structure__add structure__add--${level}`} open={Boolean(reply)}>
      <summary>{t(label)}</summary>
      <ItemForm formKey={formKey} intent="add" level={level} parentId={parentId} result={reply} />
    </details>
  );
}

type FormProps = {
  formKey: string;
  intent: 'add' | 'edit';
  level: StructureLevel;
  item?: AnyItem;
  parentId?: number | null;
  result: StructureReply | undefined;
};

/** The fields of one level, filled with the item's values (or what was typed, after a refusal). */
function ItemForm({ formKey, intent, level, item, parentId, result }: FormProps) {
  const t = useT(words);
  const id = useId();
  const busy = useNavigation().state !== 'idle';
  const typed = result && !result.ok ? result.values : undefined;
  const error = (field: string) => (result?.errors?.[field] ? t(result.errors[field]!) : null);
  const value = (field: string, saved: string | null | undefined) => typed?.[field] ?? saved ?? '';
  const measure = level === 'measure' ? (item as StructureMeasure | undefined) : undefined;
  const activity = level === 'activity' ? (item as StructureActivity | undefined) : undefined;
  const kind = value('kind', measure?.kind);
  return (
    <Form method="post" className="structure__form">
      <input type="hidden" name="formKey" value={formKey} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="level" value={level} />
      {item ? <input type="hidden" name="id" value={item.id} /> : <input type="hidden" name="parentId" value={parentId ?? ''} />}
      {item ? <input type="hidden" name="version" value={item.version} /> : null}
      <ReplyNote reply={result} />
      <div className="structure__fields">
        <Field label={t('stCode')} name="code" required defaultValue={value('code', item?.code)} error={error('code')} className="structure__code-input" />
        <Field label={t('stTitleField')} name="title" required defaultValue={value('title', item?.title)} error={error('title')} />
        {level === 'measure' ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-kind`}>{t('stKind')}</label>
              <select id={`${id}-kind`} name="kind" defaultValue={kind}>
                <option value="">{t('stKindNone')}</option>
                <option value="strategic">{t('stKindStrategic')}</option>
                <option value="quick_win">{t('stKindQuickWin')}</option>
              </select>
            </div>
            <Field label={t('stCafRefs')} name="cafRefs" hint={t('stCafHint')} defaultValue={value('cafRefs', measure?.cafRefs.join(', '))} error={error('cafRefs')} />
          </>
        ) : null}
        {level === 'activity' ? (
          <>
            <Field label={t('stStart')} name="start" type="date" defaultValue={value('start', activity?.start)} error={error('start')} />
            <Field label={t('stEnd')} name="end" type="date" defaultValue={value('end', activity?.baselineEnd)} error={error('end')} />
            <Field label={t('stOwners')} name="owners" hint={t('stOwnersHint')} defaultValue={value('owners', activity?.owners.join(', '))} error={error('owners')} />
            <Field label={t('stIndicator')} name="indicator" defaultValue={value('indicator', activity?.indicator)} error={error('indicator')} />
            <Field label={t('stTarget')} name="target" defaultValue={value('target', activity?.target)} error={error('target')} />
          </>
        ) : null}
      </div>
      <div>
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {intent === 'add' ? t(level === 'area' ? 'stAddArea' : level === 'measure' ? 'stAddMeasure' : 'stAddActivity') : t('stSave')}
        </button>
      </div>
    </Form>
  );
}

/** The plan page's links: the structure editor (to those who may edit the plan) and the export in the importer's layout. */
export function PlanStructureLinks({ planId, canEdit }: { planId: number; canEdit: boolean }) {
  const t = useT(words);
  return (
    <>
      {canEdit ? (
        <Link to={`/plans/${planId}/structure`} className="button button--small">
          {t('stTitle')}
        </Link>
      ) : null}
      <a href={`/plans/${planId}/plan.xlsx`} className="button button--small" download>
        {t('stExportLink')}
      </a>
    </>
  );
}
