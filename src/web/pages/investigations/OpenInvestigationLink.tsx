/**
 * "Open an investigation" from a case page, for users who may open one: goes to the work list
 * with the new-investigation form and this case preselected (only the case id in the address).
 */
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '@tanstack/react-router';
import { useSession } from '../../session.js';

export function OpenInvestigationLink({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  if (!can('investigation.create')) return null;
  return (
    <p>
      <Link className="btn" to="/investigations" search={{ caseId }} data-testid="case-open-investigation">
        {t('prosecution.openFromCase')}
      </Link>
    </p>
  );
}
