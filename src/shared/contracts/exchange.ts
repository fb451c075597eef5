/**
 * Standards exchange: pseudonymised case-level exports (HTCDS v2.0, CTDC) and the CTDC analysis
 * area (import a CTDC CSV, list imports, count one). docs/STANDARDS.md, docs/ACCESS-CONTROL.md.
 */

import { defineContract } from '../contract.js';
import {
  CtdcImportCounts,
  CtdcImportList,
  CtdcImportParams,
  CtdcImportView,
  ExportCsv,
  ExportCtdcQuery,
  ExportHtcdsQuery,
  ImportCtdcBody,
  ImportCtdcQuery,
} from '../api-exchange.js';

const common = { tags: ['exchange'], purpose: 'statistics' } as const;

export const exportHtcds = defineContract({
  ...common,
  operationId: 'exportHtcds',
  method: 'GET',
  path: '/api/exports/htcds',
  summary:
    'Download the presumed victims of the cases you may see as HTCDS v2.0 CSV (pseudonymised ids, coded values only)',
  action: 'exchange.export',
  query: ExportHtcdsQuery,
  response: ExportCsv,
  download: true,
});

export const exportCtdc = defineContract({
  ...common,
  operationId: 'exportCtdc',
  method: 'GET',
  path: '/api/exports/ctdc',
  summary:
    'Download the identified and presumed victims of the cases you may see in a CTDC layout (global2020 or synthetic2024), pseudonymised',
  action: 'exchange.export',
  query: ExportCtdcQuery,
  response: ExportCsv,
  download: true,
});

export const importCtdc = defineContract({
  ...common,
  operationId: 'importCtdc',
  method: 'POST',
  path: '/api/ctdc-imports',
  summary:
    'Import a CTDC CSV into the analysis area (apart from case records); send JSON {csv} or the file as text/csv (up to 64 MB). A file with any invalid line is refused whole',
  action: 'exchange.import',
  query: ImportCtdcQuery,
  body: ImportCtdcBody,
  response: CtdcImportView,
  status: 201,
});

export const listCtdcImports = defineContract({
  ...common,
  operationId: 'listCtdcImports',
  method: 'GET',
  path: '/api/ctdc-imports',
  summary: 'List the imported CTDC files, newest first',
  action: 'exchange.read',
  response: CtdcImportList,
});

export const getCtdcImportCounts = defineContract({
  ...common,
  operationId: 'getCtdcImportCounts',
  method: 'GET',
  path: '/api/ctdc-imports/{id}/counts',
  summary: 'Counts of an imported CTDC file by year, gender, age band, citizenship and exploitation type',
  action: 'exchange.read',
  params: CtdcImportParams,
  response: CtdcImportCounts,
});
