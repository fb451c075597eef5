/**
 * Privacy pieces other pages show (docs/PRIVACY.md): the survivor's access report as PDF links
 * (Spanish and Guaraní), and the consent receipt of a consent given or withdrawn.
 */
import { getConsentReceipt, getPersonAccessReport } from '../../../shared/contracts/privacy.js';
import type { Locale } from '../../../shared/roles.js';
import { hrefOf } from '../../api.js';
import { ENDONYMS } from '../../components/LanguageSelect.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/**
 * The languages a paper for the survivor is offered in: the page's language first, then Spanish and
 * Guaraní (the languages the survivor is most likely to read), each once.
 */
function paperLocales(uiLocale: Locale): Locale[] {
  return [...new Set<Locale>([uiLocale, 'es', 'gn'])];
}

/** The access report of a person, to print and hand over: one link per language. */
export function AccessReportLinks({ personId }: { personId: string }) {
  const { t, locale: uiLocale } = useI18n();
  return (
    <p className="download-links" data-testid="access-report-links">
      {paperLocales(uiLocale).map((locale) => (
        <a
          key={locale}
          className="btn"
          lang={locale}
          href={hrefOf(getPersonAccessReport, { params: { id: personId }, query: { locale, format: 'pdf' } })}
          download
        >
          {t('privacy.accessReportNamed', { language: ENDONYMS[locale] })}
        </a>
      ))}
    </p>
  );
}

/** The receipt of a consent given or withdrawn (ISO/IEC TS 27560 fields), to print and hand over. */
export function ConsentReceiptLinks({ consentId }: { consentId: string }) {
  const { t, locale: uiLocale } = useI18n();
  return (
    <span className="download-links" data-testid="consent-receipt-links">
      {paperLocales(uiLocale).map((locale, i) => (
        <a
          key={locale}
          className={i === 0 ? 'btn btn--small' : 'btn btn--small btn--ghost'}
          href={hrefOf(getConsentReceipt, { params: { id: consentId }, query: { locale, format: 'pdf' } })}
          download
        >
          {t('privacy.consentReceiptNamed', { language: ENDONYMS[locale] })}
        </a>
      ))}
    </span>
  );
}
