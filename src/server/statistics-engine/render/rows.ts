/** The national report as flat rows (CSV, spreadsheet): section, figure, breakdown, value label, value. */
import type { NationalReport } from '../../../shared/api-statistics.js';
import { dimensionLabel, labelOf } from '../labels.js';

export type ReportRow = [string, string, string, string, number | string | null];

/** How a count of 1 or 2 withheld from an analyst is written (docs/PRIVACY.md). */
export const SMALL_COUNT = '<3';

const AREA_LABELS: Record<string, [string, string]> = {
  identification: ['Identificación', 'Identification'],
  protection: ['Protección', 'Protection'],
  ict: ['TIC', 'ICT'],
  prosecution: ['Persecución penal', 'Prosecution'],
  prevention: ['Prevención', 'Prevention'],
};

/** Label of an area in the report's language. */
export function areaLabel(area: string, locale: 'es' | 'en'): string {
  return AREA_LABELS[area]?.[locale === 'es' ? 0 : 1] ?? area;
}

/** Header and rows of the report, in its language. */
export function reportRows(report: NationalReport): { header: string[]; rows: ReportRow[] } {
  const { locale } = report;
  const es = locale === 'es';
  const header = es
    ? ['Sección', 'Indicador', 'Desagregación', 'Categoría', 'Valor']
    : ['Section', 'Figure', 'Breakdown', 'Category', 'Value'];
  const rows: ReportRow[] = [];
  const total = es ? 'Total' : 'Total';
  for (const section of report.sections) {
    const area = areaLabel(section.area, locale);
    const seen = new Set<string>();
    for (const figure of section.figures) {
      if (!seen.has(figure.figure)) {
        seen.add(figure.figure);
        const small = figure.smallTotals ?? [];
        rows.push([
          area,
          figure.title,
          total,
          String(report.year),
          small.includes('total') ? SMALL_COUNT : figure.total,
        ]);
        rows.push([
          area,
          figure.title,
          total,
          String(report.year - 1),
          small.includes('previousTotal') ? SMALL_COUNT : figure.previousTotal,
        ]);
      }
      if (!figure.by) continue;
      const by = figure.by;
      for (const row of figure.rows)
        rows.push([
          area,
          figure.title,
          dimensionLabel(by, locale),
          labelOf(by, row.key, locale),
          row.small ? SMALL_COUNT : row.value,
        ]);
    }
  }
  const tip = es ? 'Cuestionario TIP (EE. UU.)' : 'US TIP questionnaire';
  for (const answer of report.tip)
    rows.push([tip, answer.question, '', answer.note ?? '', answer.small ? SMALL_COUNT : answer.value]);
  for (const table of report.glotip)
    table.rowKeys.forEach((rowKey, r) =>
      table.colKeys.forEach((colKey, c) =>
        rows.push(['UNODC GLOTIP', table.title, rowKey, colKey, table.cells[r]![c] ?? SMALL_COUNT]),
      ),
    );
  return { header, rows };
}
