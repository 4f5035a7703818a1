import { dimensionsOf, formatScore, spreadOf, type ScoringSystem } from '~/domain/assessment-scoring';
import { useLang, useT } from '~/i18n';
import { assessmentWords } from '~/i18n/assessment';
import type { MemberSheet } from '~/domain/assessment-data';

/** One sub-criterion's scores by member, with min, max, mean and spread of their sub-criterion scores. */
export function MemberScores({ members, system, code }: { members: MemberSheet[]; system: ScoringSystem; code: string }) {
  const t = useT(assessmentWords);
  const lang = useLang();
  const show = (value: number | null | undefined) => formatScore(value, lang);
  const dimensions = dimensionsOf(system, code);
  const spread = spreadOf(members.flatMap((member) => (member.score === null ? [] : [member.score])));
  return (
    <div className="table-wrap">
      <table className="table as-member-scores">
        <thead>
          <tr>
            <th scope="col">{t('asPerson')}</th>
            {system === 'fine_tuned'
              ? dimensions.map((d) => (
                  <th key={d} scope="col" className="num">
                    {t(`asDim_${d}`)}
                  </th>
                ))
              : null}
            <th scope="col" className="num">
              {t('asDim_score')}
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId}>
              <th scope="row">{member.name}</th>
              {system === 'fine_tuned'
                ? dimensions.map((d) => (
                    <td key={d} className="num">
                      {show(member.scores[d])}
                    </td>
                  ))
                : null}
              <td className="num">{show(member.score)}</td>
            </tr>
          ))}
        </tbody>
        {spread ? (
          <tfoot>
            <tr>
              <td colSpan={system === 'fine_tuned' ? dimensions.length + 2 : 2}>
                {t('asMin')} {show(spread.min)} · {t('asMax')} {show(spread.max)} · {t('asMean')} {show(spread.mean)} · {t('asSpread')} <strong>{show(spread.spread)}</strong>
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
