/**
 * Privacy pieces other pages show (docs/PRIVACY.md): the survivor's access report as PDF links
 * (Spanish and Guaraní), and the break-glass request where the access door said "not found".
 */
import { useState } from 'react';
import { getPersonAccessReport, openBreakGlass } from '../../../shared/contracts/privacy.js';
import { hrefOf } from '../../api.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiMutation } from '../../queries.js';
import { useSession } from '../../session.js';

/** The access report of a person, to print and hand over: one link per language. */
export function AccessReportLinks({ personId }: { personId: string }) {
  const { t } = useI18n();
  return (
    <p className="form-actions" data-testid="access-report-links">
      {(['es', 'gn'] as const).map((locale) => (
        <a
          key={locale}
          className="btn"
          href={hrefOf(getPersonAccessReport, { params: { id: personId }, query: { locale, format: 'pdf' } })}
          download
        >
          {t('privacy.accessReport')} ({locale})
        </a>
      ))}
    </p>
  );
}

/** Where a record was "not found": open it in an emergency, with a written reason. */
export function BreakGlassRequest({
  resourceType,
  resourceId,
  onOpened,
}: {
  resourceType: 'person' | 'case';
  resourceId: string;
  onOpened: () => void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const [reason, setReason] = useState('');
  const opening = useApiMutation(openBreakGlass, { onSuccess: onOpened });
  if (!can('breakGlass.open')) return null;
  return (
    <section aria-labelledby="break-glass" data-testid="break-glass">
      <h2 id="break-glass">{t('privacy.openBreakGlass')}</h2>
      <p>{t('privacy.breakGlassIntro')}</p>
      <LiveRegion error={opening.error?.message ?? null} />
      <label>
        {t('privacy.reason')}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} minLength={20} required />
      </label>
      <button
        type="button"
        className="btn"
        disabled={opening.isPending}
        onClick={() => opening.mutate({ body: { resourceType, resourceId, reason, minutes: 120 } })}
      >
        {t('privacy.open')}
      </button>
    </section>
  );
}
