/**
 * Victim records in CTDC's two published layouts (docs/STANDARDS.md):
 * - `global2020`: the Global Dataset (codebook v6, 2017/2020) — ISO alpha-2, `-99` for missing,
 *   binary variables 0/1;
 * - `synthetic2024`: the Global Synthetic Dataset (codebook v2, 2024) — ISO alpha-3, NULL (an
 *   empty cell) or 1, with the merged means-of-control variables.
 * A group of binary variables (means, exploitation, labour, sex, recruiter) is missing as a whole
 * when nothing of the group was recorded: CTDC's denominator rule (codebook v2024 §6).
 */
import type { CTDC_FORMATS } from '../../shared/api-exchange.js';
import { toAlpha3 } from './iso3166.js';
import type { ExportRow, VictimRecord } from './victim-record.js';

export type CtdcFormat = (typeof CTDC_FORMATS)[number];

/** A binary variable: its name and which of our values make it 1. */
type Flag = [name: string, from: readonly string[]];

const LABOUR_TYPES: readonly string[] = ['ForcedLabour', 'ChildLabour', 'ForcedBegging', 'Servitude'];

const MEANS_2020: Flag[] = [
  ['meansOfControlDebtBondage', ['DebtBondage']],
  ['meansOfControlTakesEarnings', ['TakesEarnings']],
  ['meansOfControlRestrictsFinancialAccess', ['RestrictsFinancialAccess']],
  ['meansOfControlThreats', ['PhysicalThreats']],
  ['meansOfControlPsychologicalAbuse', ['PsychologicalAbuse']],
  ['meansOfControlPhysicalAbuse', ['PhysicalAbuse']],
  ['meansOfControlSexualAbuse', ['SexualAbuse']],
  ['meansOfControlFalsePromises', ['FalsePromises']],
  ['meansOfControlPsychoactiveSubstances', ['PsychoactiveSubstance']],
  // Our extension value (HTCDS has none; codebook v6 variable 18).
  ['meansOfControlRestrictsMovement', ['RestrictsMovement']],
  ['meansOfControlRestrictsMedicalCare', ['RestrictsMedicalCare']],
  ['meansOfControlExcessiveWorkingHours', ['ExcessiveWorkingHours']],
  ['meansOfControlUsesChildren', ['ThreatensChildrenFamily']],
  ['meansOfControlThreatOfLawEnforcement', ['ThreatsLawEnforcement']],
  ['meansOfControlWithholdsNecessities', ['WithholdsNecessities']],
  ['meansOfControlWithholdsDocuments', ['WithholdsDocuments']],
  ['meansOfControlOther', ['Other']],
];
/** The 2024 codebook merges means "to improve the synthetic data generation" (Stöckl et al. 2021). */
const MEANS_2024: Flag[] = [
  ['meansDebtBondageEarnings', ['DebtBondage', 'TakesEarnings']],
  ['meansThreats', ['PhysicalThreats', 'ThreatensChildrenFamily', 'ThreatsLawEnforcement']],
  ['meansAbusePsyPhySex', ['PsychologicalAbuse', 'PhysicalAbuse', 'SexualAbuse']],
  ['meansFalsePromises', ['FalsePromises']],
  ['meansDrugsAlcohol', ['PsychoactiveSubstance']],
  ['meansDenyBasicNeeds', ['RestrictsFinancialAccess', 'RestrictsMedicalCare', 'WithholdsNecessities']],
  ['meansExcessiveWorkHours', ['ExcessiveWorkingHours']],
  ['meansWithholdDocuments', ['WithholdsDocuments']],
];
const EXPLOIT_2020: Flag[] = [
  ['isForcedLabour', LABOUR_TYPES],
  ['isSexualExploit', ['SexualExploitation']],
  ['isOtherExploit', ['Other', 'ForcedAdoption', 'Surrogacy', 'ForcedCriminality']],
  ['isForcedMarriage', ['ForcedMarriage']],
  ['isForcedMilitary', ['ForcedMilitaryByNonStateActors']],
  ['isOrganRemoval', ['OrganRemoval']],
];
/** 2024 has no marriage, military or organ variables: they count as other exploitation. */
const EXPLOIT_2024: Flag[] = [
  ['isForcedLabour', LABOUR_TYPES],
  ['isSexualExploit', ['SexualExploitation']],
  [
    'isOtherExploit',
    [
      'Other',
      'ForcedAdoption',
      'Surrogacy',
      'ForcedCriminality',
      'ForcedMarriage',
      'ForcedMilitaryByNonStateActors',
      'OrganRemoval',
    ],
  ],
];
/** ISIC sections (and forced begging) to CTDC's types of labour. */
const LABOUR_2020: Flag[] = [
  ['typeOfLabourAgriculture', ['A']],
  ['typeOfLabourBegging', ['ForcedBegging']],
  ['typeOfLabourConstruction', ['F']],
  ['typeOfLabourDomesticWork', ['T']],
  ['typeOfLabourHospitality', ['I']],
  ['typeOfLabourManufacturing', ['C']],
  ['typeOfLabourMiningOrDrilling', ['B']],
  ['typeOfLabourTransportation', ['H']],
  ['typeOfLabourOther', ['D', 'E', 'G', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'U']],
];
const LABOUR_2024: Flag[] = LABOUR_2020.filter(([name]) =>
  [
    'typeOfLabourAgriculture',
    'typeOfLabourConstruction',
    'typeOfLabourDomesticWork',
    'typeOfLabourHospitality',
  ].includes(name),
);
const SEX_2020: Flag[] = [
  ['typeOfSexProstitution', ['Prostitution']],
  ['typeOfSexPornography', ['Pornography']],
  ['typeOfSexRemoteInteractiveServices', ['RemoteInteractiveServices']],
  ['typeOfSexPrivateSexualServices', ['PrivateSexualServices']],
];
const SEX_2024 = SEX_2020.slice(0, 2);
const RECRUITER_2024: Flag[] = [
  ['recruiterRelationIntimatePartner', ['IntimatePartner']],
  ['recruiterRelationFriend', ['Friend']],
  ['recruiterRelationFamily', ['Familial']],
  ['recruiterRelationOther', ['Acquainted', 'Unacquainted']],
];
const RECRUITER_2020: Flag[] = [...RECRUITER_2024, ['recruiterRelationUnknown', ['Unknown']]];

