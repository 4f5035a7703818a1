/** The pieces of a CAF cycle step shared by /cycle and its print page: texts, dates, evidence, the record. */
import type { CycleRecord, CycleStepView, Words } from '~/domain/caf-cycle';
import { formatDate, isIsoDate } from '~/domain/dates';
import { useLang, useT } from '~/i18n';
import { cycleStepWords } from '~/i18n/cycle';

/** A step's reason or evidence in the page's language, its days written as days. */
export function useCycleText(): (words: Words) => string {
  const t = useT(cycleStepWords);
  const lang = useLang();
  return ({ word, params }) =>
    t(word, params && Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' && isIsoDate(value) ? formatDate(value, lang) : value])));
}

/** "10.01.2022", "10.01.2022 – 15.02.2022", "10.01.2022 –" (still going) or "—". */
export function StepDates({ step }: { step: Pick<CycleStepView, 'from' | 'to' | 'status'> }) {
  const lang = useLang();
  if (!step.from && !step.to) return <>—</>;
  if (step.status === 'in_progress' && !step.to) return <>{formatDate(step.from, lang)} –</>;
  if (!step.to || step.to === step.from) return <>{formatDate(step.from ?? step.to, lang)}</>;
  return (
    <>
      {formatDate(step.from, lang)} – {formatDate(step.to, lang)}
    </>
  );
}

export function StepStatus({ status }: { status: CycleStepView['status'] }) {
  const t = useT(cycleStepWords);
  return <span className={`badge cycle-status cycle-status--${status}`}>{t(`csStatus_${status}`)}</span>;
}

/** What the app knows of a step, then what the organization recorded; `fileHref` downloads the recorded file. */
export function StepEvidence({ step, fileHref }: { step: CycleStepView; fileHref: string }) {
  const t = useT(cycleStepWords);
  const text = useCycleText();
  const record = step.record;
  if (step.evidence.length === 0 && !hasContent(record)) return <p className="muted cycle-step__none">{t('csNoEvidence')}</p>;
  return (
    <ul className="cycle-step__evidence">
      {step.evidence.map((item) => (
        <li key={item.word + JSON.stringify(item.params ?? {})}>{item.href ? <a href={item.href}>{text(item)}</a> : text(item)}</li>
      ))}
      {record && hasContent(record) ? (
        <li className="cycle-step__record">
          <RecordText record={record} fileHref={fileHref} />
        </li>
      ) : null}
    </ul>
  );
}

function hasContent(record: CycleRecord | null): record is CycleRecord {
  return !!record && !!(record.doneOn || record.note || record.evidenceUrl || record.evidenceFileName);
}

function RecordText({ record, fileHref }: { record: CycleRecord; fileHref: string }) {
  const t = useT(cycleStepWords);
  const lang = useLang();
  return (
    <>
      <strong>{t('csRecord')}:</strong> {record.doneOn ? formatDate(record.doneOn, lang) : null}
      {record.note ? <> · {record.note}</> : null}
      {record.evidenceUrl ? (
        <>
          {' · '}
          <a href={record.evidenceUrl} rel="noreferrer noopener" target="_blank" className="cycle-step__url">
            {record.evidenceUrl}
          </a>
        </>
      ) : null}
      {record.evidenceFileName ? (
        <>
          {' · '}
          <a href={fileHref}>
            {t('csFile')}: {record.evidenceFileName}
          </a>
        </>
      ) : null}
    </>
  );
}
