import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { ActivityDetail, LatestChange } from '~/domain/activity-detail';
import { formatDate, formatDateTime } from '~/domain/dates';
import { useLang, useT } from '~/i18n';
import { Field } from '../field';
import { activityPageWords, type ActivityPageWordKey } from './page-words';
import { useAuditActionLabel } from './activity-audit';

/** What the action answered to a refused edit or reschedule: field errors and the text typed, or the newer change. */
export type PlanFormResult = {
  errors?: Partial<Record<string, ActivityPageWordKey>>;
  values?: Record<string, string>;
  stale?: { version: number };
  staleChange?: LatestChange | null;
};

type FormProps = {
  activity: ActivityDetail;
  /** The version the form posts (the newer one after a stale submit). */
  version: number;
  result?: PlanFormResult;
  busy: boolean;
};

/** Moves the end date with a reason (the baseline stays). */
export function RescheduleForm({ activity, version, result, busy }: FormProps) {
  const t = useT(activityPageWords);
  const lang = useLang();
  return (
    <PlanForm title={t('trReschedule')} intent="reschedule" version={version} result={result} submit={t('trRescheduleSubmit')} busy={busy}>
      <p className="muted small">
        {t('trRescheduleHelp', { baseline: formatDate(activity.baselineEnd, lang), current: formatDate(activity.state.end, lang) })}
      </p>
      <Field
        label={t('trNewEnd')}
        name="newEnd"
        type="date"
        required
        defaultValue={result?.values?.newEnd ?? ''}
        error={result?.errors?.newEnd && t(result.errors.newEnd)}
      />
      <div className={result?.errors?.reason ? 'field field--invalid' : 'field'}>
        <label htmlFor="reschedule-reason">{t('trReason')}</label>
        <textarea id="reschedule-reason" name="reason" rows={2} required defaultValue={result?.values?.reason ?? ''} />
        {result?.errors?.reason ? <p className="field__error">{t(result.errors.reason)}</p> : null}
      </div>
    </PlanForm>
  );
}

/** Edits the activity's fields and owners. */
export function EditActivityForm({ activity, ownerChoices, version, result, busy }: FormProps & { ownerChoices: { id: number; name: string }[] }) {
  const t = useT(activityPageWords);
  return (
    <PlanForm title={t('trEditActivity')} intent="edit" version={version} result={result} submit={t('save')} busy={busy}>
      <div className={result?.errors?.title ? 'field field--invalid' : 'field'}>
        <label htmlFor="edit-title">{t('trTitle')}</label>
        <textarea id="edit-title" name="title" rows={3} required defaultValue={result?.values?.title ?? activity.title} />
        {result?.errors?.title ? <p className="field__error">{t(result.errors.title)}</p> : null}
      </div>
      <div className="form-row">
        <Field
          label={t('trStart')}
          name="start"
          type="date"
          defaultValue={result?.values?.start ?? activity.start ?? ''}
          error={result?.errors?.start && t(result.errors.start)}
        />
        <Field
          label={t('trBaselineEnd')}
          name="baselineEnd"
          type="date"
          defaultValue={result?.values?.baselineEnd ?? activity.baselineEnd ?? ''}
          error={result?.errors?.baselineEnd && t(result.errors.baselineEnd)}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" name="ongoing" defaultChecked={activity.ongoing} />
        {t('trOngoingLabel')}
      </label>
      <div className="field">
        <label htmlFor="edit-target">{t('trTarget')}</label>
        <textarea id="edit-target" name="target" rows={2} defaultValue={result?.values?.target ?? activity.target ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="edit-note">{t('trNote')}</label>
        <textarea id="edit-note" name="note" rows={2} defaultValue={result?.values?.note ?? activity.note ?? ''} />
      </div>
      <fieldset className="owner-choices">
        <legend>{t('owners')}</legend>
        <div className="owner-choices__list owner-choices__list--narrow">
          {ownerChoices.map((owner) => (
            <label key={owner.id} className="checkbox">
              <input type="checkbox" name="ownerIds" value={owner.id} defaultChecked={activity.owners.some((o) => o.id === owner.id)} />
              {owner.name}
            </label>
          ))}
        </div>
      </fieldset>
    </PlanForm>
  );
}

/** The frame of both forms: a card that opens when the action answered, posting the intent and the version, with the newer change after a stale submit. */
function PlanForm({
  title,
  intent,
  version,
  result,
  submit,
  busy,
  children,
}: Pick<FormProps, 'version' | 'result' | 'busy'> & { title: string; intent: 'reschedule' | 'edit'; submit: string; children: ReactNode }) {
  return (
    <section className="card section">
      <details open={Boolean(result)} className="side-details">
        <summary>
          <h2>{title}</h2>
        </summary>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="version" value={version} />
          {result?.stale ? <StaleChange latest={result.staleChange} /> : null}
          {children}
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {submit}
            </button>
          </div>
        </Form>
      </details>
    </section>
  );
}

function StaleChange({ latest }: { latest: LatestChange | null | undefined }) {
  const t = useT(activityPageWords);
  const lang = useLang();
  const actionLabel = useAuditActionLabel();
  return (
    <div className="alert alert--warning" role="alert">
      <strong>{t('trStaleTitle')}</strong> {t('trStaleText')}
      {latest ? (
        <p className="small">
          {t('trStaleChange', { who: latest.userName ?? '—', when: formatDateTime(latest.createdAt, lang), action: actionLabel(latest.action) })}
        </p>
      ) : null}
    </div>
  );
}
