/**
 * The prosecutor's work list: the investigations the user may see, newest first, searchable by
 * file number (a code, so it may live in the address). "New investigation" opens the form; coming
 * from a case (`?caseId=`), the form starts with that case linked.
 */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { ListInvestigationsQuery } from '../../../shared/api-prosecution.js';
import { listInvestigations } from '../../../shared/contracts/investigations.js';
import { Form, useZodForm } from '../../components/Form.js';
import { FormText } from '../../components/FormFields.js';
import { Page, PageButton } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
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
  const search = useSearch({ from: '/_app/investigations' });
  const navigate = useNavigate();
  const fromCase = search.caseId ?? null;
  const [creating, setCreating] = useState(fromCase !== null && can('investigation.create'));
  const list = useApiQuery(listInvestigations, { query: { reference: search.reference, limit: 100 } });
  const filters = useZodForm(Search, { defaultValues: { reference: search.reference } });
  const onSearch = filters.handleSubmit(
    (values) => void navigate({ to: '/investigations', search: { reference: values.reference } }),
  );

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
          label={t('prosecution.field.reference')}
          hint={t('prosecution.searchHint')}
          name="reference"
          maxLength={60}
          blank="undefined"
        />
        <button type="submit" className="btn">
          {t('action.search')}
        </button>
      </Form>
      <QueryState
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <p className="empty" data-testid="investigations-empty">
            {t('prosecution.none')}
          </p>
        }
      >
        {(data) => (
          <div className="table-scroll" role="region" aria-label={t('prosecution.title')} tabIndex={0}>
            <table
              className="table table--cards"
              aria-busy={list.isFetching}
              data-testid="investigations-table"
            >
              <caption className="visually-hidden">{t('prosecution.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('prosecution.field.reference')}</th>
                  <th scope="col">{t('prosecution.field.openedOn')}</th>
                  <th scope="col">{t('prosecution.field.defendants')}</th>
                  <th scope="col">{t('prosecution.field.furthestStage')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.id} data-testid="investigation-row">
                    <th scope="row">
                      <Link to="/investigations/$id" params={{ id: item.id }}>
                        {item.reference}
                      </Link>
                      {item.complicity && <ComplicityBadge />}
                    </th>
                    <td data-label={t('prosecution.field.openedOn')}>{formatDate(locale, item.openedOn)}</td>
                    <td data-label={t('prosecution.field.defendants')}>{item.suspects}</td>
                    <td data-label={t('prosecution.field.furthestStage')}>
                      {item.furthestStage ? <StageLabel stage={item.furthestStage} /> : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
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
