/**
 * The statistics engine's refusals, per stable code, in Spanish, Guaraní and English (merged in
 * core/messages.ts). A figure, filter or breakdown is named by its API name (what the request sent).
 */
import type { Locale } from '../../shared/roles.js';

export const statisticsMessages = {
  figure_filter: {
    es: 'La cifra «{figure}» no se puede filtrar por «{filter}». Filtros posibles: {allowed}.',
    gn: "Papapy «{figure}» ndaikatúi oñemboja'o «{filter}» rupive. Ikatúva: {allowed}.",
    en: 'The figure "{figure}" cannot be filtered by "{filter}". Possible filters: {allowed}.',
  },
  figure_ict: {
    es: 'La cifra «{figure}» solo distingue ict=online o ict=offline.',
    gn: 'Papapy «{figure}» ohechauka ict=online térã ict=offline añoite.',
    en: 'The figure "{figure}" distinguishes only ict=online or ict=offline.',
  },
  figure_breakdown: {
    es: 'La cifra «{figure}» no se puede desglosar por «{by}». Desgloses posibles: {allowed}.',
    gn: "Papapy «{figure}» ndaikatúi oñemboja'o «{by}» rupive. Ikatúva: {allowed}.",
    en: 'The figure "{figure}" cannot be broken down by "{by}". Possible breakdowns: {allowed}.',
  },
  figure_no_drill: {
    es: 'La cifra «{figure}» no muestra los casos detrás del número: solo las cifras de identificación, protección y TIC los muestran.',
    gn: 'Papapy «{figure}» nohechaukái umi káso oĩva papapy rapykuéri: ohechaukáva umi papapy identificación, protección ha TIC rehegua añoite.',
    en: 'The figure "{figure}" has no drill-down: only identification, protection and ICT figures show the cases behind the number.',
  },
} satisfies Record<string, Record<Locale, string>>;
