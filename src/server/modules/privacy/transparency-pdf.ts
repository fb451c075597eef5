/**
 * The access report and the consent receipt as PDF (pdfkit), in Spanish, Guaraní or English. The
 * text font is DejaVu Sans (npm `dejavu-fonts-ttf`, embedded and subset by pdfkit), which has the
 * Guaraní letters the standard PDF fonts lack (ẽ ĩ ũ ỹ g̃). The document's language is set (/Lang),
 * so screen readers read it in the right language.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { z } from 'zod';
import type { AccessReport, ConsentReceipt } from '../../../shared/api-privacy.js';

type Locale = 'es' | 'gn' | 'en';
type Doc = InstanceType<typeof PDFDocument>;

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const LEFT = 50;
const WIDTH = 495;

const T = {
  reportTitle: {
    es: 'Informe de accesos a sus datos',
    gn: 'Marandu mávapa ohecha ne mba’ekuaarã',
    en: 'Report of access to your data',
  },
  reportIntro: {
    es: 'Este informe muestra qué instituciones y funciones vieron, cambiaron o recibieron sus datos en Ñandutí, cuándo y para qué. Los nombres del personal no se muestran.',
    gn: 'Ko marandu ohechauka mba’e institución ha tembiapo ohecha, omoambue térã ohupyty ne mba’ekuaarã Ñandutí-pe, araka’e ha mba’erã. Umi omba’apóva réra ndojehechaukái.',
    en: 'This report shows which institutions and roles saw, changed or received your data in Ñandutí, when and why. Staff names are not shown.',
  },
  reportIntroNames: {
    es: 'Este informe muestra quién vio, cambió o recibió sus datos en Ñandutí, cuándo y para qué. Por decisión del Delegado de Protección de Datos se muestran los nombres del personal.',
    gn: 'Ko marandu ohechauka máva ohecha, omoambue térã ohupyty ne mba’ekuaarã Ñandutí-pe, araka’e ha mba’erã. Delegado de Protección de Datos he’i rupi, ojehechauka umi omba’apóva réra.',
    en: 'This report shows who saw, changed or received your data in Ñandutí, when and why. By the Data Protection Officer’s decision staff names are shown.',
  },
  generated: { es: 'Generado', gn: 'Ojejapo', en: 'Generated' },
  person: { es: 'Registro', gn: 'Kuatia', en: 'Record' },
  none: {
    es: 'Nadie accedió a sus datos.',
    gn: 'Avave ndohechái ne mba’ekuaarã.',
    en: 'Nobody accessed your data.',
  },
  colDate: { es: 'Fecha', gn: 'Ára', en: 'Date' },
  colWho: { es: 'Institución y función', gn: 'Institución ha tembiapo', en: 'Institution and role' },
  colWhat: { es: 'Qué', gn: 'Mba’e', en: 'What' },
  colWhy: { es: 'Para qué', gn: 'Mba’erã', en: 'Why' },
  times: { es: 'veces', gn: 'jey', en: 'times' },
  consentUnder: { es: 'Consentimiento del', gn: 'Moneĩ', en: 'Consent of' },
  receiptTitle: { es: 'Comprobante de consentimiento', gn: 'Kuatia moneĩ rehegua', en: 'Consent receipt' },
  receiptIntro: {
    es: 'Guarde este comprobante. Dice para qué dio su consentimiento, qué datos se comparten y con quién, hasta cuándo y cómo retirarlo.',
    gn: 'Eñongatu ko kuatia. He’i mba’erã remoneĩ, mba’e mba’ekuaarã ojekomparti ha máva ndive, araka’e peve ha mba’éicha reipe’a.',
    en: 'Keep this receipt. It says what you consented to, which data is shared and with whom, until when, and how to withdraw.',
  },
  receiptId: { es: 'Comprobante N.º', gn: 'Kuatia papapy', en: 'Receipt no.' },
  consentId: { es: 'Consentimiento N.º', gn: 'Moneĩ papapy', en: 'Consent no.' },
  state: { es: 'Estado', gn: 'Mba’éichapa oĩ', en: 'State' },
  given: { es: 'Dado', gn: 'Oñeme’ẽ', en: 'Given' },
  withdrawn: { es: 'Retirado', gn: 'Ojeipe’a', en: 'Withdrawn' },
  exception: {
    es: 'Excepción por el interés superior del niño',
    gn: 'Excepción mitã rekoporã rehehápe',
    en: 'Best-interest exception for a child',
  },
  controller: {
    es: 'Responsable de sus datos',
    gn: 'Oñangarekóva ne mba’ekuaarãre',
    en: 'Controller of your data',
  },
  purposes: { es: 'Para qué (servicios)', gn: 'Mba’erã (servicio)', en: 'Purposes (services)' },
  categories: { es: 'Datos que se comparten', gn: 'Mba’ekuaarã ojekompartíva', en: 'Data shared' },
  recipients: { es: 'Quiénes los reciben', gn: 'Máva ohupyty', en: 'Recipients' },
  noRecipients: {
    es: 'Todavía nadie (solo si se hace una derivación).',
    gn: 'Avave gueteri (derivación ojejapóramo añoite).',
    en: 'Nobody yet (only when a referral is made).',
  },
  givenOn: { es: 'Fecha', gn: 'Ára', en: 'Date' },
  method: { es: 'Forma', gn: 'Mba’éicha', en: 'Method' },
  expiry: { es: 'Vigencia', gn: 'Araka’e peve', en: 'Expiry' },
  howToWithdraw: { es: 'Cómo retirarlo', gn: 'Mba’éicha reipe’a', en: 'How to withdraw' },
  standard: {
    es: 'Campos según la norma ISO/IEC TS 27560 (registros de consentimiento).',
    gn: 'Umi kuatia’i ISO/IEC TS 27560 he’iháicha (moneĩ rehegua).',
    en: 'Fields after ISO/IEC TS 27560 (consent records).',
  },
} satisfies Record<string, Record<Locale, string>>;

const KIND: Record<string, Record<Locale, string>> = {
  read: { es: 'Vio su registro', gn: 'Ohecha ne kuatia', en: 'Saw your record' },
  changed: { es: 'Registró o cambió datos', gn: 'Ohai térã omoambue', en: 'Recorded or changed data' },
  received: {
    es: 'Recibió datos (derivación)',
    gn: 'Ohupyty mba’ekuaarã (derivación)',
    en: 'Received data (referral)',
  },
  shown_in_search: {
    es: 'Su nombre apareció en una búsqueda',
    gn: 'Nde réra osẽ peteĩ jeheka’ápe',
    en: 'Your name appeared in a search',
  },
  break_glass: {
    es: 'Acceso de emergencia (revisado por el Delegado)',
    gn: 'Jeike pya’e (Delegado ohecha jeýva)',
    en: 'Emergency access (reviewed by the Officer)',
  },
  // Guaraní wording to be reviewed (as the web's review.json marks new wording).
  break_glass_awaiting_review: {
    es: 'Acceso de emergencia (pendiente de revisión del Delegado)',
    gn: 'Jeike pya’e (Delegado ohecha’ỹ gueteri)',
    en: 'Emergency access (awaiting the Officer’s review)',
  },
};

const ROLE: Record<string, Record<Locale, string>> = {
  case_worker: { es: 'Personal de atención', gn: 'Omba’apóva ñangarekópe', en: 'Case worker' },
  supervisor: { es: 'Supervisión', gn: 'Omaña’ãva', en: 'Supervisor' },
  prosecutor: { es: 'Fiscalía', gn: 'Fiscalía', en: 'Prosecutor' },
  analyst: { es: 'Análisis', gn: 'Ohesa’ỹijóva', en: 'Analyst' },
  dpo: {
    es: 'Delegado de Protección de Datos',
    gn: 'Delegado de Protección de Datos',
    en: 'Data Protection Officer',
  },
  institution_admin: { es: 'Administración', gn: 'Ñangarekoha', en: 'Administrator' },
  system_admin: { es: 'Administración', gn: 'Ñangarekoha', en: 'Administrator' },
  institution: { es: 'Institución', gn: 'Institución', en: 'Institution' },
};

const PURPOSE: Record<string, Record<Locale, string>> = {
  case_management: { es: 'Atención del caso', gn: 'Káso ñangareko', en: 'Case management' },
  referral: { es: 'Derivación a un servicio', gn: 'Servicio-pe ñemondo', en: 'Referral to a service' },
  investigation: { es: 'Investigación penal', gn: 'Jeporeka penal', en: 'Criminal investigation' },
  statistics: { es: 'Estadística', gn: 'Papapy', en: 'Statistics' },
  administration: { es: 'Administración', gn: 'Ñangareko', en: 'Administration' },
  audit: {
    es: 'Control de protección de datos',
    gn: 'Mba’ekuaarã ñangareko',
    en: 'Data protection oversight',
  },
  data_subject_request: { es: 'Su pedido', gn: 'Nde jerure', en: 'Your request' },
  break_glass: { es: 'Emergencia', gn: 'Apañuãi', en: 'Emergency' },
};

const label = (table: Record<string, Record<Locale, string>>, key: string | null, locale: Locale) =>
  key === null ? '—' : (table[key]?.[locale] ?? key);

function newDoc(locale: Locale, title: string): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang: locale,
    info: { Title: title },
    displayTitle: true,
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('bold').fontSize(16).text(title, LEFT, 50, { width: WIDTH });
  doc.moveDown(0.5);
  return { doc, done };
}

function field(doc: Doc, name: string, value: string): void {
  if (doc.y > doc.page.height - 100) doc.addPage();
  doc.font('bold').fontSize(9).fillColor('#333').text(name, LEFT, doc.y, { width: WIDTH });
  doc.font('body').fontSize(10).fillColor('black').text(value, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.5);
}

/** The access report as a PDF. */
export async function accessReportPdf(report: z.output<typeof AccessReport>): Promise<Buffer> {
  const l = report.locale;
  const { doc, done } = newDoc(l, T.reportTitle[l]);
  doc
    .font('body')
    .fontSize(10)
    .text(report.staffNamesShown ? T.reportIntroNames[l] : T.reportIntro[l], { width: WIDTH });
  doc.moveDown(0.4);
  doc.fontSize(8).fillColor('#555');
  doc.text(`${T.generated[l]}: ${report.generatedAt.slice(0, 10)} · ${T.person[l]}: ${report.personId}`);
  doc.fillColor('black').moveDown(0.8);
  if (report.entries.length === 0) doc.fontSize(10).text(T.none[l]);
  const cols = [LEFT, LEFT + 70, LEFT + 250, LEFT + 390];
  const widths = [65, 175, 135, 105];
  const row = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - 80) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'bold' : 'body').fontSize(8);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: widths[i] }));
    cells.forEach((c, i) => doc.text(c, cols[i], y, { width: widths[i] }));
    doc.y = y + Math.max(...heights) + 4;
  };
  if (report.entries.length > 0) row([T.colDate[l], T.colWho[l], T.colWhat[l], T.colWhy[l]], true);
  for (const e of report.entries) {
    const who = [`${e.institutionCode} — ${e.institutionName}`, label(ROLE, e.role, l), e.staff]
      .filter(Boolean)
      .join('\n');
    const what = `${label(KIND, e.awaitingReview ? 'break_glass_awaiting_review' : e.kind, l)}${e.times > 1 ? ` (${e.times} ${T.times[l]})` : ''}`;
    const why = [label(PURPOSE, e.purpose, l), e.consent ? `${T.consentUnder[l]} ${e.consent.givenOn}` : null]
      .filter(Boolean)
      .join('\n');
    row([e.on, who, what, why]);
  }
  doc.end();
  return done;
}

