/**
 * The CTDC import's problems, per stable code, in Spanish, Guaraní and English (merged in
 * core/messages.ts). Each says where (line, column) and what to fix, never what the cell held.
 */
import type { Locale } from '../../../shared/roles.js';

export const exchangeMessages = {
  ctdc_csv_syntax: {
    es: 'Línea {line}: el CSV está mal formado (una comilla sin cerrar o fuera de lugar).',
    gn: "Línea {line}: pe CSV ndojejapoporãi (peteĩ comilla ndoñemboty'ýi térã oĩ ndoikotevẽiháme).",
    en: 'Line {line}: the CSV is not well formed (a quote not closed, or a stray quote).',
  },
  ctdc_file_empty: {
    es: 'El archivo está vacío: falta la línea de encabezado.',
    gn: 'Pe archivo nandi: ndaipóri línea encabezado rehegua.',
    en: 'The file is empty: a header line is required.',
  },
  ctdc_no_records: {
    es: 'El archivo tiene encabezado pero ningún registro.',
    gn: "Pe archivo oguereko encabezado, ndoguerekói katu mba'eve registro.",
    en: 'The file has a header but no records.',
  },
  ctdc_column_missing: {
    es: 'Línea {line}: falta la columna obligatoria «{column}».',
    gn: 'Línea {line}: ndaipóri columna «{column}», tekotevẽva.',
    en: 'Line {line}: the required column "{column}" is missing.',
  },
  ctdc_column_twice: {
    es: 'Línea {line}: la columna «{column}» aparece dos veces.',
    gn: 'Línea {line}: columna «{column}» oĩ mokõi jey.',
    en: 'Line {line}: the column "{column}" appears twice.',
  },
  ctdc_field_count: {
    es: 'Línea {line}: se esperaban {expected} campos y hay {found}.',
    gn: "Línea {line}: oñeha'arõ {expected} kuatia'i, oĩ katu {found}.",
    en: 'Line {line}: expected {expected} fields, found {found}.',
  },
  ctdc_expected_year: {
    es: 'Línea {line}, columna «{column}»: se espera un año entre 1990 y 2100, o vacío.',
    gn: "Línea {line}, columna «{column}»: oñeha'arõ peteĩ ary 1990 guive 2100 peve, térã nandi.",
    en: 'Line {line}, column "{column}": expected a year between 1990 and 2100, or empty.',
  },
  ctdc_expected_one_of: {
    es: 'Línea {line}, columna «{column}»: se espera uno de {values}, o vacío.',
    gn: "Línea {line}, columna «{column}»: oñeha'arõ peteĩ ko'ã apytégui: {values}, térã nandi.",
    en: 'Line {line}, column "{column}": expected one of {values}, or empty.',
  },
  ctdc_expected_country: {
    es: 'Línea {line}, columna «{column}»: se espera un código de país ISO 3166-1 (alfa-2 o alfa-3), o vacío.',
    gn: "Línea {line}, columna «{column}»: oñeha'arõ peteĩ tetã código ISO 3166-1 (alfa-2 térã alfa-3), térã nandi.",
    en: 'Line {line}, column "{column}": expected an ISO 3166-1 alpha-2 or alpha-3 country code, or empty.',
  },
  ctdc_expected_flag: {
    es: 'Línea {line}, columna «{column}»: se espera 1, 0 o vacío (-99, NULL).',
    gn: "Línea {line}, columna «{column}»: oñeha'arõ 1, 0 térã nandi (-99, NULL).",
    en: 'Line {line}, column "{column}": expected 1, 0 or empty (-99, NULL).',
  },
  ctdc_more_lines: {
    es: 'Otras {count} líneas tienen problemas.',
    gn: 'Ambue {count} línea oguereko apañuái.',
    en: '{count} more lines have problems.',
  },
} satisfies Record<string, Record<Locale, string>>;

export type ExchangeMessageCode = keyof typeof exchangeMessages;
