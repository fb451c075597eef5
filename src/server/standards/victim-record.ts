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
  /**
   * Age in years at registration (CTDC's ageBroad and majorityStatus): the year of detection minus
   * the birth year, else the age estimated at intake.
   */
  ageAtRegistration: number | null;
  /**
   * Age in years when first exploited (HTCDS vic_AgeWhenTrafficked, CTDC majorityStatusAtExploit):
   * the youngest age at the facts of the person's screenings on the case, else the year of the
   * earliest trafficking event minus the birth year.
   */
  ageAtFirstExploitation: number | null;
  /** ISO 3166-1 alpha-2, as stored. */
  nationalities: string[];
  traffickingStatus: string | null;
  decisionOrgType: string | null;
  exploitationTypes: string[];
  /** ISIC sections (A–U). */
  labourIndustries: string[];
  sexualExploitationTypes: string[];
  /** With RestrictsMovement (our extension) when recorded or answered "yes" at screening. */
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
