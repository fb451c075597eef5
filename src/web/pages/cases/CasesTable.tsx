/** The case list as a table on wide screens and as cards on phones (one card per case). */
import type { z } from 'zod';
import type { CaseSummary } from '../../../shared/api-identification.js';
import { departmentName } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '@tanstack/react-router';
import { formatDate } from './format.js';
import { useValueLabel } from './labels.js';

type Summary = z.output<typeof CaseSummary>;

export function CasesTable({ cases, busy }: { cases: readonly Summary[]; busy: boolean }) {
  const { t, locale } = useI18n();
  const label = useValueLabel();
  return (
    <div className="table-scroll" role="region" aria-label={t('cases.title')} tabIndex={0}>
      <table className="table table--cards" aria-busy={busy} data-testid="cases-table">
        <caption className="visually-hidden">{t('cases.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.field.reference')}</th>
            <th scope="col">{t('cases.field.status')}</th>
            <th scope="col">{t('cases.field.detectedOn')}</th>
            <th scope="col">{t('cases.field.detectionMethod')}</th>
            <th scope="col">{t('cases.field.department')}</th>
            <th scope="col">{t('cases.field.owner')}</th>
            <th scope="col">{t('cases.field.persons')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((item) => (
            <tr key={item.id} data-testid="case-row">
              <th scope="row">
                <Link to="/cases/$id" params={{ id: item.id }} className="case-reference">
                  {item.reference}
                </Link>
              </th>
              <td data-label={t('cases.field.status')}>
                <span className={`badge badge--case-${item.status}`}>
                  {label('CASE_STATUSES', item.status)}
                </span>
              </td>
              <td data-label={t('cases.field.detectedOn')} className="cell-nowrap">
                {formatDate(locale, item.detectedOn)}
              </td>
              <td data-label={t('cases.field.detectionMethod')}>
                {label('DETECTION_METHODS', item.detectionMethod)}
              </td>
              <td data-label={t('cases.field.department')}>
                {item.detectionDepartment ? departmentName(item.detectionDepartment) : t('common.none')}
              </td>
              <td data-label={t('cases.field.owner')}>
                {item.ownerInstitutionCode}
                {item.shared && (
                  <span className="badge badge--pending cell-secondary">{t('cases.sharedWithUs')}</span>
                )}
              </td>
              <td data-label={t('cases.field.persons')} className="cell-number">
                {item.personCount}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
