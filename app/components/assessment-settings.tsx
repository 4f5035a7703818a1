import { Form } from '@remix-run/react';
import { Field } from '~/components/field';
import { SCORING_SYSTEMS, type ScoringSystem } from '~/domain/assessment-scoring';
import { MAX_NAME_LENGTH, MAX_TITLE_LENGTH } from '~/domain/form-input';
import { useT } from '~/i18n';
import { assessmentWords, type AssessmentWord } from '~/i18n/assessment';

export type SettingsErrors = Partial<Record<'title' | 'period' | 'scoringSystem' | 'form', AssessmentWord>>;

/** Title, period and scoring system: the new self-assessment's form and the chair's edit of it. */
export function AssessmentSettingsForm({
  intent,
  values,
  errors,
  systemFixed,
  submitLabel,
}: {
  intent?: string;
  values?: { title: string; period: string; scoringSystem: ScoringSystem };
  errors?: SettingsErrors;
  systemFixed?: boolean;
  submitLabel: string;
}) {
  const t = useT(assessmentWords);
  return (
    <Form method="post" className="stack" noValidate>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <Field label={t('asTitle')} name="title" defaultValue={values?.title} hint={t('asTitleHint')} maxLength={MAX_TITLE_LENGTH} required error={errors?.title && t(errors.title)} />
      <Field label={t('asPeriod')} name="period" defaultValue={values?.period} hint={t('asPeriodHint')} maxLength={MAX_NAME_LENGTH} required error={errors?.period && t(errors.period)} />
      <fieldset className="as-systems">
        <legend>{t('asSystem')}</legend>
        {SCORING_SYSTEMS.map((system) => (
          <label key={system} className="checkbox">
            <input type="radio" name="scoringSystem" value={system} defaultChecked={(values?.scoringSystem ?? 'classical') === system} disabled={systemFixed && values?.scoringSystem !== system} />
            <span>
              <strong>{t(`asSystem_${system}`)}</strong> <span className="muted small">{t(`asSystemHelp_${system}`)}</span>
            </span>
          </label>
        ))}
        {systemFixed ? <p className="field__hint">{t('asSystemFixed')}</p> : null}
        {errors?.scoringSystem ? <p className="field__error">{t(errors.scoringSystem)}</p> : null}
      </fieldset>
      {errors?.form ? (
        <p className="alert alert--error" role="alert">
          {t(errors.form)}
        </p>
      ) : null}
      <div>
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
