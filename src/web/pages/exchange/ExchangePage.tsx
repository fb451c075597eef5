/**
 * Standards exchange: pseudonymised exports (HTCDS, CTDC) for heads of unit and prosecutors, CTDC
 * imports for analysts and system administrators, and the imported global data's counts for every
 * role that may read them. What each user sees follows the permissions the server sent.
 */
import { useState } from 'react';
import { ExportHtcdsQuery, ImportCtdcQuery } from '../../../shared/api-exchange.js';
import { exportCtdc, exportHtcds, importCtdc, listCtdcImports } from '../../../shared/contracts/exchange.js';
import { download, saveFile, toApiError, type ApiIssue } from '../../api.js';
import { ActionButton } from '../../components/ActionButton.js';
import { TextField } from '../../components/Field.js';
import { Table } from '../../components/DataTable.js';
import { Form, useZodForm } from '../../components/Form.js';
import { FormText } from '../../components/FormFields.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { SubmitButton } from '../../components/FormActions.js';
import { Page } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import type { PlainKey } from '../../i18n/catalogue.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiMutation, useApiQuery } from '../../queries.js';
import { useSession } from '../../session.js';
import { Section } from '../cases/Section.js';
import { CtdcCounts } from './CtdcCounts.js';
import '../../styles/cases.css';

type Kind = { kind: 'htcds' } | { kind: 'ctdc'; format: 'global2020' | 'synthetic2024' };

/** The export buttons, in their order, with what each downloads. */
const EXPORTS: readonly { label: PlainKey; what: Kind }[] = [
  { label: 'exchange.export.htcds', what: { kind: 'htcds' } },
  { label: 'exchange.export.ctdc2020', what: { kind: 'ctdc', format: 'global2020' } },
  { label: 'exchange.export.ctdc2024', what: { kind: 'ctdc', format: 'synthetic2024' } },
];

/** The import sends the file itself (text/csv: files are larger than JSON bodies may be). */
const importCtdcFile = { ...importCtdc, bodyType: 'text/csv' };

/** One message with every issue the server listed. */
function messageOf(error: unknown): string {
  const apiError = toApiError(error);
  return [apiError.message, ...apiError.issues.map((i) => i.message)].join(' ');
}

function ExportSection() {
  const { t } = useI18n();
  const form = useZodForm(ExportHtcdsQuery);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (what: Kind) =>
    form.handleSubmit(async (period) => {
      setBusy(true);
      setDone(null);
      setError(null);
      try {
        const file =
          what.kind === 'htcds'
            ? await download(exportHtcds, 'nanduti-htcds.csv', { query: period })
            : await download(exportCtdc, 'nanduti-ctdc.csv', { query: { ...period, format: what.format } });
        saveFile(file);
        const rows = Number(file.headers.get('x-nanduti-rows') ?? 0);
        setDone(t('exchange.export.done', { file: file.fileName, rows }));
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setBusy(false);
      }
    })();

  return (
    <Section title={t('exchange.export.title')} testId="exchange-export">
      <p className="field-hint">{t('exchange.export.hint')}</p>
      <Form form={form} onSubmit={(event) => event?.preventDefault()} className="filters">
        <FormText msg="exchange.export.from" name="from" type="date" blank="undefined" />
        <FormText msg="exchange.export.to" name="to" type="date" blank="undefined" />
      </Form>
      <div className="record-section-actions">
        {EXPORTS.map(({ label, what }) => (
          <ActionButton key={label} disabled={busy} onClick={() => void run(what)}>
            {t(label)}
          </ActionButton>
        ))}
      </div>
      <LiveRegion error={error} success={done} />
    </Section>
  );
}

function ImportSection({ onImported }: { onImported: (id: string) => void }) {
  const { t } = useI18n();
  const form = useZodForm(ImportCtdcQuery);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const upload = useApiMutation(importCtdcFile, { onSuccess: (created) => onImported(created.id) });
  const issues: readonly ApiIssue[] = upload.error?.issues ?? [];

  const onSubmit = form.handleSubmit(({ label }) => {
    setMissing(!file);
    if (!file) return upload.reset();
    // The file goes as it is; the server reads it as the body's `csv`.
    upload.mutate({ query: { label: label ?? file.name }, body: file as never });
  });

  const done = upload.data && t('exchange.import.done', { count: upload.data.recordCount });
  return (
    <Section title={t('exchange.import.title')} testId="exchange-import">
      <p className="field-hint">{t('exchange.import.hint')}</p>
      <Form form={form} onSubmit={onSubmit} className="filters">
        <FormText msg="exchange.import.label" name="label" maxLength={200} blank="undefined" />
        <TextField
          label={t('exchange.import.file')}
          name="file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <div className="form-actions">
          <SubmitButton pending={upload.isPending} label={t('exchange.import.submit')} />
        </div>
      </Form>
      <LiveRegion
        error={missing ? t('exchange.import.noFile') : (upload.error?.message ?? null)}
        success={done}
      />
      {issues.length > 0 && (
        <ul className="field-error" data-testid="import-issues">
          {issues.map((issue) => (
            <li key={issue.path}>
              {/* A file's problem says its line and column in the server's words (in this language). */}
              {issue.line === undefined && issue.path !== 'csv' ? `${issue.path}: ` : ''}
              {issue.message}
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
  const [selected, setSelected] = useState<string | null>(null);
  const imports = useApiQuery(listCtdcImports, {});

  return (
    <Page title={t('exchange.title')} intro={<p>{t('exchange.intro')}</p>}>
      {can('exchange.export') && <ExportSection />}
      {can('exchange.import') && <ImportSection onImported={setSelected} />}
      <Section title={t('exchange.imports.title')} testId="exchange-imports">
        <QueryState
          query={imports}
          isEmpty={(data) => data.imports.length === 0}
          empty={t('exchange.imports.none')}
        >
          {(data) => (
            <Table
              rows={data.imports}
              rowKey={(item) => item.id}
              label={t('exchange.imports.title')}
              caption={false}
              className="table"
              columns={[
                { header: t('exchange.imports.col.label'), cell: (item) => item.label },
                {
                  header: t('exchange.imports.col.format'),
                  cell: (item) => t(`exchange.format.${item.format}`),
                },
                {
                  header: t('exchange.imports.col.records'),
                  cell: (item) => item.recordCount,
                  className: 'cell-number',
                },
                { header: t('exchange.imports.col.date'), cell: (item) => formatDate(item.importedAt) },
                {
                  header: t('exchange.imports.show'),
                  hideHeader: true,
                  cell: (item) => (
                    <button
                      type="button"
                      className="btn btn--ghost"
                      aria-pressed={selected === item.id}
                      onClick={() => setSelected(item.id)}
                    >
                      {t('exchange.imports.show')}
                    </button>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Section>
      {selected && <CtdcCounts importId={selected} key={selected} />}
    </Page>
  );
}
