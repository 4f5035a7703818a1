import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { bandIndex, BAND_LIMITS, roundScore } from '~/domain/assessment-scoring';
import type { ReportCriterion } from '~/domain/assessment-data';
import { AXIS_TEXT, ChartFrame, legendText } from './charts/chart-frame';

/** The six CAF bands, low to high: red to green, each with a text colour readable on it. */
export const BAND_COLORS: { fill: string; text: string }[] = [
  { fill: '#b42318', text: '#ffffff' },
  { fill: '#e3703b', text: '#2b1200' },
  { fill: '#f2c14e', text: '#2b2100' },
  { fill: '#a6d075', text: '#15300a' },
  { fill: '#3f9a4f', text: '#ffffff' },
  { fill: '#1d6b35', text: '#ffffff' },
];
const ENABLER_COLOR = '#1d4e89';
const RESULT_COLOR = '#2a8c8c';
const PREVIOUS_COLOR = '#9aa5b4';
/**
 * The widest a chart is drawn: what fits the width of an A4 portrait page. recharts draws at
 * the width measured on screen and a printout does not measure again, so a wider chart would
 * be cut at the page's edge.
 */
const PRINTABLE_WIDTH = 680;

export const scoreText = (score: number | null) => (score === null ? '—' : String(roundScore(score)));

type Words = { enablers: string; results: string; loading: string; label: string };

/** The nine criteria's scores, enablers and results in their own colours, each score written on its bar. */
export function CriteriaChart({ criteria, words, lang }: { criteria: ReportCriterion[]; words: Words; lang: 'bg' | 'en' }) {
  const rows = criteria.map((c) => ({ label: c.code, title: `${c.code}. ${c.title[lang]}`, score: c.score === null ? 0 : roundScore(c.score), kind: c.kind }));
  return (
    <ChartFrame name="assessment-criteria" height={260} label={words.label} loading={words.loading}>
      {(width) => (
        <BarChart width={Math.min(width, PRINTABLE_WIDTH)} height={260} data={rows} margin={{ top: 22, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#eef1f5" />
          <XAxis dataKey="label" tick={AXIS_TEXT} interval={0} />
          <YAxis domain={[0, 100]} ticks={[0, 10, 30, 50, 70, 90, 100]} tick={AXIS_TEXT} width={36} />
          <Tooltip labelFormatter={(_, payload) => (payload?.[0]?.payload as { title?: string } | undefined)?.title ?? ''} />
          <Bar dataKey="score" isAnimationActive={false} maxBarSize={48} radius={[3, 3, 0, 0]}>
            {rows.map((row) => (
              <Cell key={row.label} fill={row.kind === 'enabler' ? ENABLER_COLOR : RESULT_COLOR} />
            ))}
            <LabelList dataKey="score" position="top" style={{ fill: '#1c2430', fontSize: 12 }} />
          </Bar>
        </BarChart>
      )}
    </ChartFrame>
  );
}

/** The kinds' colours, for the legend beside the criteria chart. */
export function KindLegend({ words }: { words: Pick<Words, 'enablers' | 'results'> }) {
  return (
    <p className="ar-legend small">
      <span className="ar-swatch" style={{ background: ENABLER_COLOR }} /> {words.enablers}
      <span className="ar-swatch" style={{ background: RESULT_COLOR }} /> {words.results}
    </p>
  );
}

/** The 28 sub-criteria at a glance: a strip of cells per criterion, in the colour of their band, each with its code and score written. */
export function HeatStrip({ criteria, lang }: { criteria: ReportCriterion[]; lang: 'bg' | 'en' }) {
  return (
    <div className="ar-strip" data-chart="assessment-strip">
      {criteria.map((criterion) => (
        <div key={criterion.code} className="ar-strip__row">
          <span className="ar-strip__criterion" title={criterion.title[lang]}>
            {criterion.code}
          </span>
          {criterion.subCriteria.map((sub) => {
            const band = sub.score === null ? null : BAND_COLORS[bandIndex(sub.score)]!;
            return (
              <span
                key={sub.code}
                className="ar-strip__cell"
                title={`${sub.code} ${sub.title[lang]}: ${scoreText(sub.score)}`}
                style={band ? { background: band.fill, color: band.text } : undefined}
              >
                <span className="ar-strip__code">{sub.code}</span> <strong>{scoreText(sub.score)}</strong>
              </span>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** The band scale as a key under the strip. */
export function BandKey() {
  return (
    <p className="ar-legend small">
      {BAND_LIMITS.map(([low, high], index) => (
        <span key={low} className="ar-band-key" style={{ background: BAND_COLORS[index]!.fill, color: BAND_COLORS[index]!.text }}>
          {low}-{high}
        </span>
      ))}
    </p>
  );
}

/** Each criterion now and in the previous approved self-assessment, side by side, both scores written. */
export function ComparisonChart({ criteria, words }: { criteria: ReportCriterion[]; words: { this: string; previous: string; loading: string; label: string } }) {
  const rows = criteria.map((c) => ({ label: c.code, now: c.score === null ? 0 : roundScore(c.score), before: c.previous === null ? 0 : roundScore(c.previous) }));
  const names: Record<string, string> = { now: words.this, before: words.previous };
  return (
    <ChartFrame name="assessment-comparison" height={280} label={words.label} loading={words.loading}>
      {(width) => (
        <BarChart width={Math.min(width, PRINTABLE_WIDTH)} height={280} data={rows} margin={{ top: 22, right: 12, bottom: 4, left: 0 }} barGap={2}>
          <CartesianGrid vertical={false} stroke="#eef1f5" />
          <XAxis dataKey="label" tick={AXIS_TEXT} interval={0} />
          <YAxis domain={[0, 100]} tick={AXIS_TEXT} width={36} />
          <Tooltip formatter={(value, key) => [value as number, names[String(key)] ?? String(key)]} />
          <Legend formatter={(value: string) => legendText(names[value] ?? value)} wrapperStyle={{ fontSize: 13 }} />
          <Bar dataKey="before" name="before" fill={PREVIOUS_COLOR} isAnimationActive={false} maxBarSize={28}>
            <LabelList dataKey="before" position="top" style={{ fill: '#3f4a5a', fontSize: 11 }} />
          </Bar>
          <Bar dataKey="now" name="now" fill={ENABLER_COLOR} isAnimationActive={false} maxBarSize={28}>
            <LabelList dataKey="now" position="top" style={{ fill: '#1c2430', fontSize: 11 }} />
          </Bar>
        </BarChart>
      )}
    </ChartFrame>
  );
}
