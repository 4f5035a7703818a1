import { Form, useSearchParams } from '@remix-run/react';
import { useT } from '~/i18n';
import { draftPlanWords } from '~/i18n/plan-draft';

/** The "Draft" mark beside a draft plan's title (the plans list, the plan page). */
export function DraftBadge() {
  const t = useT(draftPlanWords);
  return <span className="badge badge--draft">{t('pdDraftBadge')}</span>;
}

/**
 * On a plan's page: for a draft, what a draft means and (plan:edit) "Approve the plan", after its
 * drafting (?drafted=1) what to do next; after an approval (?approved=1, or 0 when it was
 * approved already), the outcome.
 */
export function DraftPlanNotice({ draft, canApprove }: { draft: boolean; canApprove: boolean }) {
  const t = useT(draftPlanWords);
  const [searchParams] = useSearchParams();
  const approved = searchParams.get('approved');
  if (!draft) {
    if (approved === null) return null;
    return (
      <p className={approved === '1' ? 'alert alert--success' : 'alert alert--info'} role="status">
        {t(approved === '1' ? 'pdApproved' : 'pdNotDraft')}
      </p>
    );
  }
  return (
    <div className="alert alert--warning plan-draft" role="status">
      {searchParams.get('drafted') === '1' ? <p className="plan-draft__created">{t('pdCreated')}</p> : null}
      <p>{t('pdDraftNote')}</p>
      {canApprove ? (
        <Form
          method="post"
          onSubmit={(event) => {
            if (!window.confirm(t('pdApproveConfirm'))) event.preventDefault();
          }}
        >
          <button type="submit" name="intent" value="approve" className="button button--primary button--small">
            {t('pdApprove')}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
