/**
 * Standards exchange: pseudonymised exports (HTCDS, CTDC) for heads of unit and prosecutors, CTDC
 * imports for analysts and system administrators, and the imported global data's counts for every
 * role that may read them. What each user sees follows the permissions the server sent.
 */
import { useState, type FormEvent } from 'react';
import * as api from '../../api-legacy.js';
import { TextField } from '../../components/Field.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session.js';
import { Section } from '../cases/Section.js';
import { CtdcCounts } from './CtdcCounts.js';
import '../../styles/cases.css';

type Kind = { kind: 'htcds' } | { kind: 'ctdc'; format: 'global2020' | 'synthetic2024' };

/** Hands a downloaded file to the browser as a save. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function ExportSection() {
  const { t } = useI18n();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(what: Kind) {
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      const query = { from: from || undefined, to: to || undefined };
      const file = await api.downloadExport(
        what.kind,
        what.kind === 'ctdc' ? { ...query, format: what.format } : query,
      );
      save(file.blob, file.fileName);
      setDone(t('exchange.export.done', { file: file.fileName, rows: file.rows }));
    } catch (e) {
      const apiError = api.toApiError(e);
      setError([apiError.message, ...apiError.issues.map((i) => i.message)].join(' '));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('exchange.export.title')} testId="exchange-export">
      <p className="field-hint">{t('exchange.export.hint')}</p>
      <div className="filters">
        <TextField
          label={t('exchange.export.from')}
          name="from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          label={t('exchange.export.to')}
          name="to"
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
      </div>
      <div className="record-section-actions">
        <button type="button" className="btn" disabled={busy} onClick={() => run({ kind: 'htcds' })}>
          {t('exchange.export.htcds')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => run({ kind: 'ctdc', format: 'global2020' })}
        >
          {t('exchange.export.ctdc2020')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => run({ kind: 'ctdc', format: 'synthetic2024' })}
        >
          {t('exchange.export.ctdc2024')}
        </button>
      </div>
      <LiveRegion error={error} success={done} />
    </Section>
  );
}

function ImportSection({ onImported }: { onImported: (id: string) => void }) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<import('../../api.js').ApiIssue[]>([]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setIssues([]);
    if (!file) {
      setError(t('exchange.import.noFile'));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const created = await api.importCtdcFile(file, label.trim() || file.name);
      setDone(t('exchange.import.done', { count: created.recordCount }));
      onImported(created.id);
    } catch (e) {
      const apiError = api.toApiError(e);
      setError(apiError.message);
      setIssues([...apiError.issues]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('exchange.import.title')} testId="exchange-import">
      <p className="field-hint">{t('exchange.import.hint')}</p>
      <form className="filters" onSubmit={onSubmit}>
        <TextField
          label={t('exchange.import.label')}
          name="label"
          maxLength={200}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <TextField
          label={t('exchange.import.file')}
          name="file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? t('action.working') : t('exchange.import.submit')}
          </button>
        </div>
      </form>
      <LiveRegion error={error} success={done} />
      {issues.length > 0 && (
        <ul className="field-error" data-testid="import-issues">
          {issues.map((issue) => (
            <li key={issue.path}>
              {issue.path}: {issue.message}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function ExchangePage() {
  const { t, formatDate } = useI18n();
  const { can } = useSession();
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const imports = useLoad(() => api.listCtdcImports(), String(version));

  return (
    <Page title={t('exchange.title')} intro={<p>{t('exchange.intro')}</p>}>
      {can('exchange.export') && <ExportSection />}
      {can('exchange.import') && (
        <ImportSection
          onImported={(id) => {
            setSelected(id);
            setVersion((v) => v + 1);
          }}
        />
      )}
      <Section title={t('exchange.imports.title')} testId="exchange-imports">
        {imports.error ? (
          <LoadError error={imports.error} onRetry={imports.reload} />
        ) : !imports.data ? (
          <Loading />
        ) : imports.data.imports.length === 0 ? (
          <p className="empty">{t('exchange.imports.none')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-label={t('exchange.imports.title')} tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('exchange.imports.col.label')}</th>
                  <th scope="col">{t('exchange.imports.col.format')}</th>
                  <th scope="col">{t('exchange.imports.col.records')}</th>
                  <th scope="col">{t('exchange.imports.col.date')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('exchange.imports.show')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {imports.data.imports.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">{item.label}</th>
                    <td>{t(`exchange.format.${item.format}`)}</td>
                    <td className="cell-number">{item.recordCount}</td>
                    <td>{formatDate(item.importedAt)}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn--ghost"
                        aria-pressed={selected === item.id}
                        onClick={() => setSelected(item.id)}
                      >
                        {t('exchange.imports.show')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      {selected && <CtdcCounts importId={selected} key={`${selected}-${version}`} />}
    </Page>
  );
}
