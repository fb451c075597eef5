/**
 * The national report for a year: every figure of every area with its breakdowns, a section in the
 * shape of the US TIP report questionnaire and tables in the shape of UNODC's GLOTIP data collection.
 * Internal (authorised roles, the CLI): figures are exact; the public site publishes protected tables.
 */
import type {
  Area,
  DimensionId,
  FigureId,
  NationalReport,
  ReportTable,
} from '../../shared/api-statistics.js';
import type { Trx } from '../db/database.js';
import { computeCells, computeFigure } from './engine.js';
import { figure as figureOf } from './figures/index.js';
import { labelOf } from './labels.js';

type Locale = 'es' | 'en';

/** The breakdowns each figure shows in the report (a figure with none shows its total). */
const REPORT: ReadonlyArray<readonly [Area, FigureId, readonly DimensionId[]]> = [
  [
    'identification',
    'victimsIdentified',
    [
      'sex',
      'ageGroup',
      'ageBand',
      'nationality',
      'exploitation',
      'department',
      'institution',
      'decisionOrg',
      'scope',
    ],
  ],
  ['identification', 'possibleVictims', ['sex', 'ageGroup', 'nationality', 'exploitation', 'scope']],
  ['protection', 'victimsAssisted', ['serviceType', 'sex', 'ageGroup', 'department']],
  ['protection', 'victimsRepatriated', ['sex', 'ageGroup', 'nationality']],
  ['protection', 'foreignVictimsResidency', ['sex', 'nationality']],
  ['protection', 'servicesDelivered', ['serviceType']],
  ['protection', 'referralsMade', ['referralState', 'serviceType']],
  ['protection', 'unmetNeeds', ['serviceType', 'unmetReason']],
  ['protection', 'daysToFirstService', ['ageGroup']],
  ['protection', 'victimsReflectionPeriod', []],
  ['protection', 'victimsVoluntaryReturn', []],
  ['protection', 'victimsNonPunishment', []],
  ['ict', 'victimsIdentifiedOnline', ['ict', 'platform', 'exploitation', 'sex', 'ageGroup']],
  ['prosecution', 'investigationsOpened', ['department', 'institution', 'ict']],
  ['prosecution', 'complicityInvestigations', []],
  ['prosecution', 'personsCharged', ['sex', 'ageGroup', 'nationality', 'exploitation', 'department']],
  ['prosecution', 'personsConvicted', ['sentenceBand', 'sex', 'ageGroup', 'nationality', 'exploitation']],
  ['prosecution', 'sentenceMonths', []],
  ['prosecution', 'personsChargedOtherProvisions', []],
  ['prosecution', 'personsConvictedOtherProvisions', []],
  ['prosecution', 'officialsCharged', []],
  ['prosecution', 'officialsConvicted', []],
  ['prosecution', 'compensationOrdered', []],
  ['prosecution', 'victimsInProceedings', []],
  ['prosecution', 'victimsPenalised', []],
  ['prosecution', 'cooperationRequests', ['cooperationKind']],
  ['prosecution', 'operationsConducted', ['department']],
  ['prosecution', 'personsArrested', []],
  ['prosecution', 'victimsRescued', []],
  ['prevention', 'trainingsHeld', ['institution']],
  ['prevention', 'trainingParticipants', ['sex', 'institution']],
  ['prevention', 'campaignsRun', []],
  ['prevention', 'campaignReach', []],
  ['prevention', 'hotlineContacts', ['hotlineChannel', 'department']],
];

async function crossTable(
  trx: Trx,
  year: number,
  locale: Locale,
  id: string,
  title: string,
  figureId: FigureId,
  by: readonly [DimensionId, DimensionId],
): Promise<ReportTable> {
  const period = { from: `${year}-01-01`, until: `${year + 1}-01-01` };
  const cells = await computeCells(trx, figureOf(figureId), period, {}, by);
  const rowKeys = [...new Set(cells.map((c) => c.keys[0]!))];
  const colKeys = [...new Set(cells.map((c) => c.keys[1]!))].sort();
  const matrix = rowKeys.map(() => colKeys.map(() => 0));
  for (const c of cells) matrix[rowKeys.indexOf(c.keys[0]!)]![colKeys.indexOf(c.keys[1]!)] = c.value;
  return {
    id,
    title,
    rowKeys: rowKeys.map((key) => labelOf(by[0], key, locale)),
    colKeys: colKeys.map((key) => labelOf(by[1], key, locale)),
    cells: matrix,
  };
}

