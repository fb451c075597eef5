/**
 * API shapes of the standards exchange: pseudonymised case-level exports (HTCDS v2.0, CTDC) and the
 * CTDC analysis area (imported global data, kept apart from case records). docs/STANDARDS.md.
 */
import { z } from 'zod';
import { Uuid } from './api.js';
import { IsoDate } from './api-identification.js';

/** CTDC layouts: the 2020 global dataset (codebook v6) and the 2024 synthetic dataset (codebook v2). */
export const CTDC_FORMATS = ['global2020', 'synthetic2024'] as const;
export const CtdcFormat = z.enum(CTDC_FORMATS);
/** Largest CTDC file accepted (the 2020 global dataset is about 7 MB). */
export const CTDC_MAX_BYTES = 64 * 1024 * 1024;

/** Which cases an export holds: detected between `from` and `to` (inclusive), both optional. */
export const ExportHtcdsQuery = z
  .strictObject({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'issue.fromAfterTo',
    path: ['to'],
  });
/**
 * What a CTDC export does with quasi-identifier combinations shared by fewer than k victims:
 * generalise them (then leave out what is still rare), or refuse the export naming them.
 */
export const CTDC_SMALL_CELLS = ['generalise', 'refuse'] as const;
export const ExportCtdcQuery = z
  .strictObject({
    format: CtdcFormat.default('global2020'),
    smallCells: z.enum(CTDC_SMALL_CELLS).default('generalise'),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'issue.fromAfterTo',
    path: ['to'],
  });
/** The CSV file itself (RFC 4180, UTF-8, header line first). */
export const ExportCsv = z.string();

/** The body of importCtdc: the CSV text. Large files are sent as `text/csv` instead. */
export const ImportCtdcBody = z.strictObject({ csv: z.string().min(1).max(CTDC_MAX_BYTES) });
export const ImportCtdcQuery = z.strictObject({
  /** A name for the import, e.g. the file name (no personal data: it is shown to every reader). */
  label: z.string().trim().min(1).max(200).optional(),
});

export const CtdcImportView = z.object({
  id: Uuid,
  label: z.string(),
  format: CtdcFormat,
  sha256: z.string(),
  recordCount: z.number().int(),
  columns: z.array(z.string()),
  importedAt: z.string(),
});
export const CtdcImportList = z.object({ imports: z.array(CtdcImportView) });

const Count = z.object({ key: z.string(), count: z.number().int() });
/**
 * Plain counts of an imported file (no suppression: CTDC publishes it already de-identified).
 * Missing values are counted under `missing`. An exploitation type counts the records where it is 1.
 */
export const CtdcImportCounts = z.object({
  import: CtdcImportView,
  total: z.number().int(),
  byYear: z.array(Count),
  byGender: z.array(Count),
  byAgeBroad: z.array(Count),
  byCitizenship: z.array(Count),
  byExploitationType: z.array(Count),
});
