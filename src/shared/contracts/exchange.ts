/**
 * Standards exchange: pseudonymised case-level exports (HTCDS v2.0, CTDC) and the CTDC analysis
 * area (import a CTDC CSV, list imports, count one). docs/STANDARDS.md, docs/ACCESS-CONTROL.md.
 */

import { defineOperations } from '../contract.js';
import * as api from '../api-exchange.js';

const exchange = defineOperations({ tags: ['exchange'], purpose: 'statistics' });

export const exportHtcds = exchange.get('exportHtcds', '/api/exports/htcds', {
  summary:
    'Download the presumed victims of the cases you may see as HTCDS v2.0 CSV (pseudonymised ids, coded values only)',
  action: 'exchange.export',
  query: api.ExportHtcdsQuery,
  response: api.ExportCsv,
  download: true,
});

export const exportCtdc = exchange.get('exportCtdc', '/api/exports/ctdc', {
  summary:
    'Download the identified and presumed victims of the cases you may see in a CTDC layout (global2020 or synthetic2024), pseudonymised',
  action: 'exchange.export',
  query: api.ExportCtdcQuery,
  response: api.ExportCsv,
  download: true,
});

export const importCtdc = exchange.create('importCtdc', '/api/ctdc-imports', {
  summary:
    'Import a CTDC CSV into the analysis area (apart from case records); send JSON {csv} or the file as text/csv (up to 64 MB). A file with any invalid line is refused whole',
  action: 'exchange.import',
  query: api.ImportCtdcQuery,
  body: api.ImportCtdcBody,
  response: api.CtdcImportView,
});

export const listCtdcImports = exchange.get('listCtdcImports', '/api/ctdc-imports', {
  summary: 'List the imported CTDC files, newest first',
  action: 'exchange.read',
  response: api.CtdcImportList,
});

export const getCtdcImportCounts = exchange.get('getCtdcImportCounts', '/api/ctdc-imports/{id}/counts', {
  summary: 'Counts of an imported CTDC file by year, gender, age band, citizenship and exploitation type',
  action: 'exchange.read',
  response: api.CtdcImportCounts,
});
