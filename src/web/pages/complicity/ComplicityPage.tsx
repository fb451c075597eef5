/**
 * The complicity register: suspects who are public officials, in the investigations the user may
 * see (the server never sends one to a user of the official's own institution). No names here.
 */
import { listComplicityRegister } from '../../../shared/contracts/investigations.js';
import { Page } from '../../components/Page.js';
import { DataTable } from '../../components/DataTable.js';
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
      <DataTable
        query={register}
        rowKey={(item) => item.suspectId}
        label={t('prosecution.complicityTitle')}
        testId="complicity-table"
        rowTestId="complicity-row"
        empty={t('prosecution.complicityNone')}
        emptyTestId="complicity-empty"
        columns={[
          {
            header: t('prosecution.field.reference'),
            cell: (item) => (
              <>
                <Link to="/investigations/$id" params={{ id: item.investigationId }}>
                  {item.reference}
                </Link>
                <span className="cell-secondary"> {formatDate(locale, item.openedOn)}</span>
              </>
            ),
          },
          { header: t('prosecution.field.official'), cell: (item) => t(labelKey('official', item.kind)) },
          { header: t('prosecution.field.officialInstitution'), cell: (item) => item.institution.code },
          {
            header: t('prosecution.field.stage'),
            cell: (item) => (item.currentStage ? <StageLabel stage={item.currentStage} /> : '—'),
          },
          {
            header: t('prosecution.field.outcome'),
            cell: (item) => (item.outcome ? t(labelKey('outcome', item.outcome)) : '—'),
          },
        ]}
      />
    </Page>
  );
}
