/**
 * The national report as PDF (pdfkit): for each figure its total, the year-over-year change and each
 * breakdown as a table with a bar chart; then the TIP questionnaire answers and the GLOTIP tables.
 */
import PDFDocument from 'pdfkit';
import type { NationalReport, StatisticsResult } from '../../../shared/api-statistics.js';
import { dimensionLabel, labelOf } from '../labels.js';
import { SMALL_COUNT, areaLabel } from './rows.js';

type Doc = InstanceType<typeof PDFDocument>;
const LEFT = 50;
const WIDTH = 495;

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - 60) doc.addPage();
}

/** A value; a count withheld from an analyst (`small`) as "<3", a missing one as a dash. */
function number(value: number | null, locale: string, small = false): string {
  if (small) return SMALL_COUNT;
  return value === null ? '—' : value.toLocaleString(locale === 'es' ? 'es-PY' : 'en-GB');
}

function breakdown(doc: Doc, figure: StatisticsResult, locale: 'es' | 'en'): void {
  const by = figure.by!;
  ensureSpace(doc, 40);
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(`${figure.title} — ${dimensionLabel(by, locale)}`, LEFT);
  doc.moveDown(0.2);
  const max = Math.max(1, ...figure.rows.map((r) => r.value ?? 0));
  for (const row of figure.rows) {
    ensureSpace(doc, 14);
    const y = doc.y;
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(labelOf(by, row.key, locale), LEFT, y, { width: 190, lineBreak: false });
    doc.text(number(row.value, locale, row.small), LEFT + 195, y, {
      width: 50,
      align: 'right',
      lineBreak: false,
    });
    // The chart: one bar per value, to scale.
    doc.rect(LEFT + 255, y + 1, Math.max(0.5, ((row.value ?? 0) / max) * (WIDTH - 260)), 7).fill('#2f6f9f');
    doc.fillColor('black');
    doc.y = y + 11;
  }
  if (figure.multiValued)
    doc
      .fontSize(7)
      .fillColor('#555')
      .text(
        locale === 'es'
          ? 'Una persona puede contar en varias categorías.'
          : 'A person may count in several categories.',
        LEFT,
      );
  doc.fillColor('black').moveDown(0.6);
}

/** The report as a PDF file. */
export async function reportPdf(report: NationalReport): Promise<Buffer> {
  const { locale } = report;
  const es = locale === 'es';
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Ñandutí ${report.year}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(
      es
        ? `Informe nacional sobre trata de personas ${report.year}`
        : `National report on trafficking in persons ${report.year}`,
    );
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#555')
    .text(
      es
        ? `Calculado por Ñandutí a partir de los registros, ${report.generatedAt.slice(0, 10)}. Definiciones: docs/STATISTICS.md.`
        : `Computed by Ñandutí from the records, ${report.generatedAt.slice(0, 10)}. Definitions: docs/STATISTICS.md.`,
    );
  doc.fillColor('black').moveDown();
  for (const section of report.sections) {
    ensureSpace(doc, 60);
    doc.font('Helvetica-Bold').fontSize(14).text(areaLabel(section.area, locale), LEFT).moveDown(0.3);
    const seen = new Set<string>();
    for (const figure of section.figures) {
      if (!seen.has(figure.figure)) {
        seen.add(figure.figure);
        ensureSpace(doc, 50);
        const change =
          figure.changePercent === null
            ? ''
            : ` (${figure.changePercent > 0 ? '+' : ''}${figure.changePercent} % ${es ? 'respecto de' : 'vs'} ${report.year - 1})`;
        doc
          .font('Helvetica-Bold')
          .fontSize(11)
          .text(
            `${figure.title}: ${number(figure.total, locale, figure.smallTotals?.includes('total'))}${change}`,
            LEFT,
          );
        doc
          .font('Helvetica')
          .fontSize(8)
          .fillColor('#444')
          .text(figure.definition, LEFT, undefined, { width: WIDTH });
        doc.fillColor('black').moveDown(0.4);
      }
      if (figure.by && figure.rows.length) breakdown(doc, figure, locale);
    }
  }
  doc.addPage();
  doc
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(es ? 'Cuestionario del informe TIP (EE. UU.)' : 'US TIP report questionnaire')
    .moveDown(0.3);
  for (const answer of report.tip) {
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(
        `${answer.question}: ${number(answer.value, locale, answer.small)}${answer.note ? ` — ${answer.note}` : ''}`,
      );
  }
  doc.moveDown();
  for (const table of report.glotip) {
    ensureSpace(doc, 40);
    doc.font('Helvetica-Bold').fontSize(11).text(`UNODC GLOTIP — ${table.title}`, LEFT).moveDown(0.2);
    const colWidth = Math.min(90, (WIDTH - 160) / Math.max(1, table.colKeys.length));
    let y = doc.y;
    doc.font('Helvetica-Bold').fontSize(8);
    table.colKeys.forEach((key, c) =>
      doc.text(key, LEFT + 160 + c * colWidth, y, { width: colWidth, align: 'right', lineBreak: false }),
    );
    doc.y = y + 12;
    table.rowKeys.forEach((key, r) => {
      ensureSpace(doc, 12);
      y = doc.y;
      doc.font('Helvetica').text(key, LEFT, y, { width: 155, lineBreak: false });
      table.cells[r]!.forEach((value, c) =>
        doc.text(number(value, locale, value === null), LEFT + 160 + c * colWidth, y, {
          width: colWidth,
          align: 'right',
          lineBreak: false,
        }),
      );
      doc.y = y + 11;
    });
    doc.moveDown();
  }
  doc.end();
  return done;
}