interface Layout {
  means: Flag[];
  exploit: Flag[];
  labour: Flag[];
  sex: Flag[];
  recruiter: Flag[];
}
const LAYOUTS: Record<CtdcFormat, Layout> = {
  global2020: {
    means: MEANS_2020,
    exploit: EXPLOIT_2020,
    labour: LABOUR_2020,
    sex: SEX_2020,
    recruiter: RECRUITER_2020,
  },
  synthetic2024: {
    means: MEANS_2024,
    exploit: EXPLOIT_2024,
    labour: LABOUR_2024,
    sex: SEX_2024,
    recruiter: RECRUITER_2024,
  },
};

const names = (flags: Flag[]): string[] => flags.map(([name]) => name);

/** The columns of a CTDC export, in order (a pseudonymous id first, as CTDC's own files lack one). */
export function ctdcColumns(format: CtdcFormat): string[] {
  const l = LAYOUTS[format];
  return [
    'personPseudonymousId',
    'yearOfRegistration',
    'gender',
    'ageBroad',
    ...(format === 'global2020' ? ['majorityStatus', 'majorityStatusAtExploit'] : []),
    'citizenship',
    'CountryOfExploitation',
    ...names(l.means),
    ...names(l.exploit),
    ...(format === 'global2020' ? ['isSexAndLabour'] : []),
    ...names(l.labour),
    ...names(l.sex),
    ...names(l.recruiter),
  ];
}

const AGE_BANDS: [max: number, label: string][] = [
  [8, '0--8'],
  [17, '9--17'],
  [20, '18--20'],
  [23, '21--23'],
  [26, '24--26'],
  [29, '27--29'],
  [38, '30--38'],
  [47, '39--47'],
];

/** CTDC's broad age band of an age (the 2020 file writes the dash as '--'). */
export function ageBroad(age: number): string {
  return AGE_BANDS.find(([max]) => age <= max)?.[1] ?? '48+';
}

const majority = (age: number | null, missing: number | null) =>
  age === null ? missing : age < 18 ? 'Minor' : 'Adult';

/** Gender as CTDC codes it; without a recorded gender, the sex (CTDC 2020: sex and identity agree). */
function gender(v: VictimRecord, format: CtdcFormat): string | null {
  const g = v.gender ?? (v.sex === 'Female' ? 'Feminine' : v.sex === 'Male' ? 'Masculine' : null);
  const trans = format === 'global2020' ? 'Transgender/NonConforming' : 'Trans/Transgender/NonConforming';
  switch (g) {
    case 'Feminine':
      return format === 'global2020' ? 'Female' : 'Woman';
    case 'Masculine':
      return format === 'global2020' ? 'Male' : 'Man';
    case 'TransgenderFeminine':
    case 'TransgenderMasculine':
    case 'NonConforming':
      return trans;
    default:
      return format === 'global2020' ? 'Unknown' : null;
  }
}

/** One CTDC row, in the order of `ctdcColumns(format)`. */
export function ctdcRow(v: VictimRecord, format: CtdcFormat): ExportRow {
  const l = LAYOUTS[format];
  const missing = format === 'global2020' ? -99 : null;
  const country = (alpha2: string | undefined): string | number | null =>
    alpha2 === undefined ? missing : format === 'global2020' ? alpha2 : (toAlpha3(alpha2) ?? missing);
  // A group is missing when nothing of it was recorded; otherwise 0/1 (2020) or NULL/1 (2024).
  const group = (flags: Flag[], values: readonly string[]): (number | null)[] =>
    flags.map(([, from]) =>
      values.length === 0
        ? missing
        : from.some((f) => values.includes(f))
          ? 1
          : format === 'global2020'
            ? 0
            : null,
    );
  const labourValues = [...v.labourIndustries, ...v.exploitationTypes.filter((t) => t === 'ForcedBegging')];
  const isLabour = v.exploitationTypes.some((t) => LABOUR_TYPES.includes(t));
  const isSex = v.exploitationTypes.includes('SexualExploitation');
  const age = v.ageAtRegistration;
  return [
    v.personKey,
    v.year,
    gender(v, format) ?? missing,
    // Age at registration (codebook v6: "at the time the individual was registered").
    age === null ? missing : ageBroad(age),
    ...(format === 'global2020' ? [majority(age, missing), majority(v.ageAtFirstExploitation, missing)] : []),
    // CTDC holds one citizenship: the first recorded nationality.
    country(v.nationalities[0]),
    country(v.exploitationCountries[0]),
    ...group(l.means, v.controlMethods),
    ...group(l.exploit, v.exploitationTypes),
    ...(format === 'global2020'
      ? [v.exploitationTypes.length === 0 ? missing : isLabour && isSex ? 1 : 0]
      : []),
    ...group(l.labour, labourValues),
    ...group(l.sex, v.sexualExploitationTypes),
    ...group(l.recruiter, v.recruiterRelation === null ? [] : [v.recruiterRelation]),
  ];
}
