import { Link } from '@remix-run/react';
import { useT } from '~/i18n';
import { cycleWords } from '~/i18n/cycle';
import type { MeasureAnswers } from '~/domain/improvement-priority';

/** On a plan's page: one line per measure that answers areas for improvement of an approved self-assessment, linking to their priorities page. */
export function MeasureAnswersList({ answers }: { answers: MeasureAnswers[] }) {
  const t = useT(cycleWords);
  if (answers.length === 0) return null;
  return (
    <details className="card section measure-answers">
      <summary>
        <strong>{t('cyAnswersHeading')}</strong>
      </summary>
      <ul>
        {answers.map((row) => (
          <li key={`${row.measureId}:${row.assessmentId}`}>
            <strong>{row.code}</strong> {row.title} —{' '}
            <Link to={`/assessments/${row.assessmentId}/priorities?measure=${row.measureId}`}>{t('cyAnswers', { count: row.areas })}</Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