/** Builds the national report of `year` (facts must be refreshed in `trx` first). */
export async function nationalReport(trx: Trx, year: number, locale: Locale): Promise<NationalReport> {
  const filters = { year };
  const sections: NationalReport['sections'] = [];
  for (const [area, figureId, breakdowns] of REPORT) {
    let section = sections.find((s) => s.area === area);
    if (!section) sections.push((section = { area, figures: [] }));
    const definition = figureOf(figureId);
    if (!breakdowns.length)
      section.figures.push(await computeFigure(trx, definition, filters, undefined, locale));
    for (const by of breakdowns)
      section.figures.push(await computeFigure(trx, definition, filters, by, locale));
  }
  const total = (id: FigureId) =>
    sections.flatMap((s) => s.figures).find((f) => f.figure === id)?.total ?? null;
  const en = locale === 'en';
  const bySexAge = await crossTable(
    trx,
    year,
    locale,
    'glotipVictimsBySexAndAge',
    en ? 'Detected victims by sex and age group' : 'Víctimas detectadas por sexo y grupo de edad',
    'victimsIdentified',
    ['ageGroup', 'sex'],
  );
  const tip: NationalReport['tip'] = [
    {
      question: en ? 'Victims identified' : 'Víctimas identificadas',
      value: total('victimsIdentified'),
      note: en
        ? 'Formally identified (actual victims) only; possible victims below.'
        : 'Solo víctimas identificadas formalmente (confirmadas); las posibles, abajo.',
    },
    {
      question: en
        ? 'Possible victims (not formally identified)'
        : 'Víctimas posibles (sin identificación formal)',
      value: total('possibleVictims'),
      note: null,
    },
    {
      question: en
        ? 'Victims identified, of which children'
        : 'Víctimas identificadas, de ellas niñas, niños y adolescentes',
      value: sumWhere(bySexAge, labelOf('ageGroup', 'child', locale)),
      note: null,
    },
    {
      question: en
        ? 'Victims referred to or receiving services'
        : 'Víctimas derivadas o que recibieron servicios',
      value: total('victimsAssisted'),
      note: null,
    },
    {
      question: en ? 'Referrals to services' : 'Derivaciones a servicios',
      value: total('referralsMade'),
      note: null,
    },
    {
      question: en ? 'Victims repatriated' : 'Víctimas repatriadas',
      value: total('victimsRepatriated'),
      note: null,
    },
    {
      question: en ? 'Foreign victims granted residency' : 'Víctimas extranjeras con residencia otorgada',
      value: total('foreignVictimsResidency'),
      note: null,
    },
    ...tipProsecution(total, en),
    {
      question: en
        ? 'Persons convicted of sex trafficking'
        : 'Personas condenadas por trata con fines sexuales',
      value: rowValue(sections, 'personsConvicted', 'exploitation', [
        'SexualExploitation',
        'SexualAndLabour',
      ]),
      note: null,
    },
    {
      question: en ? 'Persons convicted of labour trafficking' : 'Personas condenadas por trata laboral',
      value: rowValue(sections, 'personsConvicted', 'exploitation', ['ForcedLabour', 'SexualAndLabour']),
      note: null,
    },
  ];
  const glotip = [
    bySexAge,
    await crossTable(
      trx,
      year,
      locale,
      'glotipVictimsByFormAndSex',
      en
        ? 'Detected victims by form of exploitation and sex'
        : 'Víctimas detectadas por forma de explotación y sexo',
      'victimsIdentified',
      ['exploitation', 'sex'],
    ),
    await crossTable(
      trx,
      year,
      locale,
      'glotipVictimsByCitizenshipAndSex',
      en ? 'Detected victims by citizenship and sex' : 'Víctimas detectadas por nacionalidad y sexo',
      'victimsIdentified',
      ['nationality', 'sex'],
    ),
  ];
  return { year, locale, generatedAt: new Date().toISOString(), sections, tip, glotip };
}

/** The TIP questionnaire's law-enforcement questions, from the prosecution figures. */
function tipProsecution(total: (id: FigureId) => number | null, en: boolean): NationalReport['tip'] {
  const answer = (id: FigureId, es: string, english: string, note: [string, string] | null = null) => ({
    question: en ? english : es,
    value: total(id),
    note: note ? note[en ? 1 : 0] : null,
  });
  return [
    answer('investigationsOpened', 'Investigaciones iniciadas', 'Investigations opened'),
    answer('personsCharged', 'Personas imputadas', 'Persons prosecuted (charged)', [
      'Sospechosos con su primera imputación en el año.',
      'Suspects whose first imputación was in the year.',
    ]),
    answer('personsConvicted', 'Personas condenadas', 'Persons convicted'),
    answer(
      'complicityInvestigations',
      'Investigaciones de funcionarios por complicidad',
      'Investigations of officials for complicity',
    ),
    answer('sentenceMonths', 'Pena de prisión mediana (meses)', 'Median prison sentence (months)', [
      'Las penas suspendidas no cuentan como prisión.',
      'Suspended sentences are not counted as prison.',
    ]),
    answer(
      'personsChargedOtherProvisions',
      'Personas imputadas solo por otras disposiciones',
      'Persons charged under other provisions only',
    ),
    answer(
      'personsConvictedOtherProvisions',
      'Personas condenadas solo por otras disposiciones',
      'Persons convicted under other provisions only',
    ),
    answer(
      'officialsCharged',
      'Funcionarios imputados por complicidad',
      'Officials prosecuted for complicity',
    ),
    answer(
      'officialsConvicted',
      'Funcionarios condenados por complicidad',
      'Officials convicted for complicity',
    ),
    answer(
      'compensationOrdered',
      'Condenados con reparación ordenada a las víctimas',
      'Convicted persons ordered to pay restitution or compensation',
    ),
    answer(
      'victimsInProceedings',
      'Víctimas que participaron en el proceso penal',
      'Victims who took part in proceedings',
    ),
    answer('victimsPenalised', 'Víctimas sancionadas (no punición)', 'Victims penalised (non-punishment)'),
    answer(
      'cooperationRequests',
      'Solicitudes de cooperación internacional',
      'International cooperation requests',
    ),
  ];
}

/** The sum of the rows `keys` of a figure's breakdown `by` in the report (0 when absent). */
function rowValue(
  sections: NationalReport['sections'],
  id: FigureId,
  by: DimensionId,
  keys: readonly string[],
): number {
  const result = sections.flatMap((s) => s.figures).find((f) => f.figure === id && f.by === by);
  return (result?.rows ?? []).filter((r) => keys.includes(r.key)).reduce((a, r) => a + (r.value ?? 0), 0);
}

function sumWhere(table: ReportTable, rowLabel: string): number {
  const row = table.rowKeys.indexOf(rowLabel);
  return row < 0 ? 0 : table.cells[row]!.reduce<number>((a, b) => a + (b ?? 0), 0);
}
