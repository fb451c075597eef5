/**
 * The complicity register: suspects who are public officials, in the investigations the user may
 * see (the server never sends one to a user of the official's own institution). No names here.
 */
import { listComplicityRegister } from '../../../shared/contracts/investigations.js';
import { Page } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import { useApiQuery } from '../../queries.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '@tanstack/react-router';
import { formatDate } from '../cases/format.js';
import { labelKey, StageLabel } from '../investigations/labels.js';
import '../../styles/cases.css';

export function ComplicityPage() {
  const { t, locale } = useI18n();
  const register = useApiQuery(listComplicityRegister, {});
  return (
    <Page title={t('prosecution.complicityTitle')} intro={<p>{t('prosecution.complicityIntro')}</p>}>
      <QueryState
        query={register}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <p className="empty" data-testid="complicity-empty">
            {t('prosecution.complicityNone')}
          </p>
        }
      >
        {(data) => (
          <div
            className="table-scroll"
            role="region"
            aria-label={t('prosecution.complicityTitle')}
            tabIndex={0}
          >
            <table className="table table--cards" data-testid="complicity-table">
              <caption className="visually-hidden">{t('prosecution.complicityTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('prosecution.field.reference')}</th>
                  <th scope="col">{t('prosecution.field.official')}</th>
                  <th scope="col">{t('prosecution.field.officialInstitution')}</th>
                  <th scope="col">{t('prosecution.field.stage')}</th>
                  <th scope="col">{t('prosecution.field.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.suspectId} data-testid="complicity-row">
                    <th scope="row">
                      <Link to="/investigations/$id" params={{ id: item.investigationId }}>
                        {item.reference}
                      </Link>
                      <span className="cell-secondary"> {formatDate(locale, item.openedOn)}</span>
                    </th>
                    <td data-label={t('prosecution.field.official')}>{t(labelKey('official', item.kind))}</td>
                    <td data-label={t('prosecution.field.officialInstitution')}>{item.institution.code}</td>
                    <td data-label={t('prosecution.field.stage')}>
                      {item.currentStage ? <StageLabel stage={item.currentStage} /> : '—'}
                    </td>
                    <td data-label={t('prosecution.field.outcome')}>
                      {item.outcome ? t(labelKey('outcome', item.outcome)) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </Page>
  );
}
