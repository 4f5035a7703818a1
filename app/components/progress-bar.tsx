/** A horizontal bar for a share 0..1, with the percentage written beside it (not colour alone). */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const percent = value === null ? null : Math.round(value * 100);
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div className="progress__fill" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <span className="progress__value">{percent === null ? '—' : `${percent}%`}</span>
    </div>
  );
}
