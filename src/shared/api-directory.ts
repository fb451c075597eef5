/**
 * API shapes of directory administration: editing and deactivating a provider, and the bulk import
 * of the national directory from a CSV or XLSX file (docs/DIRECTORY-IMPORT.md), all or nothing.
 */
import { z } from 'zod';
import { distinctList } from './api.js';
import { CountryCode, Department } from './api-identification.js';
import { ProviderServices } from './api-protection.js';
import { LANGUAGES, SERVICE_TYPES, SEXES } from './catalogues.js';

/** The fields of a provider an administrator may change; a field left out keeps its value. */
export const UpdateProviderRequest = z
  .strictObject({
    name: z.string().trim().min(2).max(200).optional(),
    department: Department.optional(),
    /** The whole list of services: services left out are removed (refused while referrals use them). */
    services: ProviderServices.optional(),
    sexes: distinctList(z.enum(SEXES), 0, 4).optional(),
    minAge: z.number().int().min(0).max(120).nullable().optional(),
    maxAge: z.number().int().min(0).max(120).nullable().optional(),
    nationalities: distinctList(CountryCode, 0, 50).optional(),
    languages: distinctList(z.enum(LANGUAGES), 0, 4).optional(),
    hours: z.string().trim().max(200).nullable().optional(),
    contact: z.string().trim().max(200).nullable().optional(),
    /** false: the provider leaves the directory and matching (its history stays); true: back again. */
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'issue.nothingToChange');

/** The columns of an import file, in this order (a header row with these names is required). */
export const IMPORT_COLUMNS = [
  'institution',
  'name',
  'department',
  'services',
  'departments_covered',
  'capacity',
  'sexes',
  'min_age',
  'max_age',
  'languages',
  'nationalities',
  'hours',
  'contact',
] as const;
/** Columns a row must fill in. */
export const REQUIRED_IMPORT_COLUMNS: readonly (typeof IMPORT_COLUMNS)[number][] = [
  'institution',
  'name',
  'department',
  'services',
];

/** The codes of an import file's problems (each issue also names its line and column). */
export const IMPORT_ISSUE_CODES = [
  'csv_syntax',
  'xlsx_unreadable',
  'xlsx_no_sheet',
  'file_empty',
  'column_missing',
  'column_unknown',
  'no_rows',
  'too_many_rows',
  'required',
  'whole_number',
  'capacity_not_shelter',
  'shelter_needs_capacity',
  'department_code',
  'service_types',
  'sexes',
  'languages',
  'nationalities',
  'invalid_value',
  'duplicate_row',
  'institution_unknown',
  'institution_not_own',
] as const;
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];

export const ImportProvidersRequest = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  /** The file: CSV as text (UTF-8), XLSX as base64. */
  content: z.string().min(1).max(8_000_000),
  /** true: check and preview, write nothing. */
  dryRun: z.boolean().default(true),
});

export const ImportedProvider = z.object({
  line: z.number().int(),
  institutionCode: z.string(),
  name: z.string(),
  department: Department,
  services: z.array(
    z.object({
      serviceType: z.enum(SERVICE_TYPES),
      departments: z.array(Department),
      capacity: z.number().int().nullable(),
    }),
  ),
  /** Already in the directory with this name for this institution: the import updates it. */
  existing: z.boolean(),
});
export const ImportProvidersResult = z.object({
  dryRun: z.boolean(),
  /** Rows created (or that would be, in a dry run) and rows that update an existing provider. */
  created: z.number().int(),
  updated: z.number().int(),
  rows: z.array(ImportedProvider),
});