/** The consent receipt as a PDF. */
export async function consentReceiptPdf(receipt: z.output<typeof ConsentReceipt>): Promise<Buffer> {
  const l = receipt.locale;
  const { doc, done } = newDoc(l, T.receiptTitle[l]);
  doc.font('body').fontSize(10).text(T.receiptIntro[l], { width: WIDTH });
  doc.moveDown(0.8);
  field(doc, T.receiptId[l], receipt.receiptId);
  field(doc, T.consentId[l], receipt.consentId);
  field(
    doc,
    T.state[l],
    [
      receipt.state === 'withdrawn' ? T.withdrawn[l] : T.given[l],
      receipt.kind === 'best_interest_exception' ? T.exception[l] : null,
    ]
      .filter(Boolean)
      .join(' — '),
  );
  field(doc, T.controller[l], `${receipt.controller.code} — ${receipt.controller.name}`);
  field(doc, T.purposes[l], receipt.purposes.join('\n') || '—');
  field(doc, T.categories[l], receipt.dataCategories.join('\n') || '—');
  field(
    doc,
    T.recipients[l],
    receipt.recipients.length
      ? receipt.recipients.map((r) => `${r.code} — ${r.name}`).join('\n')
      : T.noRecipients[l],
  );
  field(doc, T.givenOn[l], receipt.givenOn);
  if (receipt.method) field(doc, T.method[l], receipt.method);
  field(doc, T.expiry[l], receipt.expiry);
  field(doc, T.howToWithdraw[l], receipt.howToWithdraw);
  doc.moveDown(0.5).fontSize(7).fillColor('#555').text(T.standard[l], { width: WIDTH });
  doc.end();
  return done;
}
