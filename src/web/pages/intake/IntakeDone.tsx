/** The end of the wizard: the case reference, the decision (or that it is pending), and the case. */
import type { TRAFFICKING_STATUSES } from '../../../shared/catalogues.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { Link } from '@tanstack/react-router';
import { FocusHeading } from './controls.js';

interface Props {
  caseId: string;
  reference: string;
  /** The status decided with the intake, or null (decided later). */
  decided: (typeof TRAFFICKING_STATUSES)[number] | null;
  onAnother(): void;
}

export function IntakeDone({ caseId, reference, decided, onAnother }: Props) {
  const { t, locale } = useI18n();

  return (
    <section className="intake-done panel" aria-labelledby="intake-done-title">
      <FocusHeading level="h2" id="intake-done-title">
        {t('intake.done.title')}
      </FocusHeading>
      <dl className="intake-reference">
        <dt>{t('intake.done.reference')}</dt>
        <dd data-testid="intake-reference">{reference}</dd>
      </dl>
      <p className={decided ? 'notice notice--success' : 'notice notice--warning'} role="status">
        {decided
          ? t('intake.done.decided', { status: valueLabel(locale, 'TRAFFICKING_STATUSES', decided) })
          : t('intake.done.pending')}
      </p>
      <div className="wizard-nav wizard-nav--static">
        <button type="button" className="btn" onClick={onAnother}>
          {t('intake.done.another')}
        </button>
        <Link to="/cases/$id" params={{ id: caseId }} className="btn btn--primary">
          {t('intake.done.openCase')}
        </Link>
      </div>
    </section>
  );
}
