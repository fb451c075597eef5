/**
 * Value lists of the domain (DOMAIN.md §3–4), aligned with HTCDS v2.0 where HTCDS has one.
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
export const LANGUAGES = ['es', 'gn', 'pt', 'other'] as const;

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
