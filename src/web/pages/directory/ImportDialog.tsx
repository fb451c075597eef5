/**
 * Imports the directory from a CSV or XLSX file (docs/DIRECTORY-IMPORT.md): the file is first sent
 * as a dry run, which lists what would be created or updated, or every invalid row by line and
 * column; only a clean preview can be confirmed, and the confirmation sends the same file again.
 */
import { CancelButton } from '../../components/FormActions.js';
import { useState } from 'react';
import type { z } from 'zod';
import { IMPORT_ISSUE_CODES, type ImportProvidersResult } from '../../../shared/api-directory.js';
import { importServiceProviders } from '../../../shared/contracts/providers.js';
import { ApiError, toApiError, type ApiIssue } from '../../api.js';
import { Table } from '../../components/DataTable.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Modal } from '../../components/Modal.js';
import { departmentName } from '../../departments.js';
import type { MessageKey, Translate } from '../../i18n/catalogue.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { useApiMutation } from '../../queries.js';

type Result = z.output<typeof ImportProvidersResult>;
interface Loaded {
  name: string;
  format: 'csv' | 'xlsx';
  content: string;
}

/** The file's content as the API takes it: CSV as text, XLSX as base64. */
async function readFile(file: File): Promise<Loaded> {
  const xlsx = /\.xlsx$/i.test(file.name);
  if (!xlsx) return { name: file.name, format: 'csv', content: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, format: 'xlsx', content: btoa(binary) };
}

/**
 * Where a problem is and what it is, in the user's language: the server sends each row's problem
 * as a code with its line and column (the English message is for other API clients).
 */
function issueText(t: Translate, issue: ApiIssue): { at: string; text: string } {
  const known = (IMPORT_ISSUE_CODES as readonly string[]).includes(issue.code ?? '');
  if (!known || issue.line === undefined) return { at: issue.path, text: issue.message };
  const line = String(issue.line);
  const at =
    issue.field && issue.field !== '*'
      ? t('directoryImport.atCell', { line, column: issue.field })
      : t('directoryImport.atLine', { line });
  // The code is one of the catalogue's; its arguments (name, max, earlier) come with it.
  const translate = t as unknown as (key: MessageKey, args: Record<string, string | number>) => string;
  const params = Object.fromEntries(Object.entries(issue.params ?? {}).map(([k, v]) => [k, String(v)]));
  return { at, text: translate(`directoryImport.issue.${issue.code}` as MessageKey, params) };
}

export function ImportDialog(props: { onClose(): void; onImported(message: string): void }) {
  const { t, locale } = useI18n();
  const [file, setFile] = useState<Loaded | null>(null);
  const [preview, setPreview] = useState<Result | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const mutation = useApiMutation(importServiceProviders);

  async function send(dryRun: boolean) {
    if (!file) return;
    setError(null);
    try {
      const result = await mutation.mutateAsync({
        body: { format: file.format, content: file.content, dryRun },
      });
      if (dryRun) setPreview(result);
      else
        props.onImported(t('directoryAdmin.imported', { created: result.created, updated: result.updated }));
    } catch (caught) {
      setPreview(null);
      setError(toApiError(caught));
    }
  }

  async function onFile(chosen: File | undefined) {
    setPreview(null);
    setError(null);
    setFile(chosen ? await readFile(chosen) : null);
  }

  return (
    <Modal title={t('directoryAdmin.importTitle')} onClose={props.onClose}>
      <div className="form" data-testid="import-dialog">
        <p>{t('directoryAdmin.importIntro')}</p>
        <div className="field">
          <label htmlFor="directory-file">{t('directoryAdmin.file')}</label>
          <input
            id="directory-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => void onFile(event.target.files?.[0])}
            data-testid="import-file"
          />
        </div>
        <LiveRegion error={error?.message ?? null} />
        {error && error.issues.length > 0 && (
          <ul className="import-issues" data-testid="import-issues">
            {error.issues.map((issue) => {
              const { at, text } = issueText(t, issue);
              return (
                <li key={`${issue.path}:${issue.code ?? issue.message}`}>
                  <strong>{at}</strong>: {text}
                </li>
              );
            })}
          </ul>
        )}
        {preview && (
          <>
            <p data-testid="import-summary" aria-live="polite">
              {t('directoryAdmin.previewSummary', { created: preview.created, updated: preview.updated })}
            </p>
            <Table
              rows={preview.rows}
              rowKey={(row) => row.line}
              className="table"
              rowHeads={false}
              testId="import-preview"
              columns={[
                { header: t('directoryAdmin.line'), cell: (row) => row.line },
                { header: t('directoryAdmin.institution'), cell: (row) => row.institutionCode },
                { header: t('directoryAdmin.name'), cell: (row) => row.name },
                { header: t('directoryAdmin.department'), cell: (row) => departmentName(row.department) },
                {
                  header: t('directoryAdmin.services'),
                  cell: (row) =>
                    row.services
                      .map((service) => valueLabel(locale, 'SERVICE_TYPES', service.serviceType))
                      .join(', '),
                },
                {
                  header: t('directoryAdmin.action'),
                  cell: (row) =>
                    row.existing ? t('directoryAdmin.willUpdate') : t('directoryAdmin.willCreate'),
                },
              ]}
            />
          </>
        )}
        <div className="form-actions">
          {preview ? (
            <button
              type="button"
              className="btn btn--primary"
              disabled={mutation.isPending}
              onClick={() => void send(false)}
              data-testid="import-confirm"
            >
              {mutation.isPending ? t('action.working') : t('directoryAdmin.confirmImport')}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn--primary"
              disabled={!file || mutation.isPending}
              onClick={() => void send(true)}
              data-testid="import-preview-button"
            >
              {mutation.isPending ? t('action.working') : t('directoryAdmin.preview')}
            </button>
          )}
          <CancelButton onCancel={props.onClose} />
        </div>
      </div>
    </Modal>
  );
}
