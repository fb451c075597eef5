/**
 * Value lists of the domain (docs/DOMAIN.md §3–4), aligned with HTCDS v2.0 where HTCDS has one.
 * Closed lists used in validation; their labels live in the web i18n catalogues.
 */
export const SEXES = ['Female', 'Male', 'Intersex', 'Unknown'] as const;
export const GENDERS = [
  'Feminine',
  'Masculine',
  'TransgenderFeminine',
  'TransgenderMasculine',
  'NonConforming',
  'NonSpecifiedUnknown',
] as const;
export const DOCUMENT_TYPES = [
  'CedulaPY',
  'Passport',
  'ForeignId',
  'BirthCertificate',
  'Other',
  'None',
] as const;
/** The languages of Paraguay's indigenous peoples (ISO 639-3; interpretation is arranged with INDI). */
export const INDIGENOUS_LANGUAGES = [
  'gun',
  'nhd',
  'pta',
  'gui',
  'tpj',
  'guq',
  'enx',
  'enl',
  'aqt',
  'spn',
  'tmf',
  'gva',
  'cag',
  'mca',
  'crt',
  'ayo',
  'ceg',
  'tob',
] as const;
/**
 * Languages of a person, a provider or a campaign: Spanish, Guaraní (ISO 639-1), Portuguese, and the
 * languages of Paraguay's indigenous peoples by ISO 639-3 code (codes and names checked against
 * Debian's iso-codes 4.15; docs/LEGAL-PROVISIONS.md), so that an interpreter can be asked for by
 * language; `other` for the rest.
 */
export const LANGUAGES = ['es', 'gn', 'pt', ...INDIGENOUS_LANGUAGES, 'other'] as const;

export const DEPARTMENTS = [
  'PY-ASU',
  'PY-1',
  'PY-2',
  'PY-3',
  'PY-4',
  'PY-5',
  'PY-6',
  'PY-7',
  'PY-8',
  'PY-9',
  'PY-10',
  'PY-11',
  'PY-12',
  'PY-13',
  'PY-14',
  'PY-15',
  'PY-16',
  'PY-19',
] as const;
export const DEPARTMENT_NAMES: Record<(typeof DEPARTMENTS)[number], string> = {
  'PY-ASU': 'Asunción',
  'PY-1': 'Concepción',
  'PY-2': 'San Pedro',
  'PY-3': 'Cordillera',
  'PY-4': 'Guairá',
  'PY-5': 'Caaguazú',
  'PY-6': 'Caazapá',
  'PY-7': 'Itapúa',
  'PY-8': 'Misiones',
  'PY-9': 'Paraguarí',
  'PY-10': 'Alto Paraná',
  'PY-11': 'Central',
  'PY-12': 'Ñeembucú',
  'PY-13': 'Amambay',
  'PY-14': 'Canindeyú',
  'PY-15': 'Presidente Hayes',
  'PY-16': 'Alto Paraguay',
  'PY-19': 'Boquerón',
};

export const DETECTION_METHODS = [
  'Hotline',
  'PoliceOperation',
  'LabourInspection',
  'BorderControl',
  'Consulate',
  'HealthOrSchool',
  'NgoOutreach',
  'SelfReferral',
  'Other',
] as const;

export const CASE_STATUSES = ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] as const;
export const CASE_PERSON_ROLES = ['PresumedVictim', 'Witness', 'FamilyMember', 'Suspect', 'Other'] as const;

export const TRAFFICKING_STATUSES = [
  'PossibleVictimOfTrafficking',
  'ActualVictimOfTrafficking',
  'NotAVictimOfTrafficking',
] as const;
/**
 * Legal roles an institution holds for children and indigenous persons (institutions.authorities):
 * who may sign a child's best-interest exception (CODENI, MINNA, the children's defender, a judge),
 * and INDI for indigenous persons. Data, seeded by migration; docs/LEGAL-PROVISIONS.md.
 */
export const INSTITUTION_AUTHORITIES = [
  'child_protection',
  'child_best_interest_exception',
  'children_defender',
  'juvenile_judge',
  'indigenous_affairs',
] as const;

export const DECISION_ORG_TYPES = [
  'Police',
  'NGO',
  'CourtOrProsecution',
  'NonPoliceGovernmentalOrganization',
  'Other',
] as const;

export const ASSESSMENTS = ['presumed_victim', 'possible_victim', 'no_indication'] as const;

