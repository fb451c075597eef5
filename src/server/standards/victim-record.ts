/**
 * One presumed victim on one case, as the standards exporters see it: pseudonymous keys and coded
 * values only — never a name, a document, a date of birth, a place below department or free text.
 */
export interface VictimRecord {
  /** Keyed HMAC of the person id (stable across exports, not reversible by the recipient). */
  personKey: string;
  /** Keyed HMAC of the case id. */
  caseKey: string;
  /** Year the case was detected (CTDC's year of registration). */
  year: number;
  sex: string;
  gender: string | null;
  /** Age in years when trafficked (the screening's age at the facts), else the age at detection. */
  age: number | null;
  /** ISO 3166-1 alpha-2, as stored. */
  nationalities: string[];
  traffickingStatus: string | null;
  decisionOrgType: string | null;
  exploitationTypes: string[];
  /** ISIC sections (A–U). */
  labourIndustries: string[];
  sexualExploitationTypes: string[];
  controlMethods: string[];
  recruitmentMethods: string[];
  recruiterRelation: string | null;
  /** Countries (alpha-2) of the exploitation events. */
  exploitationCountries: string[];
  recruitmentPlatforms: string[];
  exploitationPlatforms: string[];
  caseStatus: string;
}

/** Every exported value is a code, a number or empty: one CSV row. */
export type ExportRow = (string | number | null)[];
