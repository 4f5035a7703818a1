import { Form } from '@remix-run/react';
import { useState } from 'react';
import { DRAFT_GROUPINGS, MAX_DRAFT_GROUP, MAX_PERIOD_LENGTH, type DraftGrouping } from '~/domain/plan-draft';
import { MAX_TITLE_LENGTH } from '~/domain/form-input';
import { useT } from '~/i18n';
import { draftPlanWords, type DraftPlanWord } from '~/i18n/plan-draft';

export const DRAFT_FORM_ID = 'draft-plan';

/** The chair's choice of areas for the draft plan, kept while the list is filtered and sorted (the page's state). */
export function useDraftSelection() {
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [grouping, setGrouping] = useState<DraftGrouping>('item');
  const [groups, setGroups] = useState<Readonly<Record<number, string>>>({});
  return {
    chosen,
    grouping,
    setGrouping,
    groups,
    toggle: (itemId: number, on: boolean) => setChosen((before) => (on ? new Set([...before, itemId]) : new Set([...before].filter((id) => id !== itemId)))),
    chooseAll: (itemIds: readonly number[]) => setChosen((before) => new Set([...before, ...itemIds])),
    clear: () => setChosen(new Set()),
    setGroup: (itemId: number, value: string) => setGroups((before) => ({ ...before, [itemId]: value })),
  };
}
export type DraftSelection = ReturnType<typeof useDraftSelection>;

/** On an area's card: "Choose for the plan", and its group number when the chair groups by hand. Both belong to the draft form. */
export function DraftChoice({ itemId, selection }: { itemId: number; selection: DraftSelection }) {
  const t = useT(draftPlanWords);
  const checked = selection.chosen.has(itemId);
  return (
    <div className="cy-choose">
      <label>
        <input type="checkbox" form={DRAFT_FORM_ID} name="itemIds" value={itemId} checked={checked} onChange={(event) => selection.toggle(itemId, event.target.checked)} />{' '}
        {t('pdSelect')}
      </label>
      {checked && selection.grouping === 'custom' ? (
        <label>
          {t('pdGroup')}{' '}
          <input
            type="number"
            form={DRAFT_FORM_ID}
            name={`group-${itemId}`}
            min={1}
            max={MAX_DRAFT_GROUP}
            inputMode="numeric"
            className="cy-group"
            value={selection.groups[itemId] ?? ''}
            onChange={(event) => selection.setGroup(itemId, event.target.value)}
            aria-describedby="pd-group-hint"
          />
        </label>
      ) : null}
    </div>
  );
}

/**
 * "Draft a plan from the chosen areas": choose all shown or none, the plan's title and period, how
 * to group the areas into measures. The areas chosen but not shown now (another filter) go as
 * hidden fields; those shown are their cards' checkboxes.
 */
export function DraftPlanForm({ shown, selection, error }: { shown: readonly number[]; selection: DraftSelection; error?: DraftPlanWord }) {
  const t = useT(draftPlanWords);
  const shownSet = new Set(shown);
  const hidden = [...selection.chosen].filter((id) => !shownSet.has(id));
  return (
    <section className="card section cy-draft" aria-labelledby="pd-heading">
      <h2 id="pd-heading">{t('pdHeading')}</h2>
      <p className="muted small">{t('pdHelp')}</p>
      <div className="cy-draft__choose">
        <button type="button" className="button button--small" onClick={() => selection.chooseAll(shown)} disabled={shown.length === 0}>
          {t('pdSelectShown', { count: shown.length })}
        </button>
        <button type="button" className="button button--small" onClick={selection.clear} disabled={selection.chosen.size === 0}>
          {t('pdSelectNone')}
        </button>
        <strong role="status">{t('pdChosen', { count: selection.chosen.size })}</strong>
      </div>
      <Form method="post" id={DRAFT_FORM_ID} className="cy-draft__form">
        <input type="hidden" name="intent" value="draft-plan" />
        {hidden.map((id) => (
          <span key={id} hidden>
            <input type="hidden" name="itemIds" value={id} />
            {selection.grouping === 'custom' && selection.groups[id] ? <input type="hidden" name={`group-${id}`} value={selection.groups[id]} /> : null}
          </span>
        ))}
        <label>
          {t('pdTitle')}
          <input type="text" name="title" required maxLength={MAX_TITLE_LENGTH} />
        </label>
        <label>
          {t('pdPeriod')}
          <input type="text" name="period" maxLength={MAX_PERIOD_LENGTH} placeholder={t('pdPeriodHint')} />
        </label>
        <fieldset>
          <legend>{t('pdGrouping')}</legend>
          {DRAFT_GROUPINGS.map((value) => (
            <label key={value}>
              <input type="radio" name="grouping" value={value} checked={selection.grouping === value} onChange={() => selection.setGrouping(value)} /> {t(`pdGrouping_${value}`)}
            </label>
          ))}
          {selection.grouping === 'custom' ? (
            <p id="pd-group-hint" className="muted small">
              {t('pdGroup')}: {t('pdGroupHint')}
            </p>
          ) : null}
        </fieldset>
        {error ? (
          <p className="alert alert--error" role="alert">
            {t(error)}
          </p>
        ) : null}
        <button type="submit" className="button button--primary">
          {t('pdCreate')}
        </button>
      </Form>
    </section>
  );
}
