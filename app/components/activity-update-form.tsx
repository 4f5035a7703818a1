import { Form, useNavigation } from '@remix-run/react';
import { useId, useState } from 'react';
import { STATUS_LABELS, STATUSES, type Status } from '~/domain/status';
import { useLang, useT, type MessageKey, type WordKey, joinWords } from '~/i18n';
import { activitiesWords } from '~/i18n/activities';
import { plansWords } from '~/i18n/plans';
import { StaleNotice, type StaleInfo } from './stale-notice';

export type { StaleInfo };

/** The activity words and the plan words its lists share (dates, measure, updates). */
const words = joinWords(plansWords, activitiesWords);

export const MAX_EVIDENCE_MB = 10;

type Values = Partial<Record<'status' | 'percent' | 'comment' | 'completedOn' | 'asOf' | 'evidenceUrl', string>>;

/** The full status update form of the activity page: status, percent, the day it reports on (today unless told), comment, completion date, evidence. */
export function ActivityUpdateForm({
  version,
  current,
  values,
  errors,
  stale,
  today,
}: {
  version: number;
  current: { status: Status; percent: number };
  values?: Values;
  errors?: Partial<Record<string, WordKey<typeof words> | MessageKey>>;
  stale?: StaleInfo;
  today: string;
}) {
  const t = useT(words);
  const lang = useLang();
  const id = useId();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'status';
  const [status, setStatus] = useState<string>(values?.status ?? current.status);
  const [asOf, setAsOf] = useState<string>(values?.asOf || today);
  const [fileError, setFileError] = useState<string | null>(null);
  const error = (name: string) => (errors?.[name] ? t(errors[name]!) : null);
  const fileMessage = fileError ?? error('evidenceFile');
  return (
    <Form method="post" encType="multipart/form-data" className="stack update-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('trRecordUpdate')}</h2>
      {stale ? <StaleNotice stale={stale} /> : null}
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="version" value={Math.max(version, stale?.version ?? 0)} />
      <div className="form-row">
        <div className={error('status') ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-status`}>{t('status')}</label>
          <select id={`${id}-status`} name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s][lang]}
              </option>
            ))}
          </select>
        </div>
        <div className={error('percent') ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-percent`}>{t('trPercentComplete')}</label>
          <input
            id={`${id}-percent`}
            name="percent"
            type="number"
            min={0}
            max={100}
            step={1}
            inputMode="numeric"
            defaultValue={values?.percent ?? (status === 'done' ? 100 : current.percent)}
            aria-invalid={error('percent') ? true : undefined}
          />
          {error('percent') ? <p className="field__error">{error('percent')}</p> : null}
        </div>
        <div className={error('asOf') ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-as-of`}>{t('trUpdateAsOf')}</label>
          <input
            id={`${id}-as-of`}
            name="asOf"
            type="date"
            max={today}
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
            aria-describedby={`${id}-as-of-hint`}
            aria-invalid={error('asOf') ? true : undefined}
          />
          <p className="field__hint" id={`${id}-as-of-hint`}>
            {t('trUpdateAsOfHint')}
          </p>
          {error('asOf') ? <p className="field__error">{error('asOf')}</p> : null}
        </div>
        {status === 'done' ? (
          <div className={error('completedOn') ? 'field field--invalid' : 'field'}>
            <label htmlFor={`${id}-completed`}>{t('trCompletedOn')}</label>
            {/* By the day the update reports on: starts there again when that day changes. */}
            <input key={asOf} id={`${id}-completed`} name="completedOn" type="date" max={asOf || today} defaultValue={values?.completedOn ?? asOf} />
            {error('completedOn') ? <p className="field__error">{error('completedOn')}</p> : null}
          </div>
        ) : null}
      </div>
      <div className={error('comment') ? 'field field--invalid' : 'field'}>
        <label htmlFor={`${id}-comment`}>{t('trComment')}</label>
        <textarea id={`${id}-comment`} name="comment" rows={3} defaultValue={values?.comment ?? ''} placeholder={t('trCommentPlaceholder')} />
        {error('comment') ? <p className="field__error">{error('comment')}</p> : null}
      </div>
      <fieldset className="evidence-fieldset">
        <legend>{t('trEvidence')}</legend>
        <div className="form-row">
          <div className={error('evidenceUrl') ? 'field field--invalid' : 'field'}>
            <label htmlFor={`${id}-url`}>{t('trEvidenceUrl')}</label>
            <input id={`${id}-url`} name="evidenceUrl" type="url" placeholder="https://" defaultValue={values?.evidenceUrl ?? ''} />
            {error('evidenceUrl') ? <p className="field__error">{error('evidenceUrl')}</p> : null}
          </div>
          <div className={fileMessage ? 'field field--invalid' : 'field'}>
            <label htmlFor={`${id}-file`}>{t('trEvidenceFile')}</label>
            <input
              id={`${id}-file`}
              name="evidenceFile"
              type="file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                setFileError(file && file.size > MAX_EVIDENCE_MB * 1024 * 1024 ? t('trFileTooLarge') : null);
              }}
            />
            <p className="field__hint">{t('trEvidenceFileHint')}</p>
            {fileMessage ? (
              <p className="field__error" role="alert">
                {fileMessage}
              </p>
            ) : null}
          </div>
        </div>
      </fieldset>
      <div>
        <button type="submit" className="button button--primary" disabled={busy || Boolean(fileError)}>
          {busy ? t('trSaving') : t('trSaveUpdate')}
        </button>
      </div>
    </Form>
  );
}
