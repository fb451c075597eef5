/**
 * Victim records in the field names and picklist values of the IOM Human Trafficking Case Data
 * Standard v2.0 (HTCDS_Field_Standards_2.0, 24 Dec 2021). docs/STANDARDS.md lists the mapping.
 * Multiselect picklists are joined with ';' (HTCDS is Salesforce-based, which does the same).
 */
import type { ExportRow, VictimRecord } from './victim-record.js';

/** ISIC sections as HTCDS spells them in vic_ForcedLabourIndustry. */
const ISIC_HTCDS: Record<string, string> = {
  A: 'A_AgricultureForestryAndFishing',
  B: 'B_MiningAndQuarrying',
  C: 'C_Manufacturing',
  D: 'D_ElectricityGasSteamAndAirConditioningSupply',
  E: 'E_WaterSupplySewerageWasteManagement',
  F: 'F_Construction',
  G: 'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
  H: 'H_TransportationAndStorage',
  I: 'I_AccommodationAndFoodServiceActivities',
  J: 'J_InformationAndCommunication',
  K: 'K_FinancialAndInsuranceActivities',
  L: 'L_RealEstateActivities',
  M: 'M_ProfessionalScientificAndTechnicalActivities',
  N: 'N_AdministrativeAndSupportServiceActivities',
  O: 'O_PublicAdministrationAndDefence',
  P: 'P_Education',
  Q: 'Q_HumanHealthAndSocialWorkActivities',
  R: 'R_ArtsEntertainmentAndRecreation',
  S: 'S_OtherServiceActivities',
  T: 'T_ActivitiesOfHouseholdsAsEmployers',
  U: 'U_ActivitiesOfExtraterritorialOrganizations',
};

/** Platforms whose HTCDS name differs from ours; the ones HTCDS lacks become Other. */
const PLATFORM_HTCDS: Record<string, string> = {
  Messenger: 'FacebookMessenger',
  Snapchat: 'SnapChat',
  X: 'Twitter',
  DatingSite: 'Other',
  JobSite: 'Other',
};

/**
 * HTCDS has three relations; CTDC's intimate partner and friend are people the victim knew.
 * HTCDS spells "Unaquainted" so; we keep its spelling so its tools recognise the value.
 */
const RELATION_HTCDS: Record<string, string | null> = {
  Familial: 'Familial',
  Acquainted: 'Acquainted',
  IntimatePartner: 'Acquainted',
  Friend: 'Acquainted',
  Unacquainted: 'Unaquainted',
  Unknown: null,
};

/** Columns of the HTCDS export; the first three are our extensions (HTCDS has no record keys). */
export const HTCDS_COLUMNS = [
  'prs_PseudonymousId',
  'cas_PseudonymousId',
  'cas_YearOfRegistration',
  'prs_Gender',
  'prs_Citizenship',
  'vic_AgeWhenTrafficked',
  'vic_TraffickingStatus',
  'vic_TraffickingStatusDecisionMakingOrg',
  'vic_RelationshipToTrafficker',
  'vic_MethodOfRecruitment',
  'vic_RecruitmentWebsitesAndApps',
  'vic_MethodsOfControl',
  'vic_TypeOfExploitation',
  'vic_ForcedLabourIndustry',
  'vic_TypeOfSexExploitation',
  'vic_LocationOfExploitation',
  'vic_ExploitationWebsitesAndApps',
  'cas_Status',
] as const;

const multi = (values: readonly string[]): string | null =>
  values.length === 0 ? null : [...new Set(values)].join(';');

/** One HTCDS row, in the order of HTCDS_COLUMNS. */
export function htcdsRow(v: VictimRecord): ExportRow {
  return [
    v.personKey,
    v.caseKey,
    v.year,
    v.gender,
    multi(v.nationalities),
    v.ageAtFirstExploitation,
    v.traffickingStatus,
    v.decisionOrgType,
    v.recruiterRelation === null ? null : (RELATION_HTCDS[v.recruiterRelation] ?? null),
    multi(v.recruitmentMethods),
    multi(v.recruitmentPlatforms.map((p) => PLATFORM_HTCDS[p] ?? p)),
    // HTCDS has no restriction-of-movement value: it goes as Other (CTDC has its own variable).
    multi(v.controlMethods.map((m) => (m === 'RestrictsMovement' ? 'Other' : m))),
    // Forced criminality is our extension (HTCDS has no such value): it goes as Other.
    multi(v.exploitationTypes.map((t) => (t === 'ForcedCriminality' ? 'Other' : t))),
    multi(v.labourIndustries.map((s) => ISIC_HTCDS[s] ?? s)),
    multi(v.sexualExploitationTypes),
    multi(v.exploitationCountries),
    multi(v.exploitationPlatforms.map((p) => PLATFORM_HTCDS[p] ?? p)),
    v.caseStatus,
  ];
}