export const EXPLOITATION_TYPES = [
  'ForcedLabour',
  'SexualExploitation',
  'ChildLabour',
  'ForcedMarriage',
  'Servitude',
  'ForcedMilitaryByNonStateActors',
  'OrganRemoval',
  'ForcedBegging',
  'ForcedAdoption',
  'Surrogacy',
  /**
   * Extension (HTCDS v2.0 has none): forced criminality — offences committed for someone who keeps
   * the benefit (drug carrying, theft, online scams). Written `Other` in HTCDS, isOtherExploit in CTDC.
   */
  'ForcedCriminality',
  'Other',
] as const;
export const ISIC_SECTIONS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
] as const;
export const SEXUAL_EXPLOITATION_TYPES = [
  'Prostitution',
  'Pornography',
  'RemoteInteractiveServices',
  'PrivateSexualServices',
] as const;
export const CONTROL_METHODS = [
  'PhysicalThreats',
  'ThreatsLawEnforcement',
  'ThreatensChildrenFamily',
  'DebtBondage',
  'FalsePromises',
  'PhysicalAbuse',
  'SexualAbuse',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'RestrictsMedicalCare',
  'WithholdsNecessities',
  'PsychologicalAbuse',
  'PsychoactiveSubstance',
  'ExcessiveWorkingHours',
  'WithholdsDocuments',
  /** Extension (HTCDS has none): restriction of movement, CTDC's meansOfControlRestrictsMovement. */
  'RestrictsMovement',
  'Other',
] as const;
export const RECRUITMENT_METHODS = [
  'AtAPlaceOfBusiness',
  'AtAnEducationalInstitution',
  'AtWork',
  'ThroughOnlineSocialNetworks',
  'ThroughAnOnlineAdvertisement',
  'ThroughATelevisionAdvert',
  'ThroughANewspaperAdvert',
  'ThroughFamilyOrFamilyEvents',
  'ThroughFriendsOrSocialEvents',
  'Other',
] as const;
export const RECRUITER_RELATIONS = [
  'Familial',
  'Acquainted',
  'Unacquainted',
  'IntimatePartner',
  'Friend',
  'Unknown',
] as const;
export const PLATFORMS = [
  'Facebook',
  'Instagram',
  'WhatsApp',
  'Telegram',
  'Messenger',
  'Viber',
  'Snapchat',
  'Line',
  'TikTok',
  'X',
  'DatingSite',
  'JobSite',
  'Other',
] as const;
export const EVENT_TYPES = ['Recruitment', 'Transit', 'Exploitation'] as const;
export const VULNERABILITY_FACTORS = [
  'Indigenous',
  'RuralPoverty',
  'StreetChild',
  'DomesticWorkCriadazgo',
  'WomanInProstitution',
  'UndocumentedMigrant',
  'ReturningFromAbroad',
  'Addiction',
  'Disability',
  'Homelessness',
  'Other',
] as const;

// ---- protection and referral (docs/DOMAIN.md §5) ---------------------------------------------------
/** Services a victim may need; the last four are HTCDS support-plan types not covered above. */
export const SERVICE_TYPES = [
  'Shelter',
  'DropInCentre',
  'Medical',
  'Psychological',
  'LegalAid',
  'Repatriation',
  'ResidencyRegularisation',
  'FamilyReintegration',
  'Education',
  'Livelihood',
  'FinancialHelp',
  'Interpretation',
  'LabourExploitationRehabilitation',
  'SexualExploitationRehabilitation',
  'RightsBasedTraining',
  'SocialCare',
] as const;
/** Services delivered in places with beds: they have a capacity and an occupancy. */
export const BED_SERVICE_TYPES: readonly (typeof SERVICE_TYPES)[number][] = ['Shelter'];
export const URGENCIES = ['Immediate', 'High', 'Normal'] as const;
/** Working days (Paraguay's calendar) a referral of each urgency has before it is overdue. */
export const URGENCY_DUE_DAYS: Record<(typeof URGENCIES)[number], number> = {
  Immediate: 1,
  High: 3,
  Normal: 10,
};
/** Working days an accepted referral has before its service should be delivered (docs/TASKS.md). */
export const SERVICE_DUE_WORKING_DAYS: Record<(typeof URGENCIES)[number], number> = {
  Immediate: 2,
  High: 5,
  Normal: 15,
};
export const REFERRAL_STATES = [
  'requested',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'closed',
  'withdrawn',
] as const;
/** States in which a referral is still running. */
export const OPEN_REFERRAL_STATES = ['requested', 'accepted', 'in_progress'] as const;
/**
 * The states a referral's deadline (`due_at`, the receiver's answer) applies to: once accepted it was
 * answered, and what follows is the service's own day (`service_due_on`), never "overdue".
 */
export const AWAITING_ANSWER_REFERRAL_STATES = ['requested'] as const;
export const CONSENT_METHODS = ['Written', 'Verbal', 'VerbalWithWitness', 'ThroughInterpreter'] as const;
/** Who gave the consent. */
export const CONSENT_GIVERS = ['Person', 'LegalGuardian', 'Parent', 'Authority'] as const;
/** Authorities that may consent for a child without a parent or guardian (docs/MINORS-CONSENT.md). */
export const CONSENT_AUTHORITIES = ['CODENI', 'PublicDefender', 'Judge', 'MINNA'] as const;
export const CONSENT_KINDS = ['consent', 'best_interest_exception'] as const;
/**
 * Person fields a referral may share. The first six are the minimal default set; the others are
 * shared only when the referral names them (and the consent covers them).
 */
export const SHAREABLE_FIELDS = [
  'givenNames',
  'sex',
  'age',
  'languages',
  'interpreterNeeded',
  'need',
  'surnames',
  'dateOfBirth',
  'nationalities',
  'contact',
  'disability',
  'protectionStatus',
] as const;
export const DEFAULT_SHARED_FIELDS: readonly (typeof SHAREABLE_FIELDS)[number][] = [
  'givenNames',
  'sex',
  'age',
  'languages',
  'interpreterNeeded',
  'need',
];
export const NEED_STATUSES = ['open', 'unmet', 'referred', 'met'] as const;
export const UNMET_REASONS = ['no_provider_for_profile', 'no_capacity', 'not_offered_in_department'] as const;
/** Age bands of the directory filters and the gap report (age in whole years). */
export const AGE_BANDS = ['0-11', '12-17', '18-29', '30-59', '60+', 'Unknown'] as const;
