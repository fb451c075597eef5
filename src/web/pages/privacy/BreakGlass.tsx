/**
 * Break-glass on a record's page (docs/PRIVACY.md): where the access door answered "not found" (or
 * "your emergency access expired"), a case role may open the record in an emergency — a dialog asks
 * for the written reason and states the time limit; while the grant lasts, a banner on the page says
 * so and counts down; when it ends the page reloads and the server's "expired" answer is shown.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { BREAK_GLASS_DEFAULT_MINUTES, OpenBreakGlassRequest } from '../../../shared/api-privacy.js';
import type { EmergencyAccess } from '../../../shared/api-identification.js';
import { openBreakGlass } from '../../../shared/contracts/privacy.js';
import type { ApiError } from '../../api.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormTextArea } from '../../components/FormFields.js';
import { RecordNotFound } from '../../components/RecordStates.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatDateTime } from '../../i18n/dates.js';
import { useSession } from '../../session.js';
import '../../styles/privacy.css';

const ReasonForm = z.object({ reason: OpenBreakGlassRequest.shape.reason });

/** Whether a page's load error is the door's "not here for you": not found, or a grant that ended. */
export function outOfScope(error: ApiError | null | undefined): boolean {
  return error?.status === 404 || error?.code === 'break_glass_expired';
}

/**
 * A case's or a person's page when the door answered "not here for you" (`outOfScope`): "not
 * found", with the offer of emergency access; once a grant is opened, `query` reads the record again.
 */
export function OutOfScopeRecord({
  resourceType,
  resourceId,
  query,
}: {
  resourceType: 'person' | 'case';
  resourceId: string;
  query: UseQueryResult<unknown, ApiError>;
}) {
  return (
    <RecordNotFound kind={resourceType}>
      <EmergencyAccessOffer
        resourceType={resourceType}
        resourceId={resourceId}
        error={query.error}
        onOpened={() => void query.refetch()}
      />
    </RecordNotFound>
  );
}

/**
 * The emergency-access offer on a "not found" page: only for the roles the policy allows
 * (`breakGlass.open`). `error` is the page's load error: an expired grant's message is shown first.
 */
function EmergencyAccessOffer({
  resourceType,
  resourceId,
  error,
  onOpened,
}: {
  resourceType: 'person' | 'case';
  resourceId: string;
  error: ApiError | null | undefined;
  onOpened: () => void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const [asking, setAsking] = useState(false);
  const expired = error?.code === 'break_glass_expired';
  if (!can('breakGlass.open')) return null;
  return (
    <section aria-labelledby="break-glass" data-testid="break-glass" className="emergency-offer">
      <h2 id="break-glass">{t('privacy.openBreakGlass')}</h2>
      {expired && (
        <p className="notice notice--warning" data-testid="break-glass-expired">
          {error.message}
        </p>
      )}
      <p>{t('privacy.bgOffer')}</p>
      <button type="button" className="btn" onClick={() => setAsking(true)}>
        {t('privacy.bgRequest')}
      </button>
      {asking && (
        <EmergencyAccessDialog
          resourceType={resourceType}
          resourceId={resourceId}
          onClose={() => setAsking(false)}
          onOpened={() => {
            setAsking(false);
            onOpened();
          }}
        />
      )}
    </section>
  );
}

function EmergencyAccessDialog({
  resourceType,
  resourceId,
  onClose,
  onOpened,
}: {
  resourceType: 'person' | 'case';
  resourceId: string;
  onClose: () => void;
  onOpened: () => void;
}) {
  const { t } = useI18n();
  const form = useApiForm(openBreakGlass, {
    schema: ReasonForm,
    defaultValues: { reason: '' },
    toInput: ({ reason }) => ({
      body: { resourceType, resourceId, reason, minutes: BREAK_GLASS_DEFAULT_MINUTES },
    }),
    onSuccess: onOpened,
  });
  return (
    <FormDialog
      title={t('privacy.openBreakGlass')}
      form={form}
      submitLabel={t('privacy.open')}
      onClose={onClose}
      testId="break-glass-form"
    >
      <p>{t('privacy.breakGlassIntro')}</p>
      <p className="notice notice--info" data-testid="break-glass-limit">
        {t('privacy.bgLimit', { minutes: BREAK_GLASS_DEFAULT_MINUTES })}
      </p>
      <FormTextArea name="reason" msg="privacy.reason" hint={t('privacy.bgReasonHint')} rows={4} />
    </FormDialog>
  );
}

/**
 * The banner of a page shown through an emergency access: read only, until when, minutes left.
 * At the end it calls `onEnded` (the page reloads and the door answers "expired").
 */
export function EmergencyAccessBanner({
  access,
  onEnded,
}: {
  access: EmergencyAccess | null | undefined;
  onEnded: () => void;
}) {
  const { t, locale } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const endsAt = access ? new Date(access.expiresAt).getTime() : 0;
  const ended = useRef(onEnded);
  ended.current = onEnded;
  useEffect(() => {
    if (!access) return;
    const left = endsAt - Date.now();
    // Tick each 30 s for the countdown, and once more right at the end.
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    const end = setTimeout(
      () => {
        setNow(Date.now());
        ended.current();
      },
      Math.max(0, left) + 1000,
    );
    return () => {
      clearInterval(tick);
      clearTimeout(end);
    };
  }, [access, endsAt]);
  if (!access) return null;
  const minutes = Math.max(0, Math.ceil((endsAt - now) / 60_000));
  return (
    <div className="notice notice--warning emergency-banner" role="status" data-testid="break-glass-banner">
      <p>
        <strong>{t('privacy.bgBannerTitle')}</strong>{' '}
        {minutes > 0
          ? t('privacy.bgBanner', { until: formatDateTime(locale, access.expiresAt), minutes })
          : t('privacy.bgBannerEnded')}
      </p>
    </div>
  );
}
