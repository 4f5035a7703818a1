import { Link } from '@remix-run/react';
import { useT } from '~/i18n';

/** The end of an upload form: read the file, or cancel. */
export function UploadActions({ submitLabel, cancelTo, reading }: { submitLabel: string; cancelTo: string; reading: boolean }) {
  const t = useT();
  return (
    <div className="form-grid__wide import-actions">
      <button type="submit" className="button button--primary" disabled={reading}>
        {submitLabel}
      </button>
      <Link to={cancelTo} className="button button--ghost">
        {t('cancel')}
      </Link>
    </div>
  );
}

/** While an uploaded file is read: a progress line. */
export function ReadingProgress({ label }: { label: string }) {
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <div className="import-progress__bar" />
      <span>{label}</span>
    </div>
  );
}
