/**
 * The prosecutor's work list: the investigations the user may see, newest first, searchable by
 * file number (a code, so it may live in the address). "New investigation" opens the form; coming
 * from a case (`?caseId=`), the form starts with that case linked.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ListInvestigationsQuery } from '../../../shared/api-prosecution.js';
import { listInvestigations } from '../../../shared/contracts/investigations.js';
import { DataTable, useListSearch } from '../../components/DataTable.js';
import { Form, useZodForm } from '../../components/Form.js';
import { FormText } from '../../components/FormFields.js';
import { Page, PageButton } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';
import { useSession } from '../../session.js';
import { formatDate } from '../cases/format.js';
import { NewInvestigationDialog } from './NewInvestigationDialog.js';
import { ComplicityBadge, StageLabel } from './labels.js';
import '../../styles/cases.css';

const Search = ListInvestigationsQuery.pick({ reference: true });

export function InvestigationsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [search, setSearch] = useListSearch('/_app/investigations');
  const navigate = useNavigate();
  const fromCase = search.caseId ?? null;
  const [creating, setCreating] = useState(fromCase !== null && can('investigation.create'));
  const list = useApiQuery(listInvestigations, { query: { reference: search.reference, limit: 100 } });
  const filters = useZodForm(Search, { defaultValues: { reference: search.reference } });
  const onSearch = filters.handleSubmit((values) => setSearch({ reference: values.reference }));

  return (
    <Page
      title={t('prosecution.title')}
      actions={
        <PageButton
          show={can('investigation.create')}
          label={t('prosecution.new')}
          onClick={() => setCreating(true)}
          testId="investigation-new"
        />
      }
    >
      <Form form={filters} onSubmit={onSearch} className="form form--inline" role="search">
        <FormText
          msg="prosecution.field.reference"
          hint={t('prosecution.searchHint')}
          name="reference"
          maxLength={60}
          blank="undefined"
        />
        <button type="submit" className="btn">
          {t('action.search')}
        </button>
      </Form>
      <DataTable
        query={list}
        label={t('prosecution.title')}
        testId="investigations-table"
        rowTestId="investigation-row"
        empty={t('prosecution.none')}
        emptyTestId="investigations-empty"
        columns={[
          {
            header: t('prosecution.field.reference'),
            cell: (item) => (
              <>
                <Link to="/investigations/$id" params={{ id: item.id }}>
                  {item.reference}
                </Link>
                {item.complicity && <ComplicityBadge />}
              </>
            ),
          },
          { header: t('prosecution.field.openedOn'), cell: (item) => formatDate(locale, item.openedOn) },
          { header: t('prosecution.field.defendants'), cell: (item) => item.suspects },
          {
            header: t('prosecution.field.furthestStage'),
            cell: (item) => (item.furthestStage ? <StageLabel stage={item.furthestStage} /> : '—'),
          },
        ]}
      />
      {creating && (
        <NewInvestigationDialog
          caseId={fromCase}
          onClose={() => setCreating(false)}
          onCreated={(created) => void navigate({ to: '/investigations/$id', params: { id: created.id } })}
        />
      )}
    </Page>
  );
}
