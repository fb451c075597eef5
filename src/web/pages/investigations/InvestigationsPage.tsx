/**
 * The prosecutor's work list: the investigations the user may see, newest first, searchable by
 * file number (a code, so it may live in the address). "New investigation" opens the form; coming
 * from a case (`?caseId=`), the form starts with that case linked.
 */
import { useState, type FormEvent } from 'react';
import { LoadError, Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { TextField } from '../../components/Field.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useSession } from '../../session.js';
import { formatDate } from '../cases/format.js';
import { listInvestigations } from './client.js';
import { NewInvestigationDialog } from './NewInvestigationDialog.js';
import { ComplicityBadge, StageLabel } from './labels.js';
import '../../styles/cases.css';

export function InvestigationsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const search = useSearch({ from: '/_app/investigations' });
  const navigate = useNavigate();
  const reference = search.reference ?? '';
  const fromCase = search.caseId ?? null;
  const [typed, setTyped] = useState(reference);
  const [creating, setCreating] = useState(fromCase !== null && can('investigation.create'));
  const list = useLoad(
    () => listInvestigations({ reference: reference || undefined, limit: 100 }),
    reference,
  );

  function onSearch(event: FormEvent) {
    event.preventDefault();
    void navigate({ to: '/investigations', search: { reference: typed.trim() } });
  }

  const data = list.data;
  return (
    <Page
      title={t('prosecution.title')}
      actions={
        can('investigation.create') && (
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => setCreating(true)}
            data-testid="investigation-new"
          >
            {t('prosecution.new')}
          </button>
        )
      }
    >
      <form className="form form--inline" role="search" onSubmit={onSearch}>
        <TextField
          label={t('prosecution.field.reference')}
          hint={t('prosecution.searchHint')}
          name="reference"
          value={typed}
          maxLength={60}
          onChange={(event) => setTyped(event.target.value)}
        />
        <button type="submit" className="btn">
          {t('action.search')}
        </button>
      </form>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <p className="empty" data-testid="investigations-empty">
          {t('prosecution.none')}
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('prosecution.title')} tabIndex={0}>
          <table className="table table--cards" aria-busy={list.loading} data-testid="investigations-table">
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
