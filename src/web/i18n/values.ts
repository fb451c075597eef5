/**
 * Translated labels of the values of every closed list in src/shared/catalogues.ts (sex, detection
 * method, trafficking status, platform…), in Spanish, Guaraní and English. The maps are typed from
 * the lists themselves, so a value added to a list without its labels is a compile error.
 *
 * Guaraní: everyday words are Guaraní (kuña, kuimba'e, ambue, ndaipóri…); technical and legal terms
 * are the Spanish loanwords Paraguayan Guaraní uses for them (víctima, trata, cédula, fiscalía).
 * Native-speaker review of these labels is pending.
 */
import {
  ASSESSMENTS,
  CASE_PERSON_ROLES,
  CONSENT_GIVERS,
  CONSENT_METHODS,
  CASE_STATUSES,
  CONTROL_METHODS,
  DECISION_ORG_TYPES,
  DETECTION_METHODS,
  DOCUMENT_TYPES,
  EVENT_TYPES,
  EXPLOITATION_TYPES,
  GENDERS,
  ISIC_SECTIONS,
  LANGUAGES,
  NEED_STATUSES,
  PLATFORMS,
  RECRUITER_RELATIONS,
  RECRUITMENT_METHODS,
  REFERRAL_STATES,
  SERVICE_TYPES,
  SEXES,
  SEXUAL_EXPLOITATION_TYPES,
  TRAFFICKING_STATUSES,
  UNMET_REASONS,
  URGENCIES,
  VULNERABILITY_FACTORS,
} from '../../shared/catalogues.js';
import type { Locale } from '../../shared/roles.js';

/** The closed lists, by the name they have in src/shared/catalogues.ts. */
export const VALUE_LISTS = {
  SEXES,
  GENDERS,
  DOCUMENT_TYPES,
  LANGUAGES,
  DETECTION_METHODS,
  CASE_STATUSES,
  CASE_PERSON_ROLES,
  TRAFFICKING_STATUSES,
  DECISION_ORG_TYPES,
  ASSESSMENTS,
  EXPLOITATION_TYPES,
  ISIC_SECTIONS,
  SEXUAL_EXPLOITATION_TYPES,
  CONTROL_METHODS,
  RECRUITMENT_METHODS,
  RECRUITER_RELATIONS,
  PLATFORMS,
  EVENT_TYPES,
  VULNERABILITY_FACTORS,
  SERVICE_TYPES,
  URGENCIES,
  REFERRAL_STATES,
  UNMET_REASONS,
  NEED_STATUSES,
  CONSENT_METHODS,
  CONSENT_GIVERS,
} as const;

export type ValueListName = keyof typeof VALUE_LISTS;
/** The values of one list, e.g. `ValueOf<'SEXES'>` is `'Female' | 'Male' | …`. */
export type ValueOf<L extends ValueListName> = (typeof VALUE_LISTS)[L][number];

/** One value's label in each language. */
export type Labels = Readonly<Record<Locale, string>>;
type LabelMap = { readonly [L in ValueListName]: { readonly [V in ValueOf<L>]: Labels } };

const l = (es: string, gn: string, en: string): Labels => ({ es, gn, en });

const OTHER = l('Otro', 'Ambue', 'Other');

export const VALUE_LABELS: LabelMap = {
  SEXES: {
    Female: l('Mujer', 'Kuña', 'Female'),
    Male: l('Varón', "Kuimba'e", 'Male'),
    Intersex: l('Intersexual', 'Intersexual', 'Intersex'),
    Unknown: l('Desconocido', "Ojekuaa'ỹva", 'Unknown'),
  },
  GENDERS: {
    Feminine: l('Femenino', 'Kuña', 'Feminine'),
    Masculine: l('Masculino', "Kuimba'e", 'Masculine'),
    TransgenderFeminine: l('Mujer trans', 'Kuña trans', 'Transgender feminine'),
    TransgenderMasculine: l('Varón trans', "Kuimba'e trans", 'Transgender masculine'),
    NonConforming: l('No conforme / no binario', 'No binario', 'Gender non-conforming'),
    NonSpecifiedUnknown: l(
      'No especificado / desconocido',
      "Oje'e'ỹva / ojekuaa'ỹva",
      'Not specified / unknown',
    ),
  },
  DOCUMENT_TYPES: {
    CedulaPY: l('Cédula de identidad paraguaya', 'Cédula paraguaya', 'Paraguayan identity card'),
    Passport: l('Pasaporte', 'Pasaporte', 'Passport'),
    ForeignId: l('Documento de identidad extranjero', 'Documento ambue tetãgua', 'Foreign identity document'),
    BirthCertificate: l('Certificado de nacimiento', 'Certificado heñóiha', 'Birth certificate'),
    Other: OTHER,
    None: l('Sin documento', 'Ndorekói documento', 'No document'),
  },
  LANGUAGES: {
    es: l('Castellano', "Karai ñe'ẽ (castellano)", 'Spanish'),
    gn: l('Guaraní', "Avañe'ẽ", 'Guaraní'),
    pt: l('Portugués', "Portugués ñe'ẽ", 'Portuguese'),
    other: l('Otro idioma', "Ambue ñe'ẽ", 'Other language'),
  },
  DETECTION_METHODS: {
    Hotline: l('Línea de denuncia', 'Línea ojedenunciahápe', 'Hotline'),
    PoliceOperation: l('Operativo policial', 'Operativo policial', 'Police operation'),
    LabourInspection: l('Inspección laboral', 'Inspección tembiapo rehegua', 'Labour inspection'),
    BorderControl: l('Control fronterizo', 'Control frontera-pe', 'Border control'),
    Consulate: l('Consulado', 'Consulado', 'Consulate'),
    HealthOrSchool: l('Servicio de salud o escuela', 'Tasyo térã mbo’ehao', 'Health service or school'),
    NgoOutreach: l('Trabajo de calle de una ONG', 'ONG tembiapo tape rupi', 'NGO outreach'),
    SelfReferral: l('Se presentó por sí misma', 'Ou ijehegui', 'Self-referral'),
    Other: OTHER,
  },
  CASE_STATUSES: {
    Active: l('Activo', 'Oikóva', 'Active'),
    FollowUp: l('En seguimiento', 'Ojesarekóva', 'Follow-up'),
    Closed: l('Cerrado', 'Oñembotýma', 'Closed'),
    ClosedReferred: l(
      'Cerrado por derivación',
      'Oñembotýma, ojehasa ambue institución-pe',
      'Closed (referred)',
    ),
  },
  CASE_PERSON_ROLES: {
    PresumedVictim: l('Presunta víctima', 'Ojeguerovia víctima ha’eha', 'Presumed victim'),
    Witness: l('Testigo', 'Testigo', 'Witness'),
    FamilyMember: l('Familiar', 'Ogayguáva', 'Family member'),
    Suspect: l('Sospechoso/a', 'Ojeimo’ãva hese', 'Suspect'),
    Other: OTHER,
  },
  TRAFFICKING_STATUSES: {
    PossibleVictimOfTrafficking: l(
      'Posible víctima de trata',
      'Ikatu víctima de trata',
      'Possible victim of trafficking',
    ),
    ActualVictimOfTrafficking: l(
      'Víctima de trata (presunta o identificada)',
      'Víctima de trata (ojeguerovia térã ojehechakuaáva)',
      'Victim of trafficking (presumed or identified)',
    ),
    NotAVictimOfTrafficking: l(
      'No es víctima de trata',
      "Ndaha'éi víctima de trata",
      'Not a victim of trafficking',
    ),
  },
  DECISION_ORG_TYPES: {
    Police: l('Policía', 'Policía', 'Police'),
    NGO: l('ONG', 'ONG', 'NGO'),
    CourtOrProsecution: l('Juzgado o Fiscalía', 'Juzgado térã Fiscalía', 'Court or prosecution'),
    NonPoliceGovernmentalOrganization: l(
      'Institución pública (no policial)',
      "Institución pública (ndaha'éiva policía)",
      'Government body (not police)',
    ),
    Other: OTHER,
  },
  ASSESSMENTS: {
    presumed_victim: l('Presunta víctima', 'Ojeguerovia víctima ha’eha', 'Presumed victim'),
    possible_victim: l('Posible víctima', 'Ikatu víctima', 'Possible victim'),
    no_indication: l('Sin indicios', 'Ndaipóri indicio', 'No indication'),
  },
  EXPLOITATION_TYPES: {
    ForcedLabour: l('Trabajo forzoso', 'Tembiapo ojejapouka mbaretépe', 'Forced labour'),
    SexualExploitation: l('Explotación sexual', 'Explotación sexual', 'Sexual exploitation'),
    ChildLabour: l('Trabajo infantil', 'Mitã rembiapo', 'Child labour'),
    ForcedMarriage: l('Matrimonio forzado', 'Ñemenda mbaretépe', 'Forced marriage'),
    Servitude: l(
      'Servidumbre (incluido criadazgo)',
      'Servidumbre (criadazgo avei)',
      'Servitude (incl. domestic)',
    ),
    ForcedMilitaryByNonStateActors: l(
      'Reclutamiento armado por grupos no estatales',
      "Grupo armado ndaha'éiva Estado omoingéva mbaretépe",
      'Forced military service by non-state actors',
    ),
    OrganRemoval: l('Extracción de órganos', 'Órgano ñeguenohẽ', 'Organ removal'),
    ForcedBegging: l('Mendicidad forzada', 'Jerure mbaretépe', 'Forced begging'),
    ForcedAdoption: l('Adopción forzada', 'Adopción mbaretépe', 'Forced adoption'),
    Surrogacy: l('Gestación subrogada', 'Hyeguasu ñemboja’o', 'Surrogacy'),
    Other: OTHER,
  },
  ISIC_SECTIONS: {
    A: l(
      'A · Agricultura, ganadería, silvicultura y pesca',
      "A · Ñemity, mymba, ka'aguy ha pirakutu",
      'A · Agriculture, forestry and fishing',
    ),
    B: l('B · Minas y canteras', 'B · Mina ha cantera', 'B · Mining and quarrying'),
    C: l('C · Industria manufacturera', 'C · Fábrica ha industria', 'C · Manufacturing'),
    D: l('D · Electricidad y gas', 'D · Tesape’a (electricidad) ha gas', 'D · Electricity and gas supply'),
    E: l('E · Agua y gestión de residuos', 'E · Y ha yty ñangareko', 'E · Water supply and waste management'),
    F: l('F · Construcción', 'F · Ñemopu’ã (construcción)', 'F · Construction'),
    G: l(
      'G · Comercio y reparación de vehículos',
      'G · Ñemu ha vehículo ñembojera',
      'G · Trade and repair of vehicles',
    ),
    H: l('H · Transporte y almacenamiento', 'H · Transporte ha depósito', 'H · Transport and storage'),
    I: l('I · Alojamiento y comidas', 'I · Hotel ha tembi’u', 'I · Accommodation and food service'),
    J: l(
      'J · Información y comunicaciones',
      'J · Marandu ha comunicación',
      'J · Information and communication',
    ),
    K: l('K · Finanzas y seguros', 'K · Pirapire ha seguro', 'K · Financial and insurance'),
    L: l('L · Actividades inmobiliarias', 'L · Óga ha yvy ñemu', 'L · Real estate'),
    M: l(
      'M · Actividades profesionales y técnicas',
      'M · Profesional ha técnico rembiapo',
      'M · Professional, scientific and technical',
    ),
    N: l(
      'N · Servicios administrativos y de apoyo',
      'N · Servicio administrativo ha pytyvõ',
      'N · Administrative and support services',
    ),
    O: l(
      'O · Administración pública y defensa',
      'O · Administración pública ha defensa',
      'O · Public administration and defence',
    ),
    P: l('P · Enseñanza', "P · Mbo'e", 'P · Education'),
    Q: l('Q · Salud y asistencia social', 'Q · Tesãi ha pytyvõ social', 'Q · Human health and social work'),
    R: l(
      'R · Arte, entretenimiento y recreación',
      'R · Arte ha vy’a',
      'R · Arts, entertainment and recreation',
    ),
    S: l('S · Otros servicios', 'S · Ambue servicio', 'S · Other services'),
    T: l(
      'T · Hogares como empleadores (trabajo doméstico)',
      'T · Óga oipurúva omba’apo hag̃ua (tembiapo ógape)',
      'T · Households as employers (domestic work)',
    ),
    U: l(
      'U · Organizaciones extraterritoriales',
      'U · Organización ambue tetãgua',
      'U · Extraterritorial organisations',
    ),
  },
  SEXUAL_EXPLOITATION_TYPES: {
    Prostitution: l('Prostitución ajena', 'Prostitución', 'Prostitution'),
    Pornography: l('Pornografía', 'Pornografía', 'Pornography'),
    RemoteInteractiveServices: l(
      'Servicios sexuales a distancia (en línea)',
      'Servicio sexual mombyry guive (internet rupi)',
      'Remote interactive sexual services',
    ),
    PrivateSexualServices: l(
      'Servicios sexuales privados',
      'Servicio sexual ñemiháme',
      'Private sexual services',
    ),
  },
  CONTROL_METHODS: {
    PhysicalThreats: l('Amenazas físicas', 'Ñemongyhyje', 'Physical threats'),
    ThreatsLawEnforcement: l(
      'Amenaza de denunciar a la policía o migraciones',
      'Ñemongyhyje policía térã migraciones ndive',
      'Threats of law enforcement',
    ),
    ThreatensChildrenFamily: l(
      'Amenazas a hijos o familia',
      'Ñemongyhyje ta’ýra térã ogaygua rehe',
      'Threats to children or family',
    ),
    DebtBondage: l('Servidumbre por deudas', 'Tembiapo ñeme’ẽ rupi', 'Debt bondage'),
    FalsePromises: l('Falsas promesas', 'Ñe’ẽme’ẽ japu', 'False promises'),
    PhysicalAbuse: l('Maltrato físico', 'Jeja’o ha jenupã', 'Physical abuse'),
    SexualAbuse: l('Abuso sexual', 'Abuso sexual', 'Sexual abuse'),
    TakesEarnings: l('Se queda con sus ganancias', 'Oipe’a chugui ipirapire', 'Takes earnings'),
    RestrictsFinancialAccess: l(
      'Restringe el acceso al dinero',
      'Ndohejái oipuru ipirapire',
      'Restricts access to money',
    ),
    RestrictsMedicalCare: l(
      'Restringe la atención médica',
      'Ndohejái ojesareko hesãi',
      'Restricts medical care',
    ),
    WithholdsNecessities: l('Priva de lo necesario', 'Ndome’ẽi tekotevẽva', 'Withholds necessities'),
    PsychologicalAbuse: l('Maltrato psicológico', 'Maltrato psicológico', 'Psychological abuse'),
    PsychoactiveSubstance: l('Sustancias psicoactivas', 'Pohã ñana (droga)', 'Psychoactive substances'),
    ExcessiveWorkingHours: l('Jornadas excesivas', 'Tembiapo hetaiterei aravo', 'Excessive working hours'),
    WithholdsDocuments: l('Retiene sus documentos', 'Oñongatu idocumento', 'Withholds documents'),
    Other: OTHER,
  },
  RECRUITMENT_METHODS: {
    AtAPlaceOfBusiness: l('En un comercio o negocio', 'Negocio-pe', 'At a place of business'),
    AtAnEducationalInstitution: l('En un centro educativo', "Mbo'ehaópe", 'At an educational institution'),
    AtWork: l('En el trabajo', 'Tembiapópe', 'At work'),
    ThroughOnlineSocialNetworks: l(
      'Por redes sociales',
      'Redes sociales rupi',
      'Through online social networks',
    ),
    ThroughAnOnlineAdvertisement: l(
      'Por un anuncio en internet',
      'Anuncio internet-pegua rupi',
      'Through an online advertisement',
    ),
    ThroughATelevisionAdvert: l(
      'Por un anuncio en televisión',
      'Anuncio televisión-pegua rupi',
      'Through a television advert',
    ),
    ThroughANewspaperAdvert: l(
      'Por un anuncio en el diario',
      'Anuncio kuatiahai rupi',
      'Through a newspaper advert',
    ),
    ThroughFamilyOrFamilyEvents: l(
      'Por la familia o en reuniones familiares',
      'Ogaygua rupi',
      'Through family or family events',
    ),
    ThroughFriendsOrSocialEvents: l(
      'Por amistades o reuniones sociales',
      'Angirũnguéra rupi',
      'Through friends or social events',
    ),
    Other: OTHER,
  },
  RECRUITER_RELATIONS: {
    Familial: l('Familiar', 'Ogayguáva', 'Family'),
    Acquainted: l('Conocido/a', 'Ojekuaáva', 'Acquaintance'),
    Unacquainted: l('Desconocido/a', "Ojekuaa'ỹva", 'Stranger'),
    IntimatePartner: l('Pareja', 'Ñemoirũ (pareja)', 'Intimate partner'),
    Friend: l('Amigo/a', 'Angirũ', 'Friend'),
    Unknown: l('No se sabe', 'Ndojekuaái', 'Unknown'),
  },
  PLATFORMS: {
    Facebook: l('Facebook', 'Facebook', 'Facebook'),
    Instagram: l('Instagram', 'Instagram', 'Instagram'),
    WhatsApp: l('WhatsApp', 'WhatsApp', 'WhatsApp'),
    Telegram: l('Telegram', 'Telegram', 'Telegram'),
    Messenger: l('Messenger', 'Messenger', 'Messenger'),
    Viber: l('Viber', 'Viber', 'Viber'),
    Snapchat: l('Snapchat', 'Snapchat', 'Snapchat'),
    Line: l('Line', 'Line', 'Line'),
    TikTok: l('TikTok', 'TikTok', 'TikTok'),
    X: l('X (Twitter)', 'X (Twitter)', 'X (Twitter)'),
    DatingSite: l('Sitio de citas', 'Sitio ñembohetaha (citas)', 'Dating site'),
    JobSite: l('Sitio de empleo', 'Sitio tembiapo jeheka', 'Job site'),
    Other: OTHER,
  },
  EVENT_TYPES: {
    Recruitment: l('Captación', 'Ñembosako’i (captación)', 'Recruitment'),
    Transit: l('Traslado', 'Ñemondo (traslado)', 'Transit'),
    Exploitation: l('Explotación', 'Explotación', 'Exploitation'),
  },
  VULNERABILITY_FACTORS: {
    Indigenous: l('Pueblo indígena', 'Tetã ypykuéra', 'Indigenous people'),
    RuralPoverty: l('Pobreza rural', 'Mboriahu okaraguáva', 'Rural poverty'),
    StreetChild: l('Niño/a en situación de calle', 'Mitã oikóva tapére', 'Street child'),
    DomesticWorkCriadazgo: l(
      'Trabajo doméstico / criadazgo',
      'Tembiapo ógape / criadazgo',
      'Domestic work / criadazgo',
    ),
    WomanInProstitution: l(
      'Mujer en situación de prostitución',
      'Kuña oĩva prostitución-pe',
      'Woman in prostitution',
    ),
    UndocumentedMigrant: l(
      'Migrante sin documentos',
      'Migrante ndorekóiva documento',
      'Undocumented migrant',
    ),
    ReturningFromAbroad: l('Retorno desde el exterior', 'Ojevýva ambue tetãgui', 'Returning from abroad'),
    Addiction: l('Adicción', 'Vicio (adicción)', 'Addiction'),
    Disability: l('Discapacidad', 'Discapacidad', 'Disability'),
    Homelessness: l('Sin vivienda', 'Ndoguerekóiva óga', 'Homelessness'),
    Other: OTHER,
  },
  SERVICE_TYPES: {
    Shelter: l('Albergue', 'Tekoha ñangarekoha (albergue)', 'Shelter'),
    DropInCentre: l('Centro de atención diurna', 'Centro ñangareko ára pukukue', 'Drop-in centre'),
    Medical: l('Atención médica', 'Pohãnohára ñangareko', 'Medical care'),
    Psychological: l('Atención psicológica', 'Ñangareko psicológico', 'Psychological support'),
    LegalAid: l('Asistencia jurídica', 'Pytyvõ léi rehegua', 'Legal aid'),
    Repatriation: l('Repatriación', 'Jevy tetã teépe (repatriación)', 'Repatriation'),
    ResidencyRegularisation: l(
      'Regularización migratoria',
      'Residencia ñemohenda',
      'Residency regularisation',
    ),
    FamilyReintegration: l('Reintegración familiar', 'Jevy ogaygua ndive', 'Family reintegration'),
    Education: l('Educación', "Mbo'epy", 'Education'),
    Livelihood: l('Medios de vida', "Tembiapo ha jeiko'ỹ", 'Livelihood'),
    FinancialHelp: l('Ayuda económica', 'Pytyvõ pirapire rehegua', 'Financial help'),
    Interpretation: l('Interpretación', "Ñe'ẽmbohasa", 'Interpretation'),
    LabourExploitationRehabilitation: l(
      'Rehabilitación tras explotación laboral',
      'Ñemopu’ã tembiapo explotación rire',
      'Labour exploitation rehabilitation',
    ),
    SexualExploitationRehabilitation: l(
      'Rehabilitación tras explotación sexual',
      'Ñemopu’ã explotación sexual rire',
      'Sexual exploitation rehabilitation',
    ),
    RightsBasedTraining: l('Formación en derechos', "Mbo'epy derécho rehegua", 'Rights-based training'),
    SocialCare: l('Atención social', 'Ñangareko social', 'Social care'),
  },
  URGENCIES: {
    Immediate: l('Inmediata', 'Ko’ágã voi', 'Immediate'),
    High: l('Alta', 'Tuicha', 'High'),
    Normal: l('Normal', 'Jepiguáicha', 'Normal'),
  },
  REFERRAL_STATES: {
    requested: l('Solicitada', 'Ojejeruréva', 'Requested'),
    accepted: l('Aceptada', 'Oñemoneĩva', 'Accepted'),
    declined: l('Rechazada', 'Oñembotovéva', 'Declined'),
    in_progress: l('En curso', 'Oikóva', 'In progress'),
    completed: l('Completada', 'Opámava', 'Completed'),
    closed: l('Cerrada', 'Oñembotýva', 'Closed'),
    withdrawn: l(
      'Retirada (consentimiento retirado)',
      'Oñeguenohẽva (consentimiento oñeguenohẽ)',
      'Withdrawn (consent withdrawn)',
    ),
  },
  UNMET_REASONS: {
    no_provider_for_profile: l(
      'Ningún proveedor para el perfil',
      'Ndaipóri proveedor ko perfil-pe guarã',
      'No provider for the profile',
    ),
    no_capacity: l('Sin plazas libres', 'Ndaipóri tenda sãsõ', 'No free places'),
    not_offered_in_department: l(
      'No se ofrece en el departamento',
      'Ndojeikuave’êi ko tetãvore-pe',
      'Not offered in the department',
    ),
  },
  NEED_STATUSES: {
    open: l('Abierta', 'Ojeguerekóva', 'Open'),
    unmet: l('No cubierta', 'Ojehupyty’ỹva', 'Unmet'),
    referred: l('Derivada', 'Oñemondóva', 'Referred'),
    met: l('Cubierta', 'Ojehupytýva', 'Met'),
  },
  CONSENT_METHODS: {
    Written: l('Por escrito', 'Jehaípe', 'Written'),
    Verbal: l('Verbal', 'Ñe’ẽ rupive', 'Verbal'),
    VerbalWithWitness: l('Verbal, con testigo', 'Ñe’ẽ rupive, testigo ndive', 'Verbal, with a witness'),
    ThroughInterpreter: l('Con intérprete', 'Ñe’ẽmbohasaha rupive', 'Through an interpreter'),
  },
  CONSENT_GIVERS: {
    Person: l('La persona', 'Tapicha voi', 'The person'),
    LegalGuardian: l('Tutor legal', 'Tutor legal', 'Legal guardian'),
    Parent: l('Madre o padre', 'Sy térã túva', 'Parent'),
  },
};

function isValueOf<L extends ValueListName>(list: L, value: string): value is ValueOf<L> {
  return (VALUE_LISTS[list] as readonly string[]).includes(value);
}

/**
 * The label of `value` of `list` in `locale`, e.g. `valueLabel('es', 'DETECTION_METHODS', 'Hotline')`.
 * A value not in the list (an old record, a newer server) shows as its code rather than failing.
 */
export function valueLabel(locale: Locale, list: ValueListName, value: string): string {
  if (!isValueOf(list, value)) return value;
  const labels = (VALUE_LABELS[list] as Record<string, Labels>)[value];
  return labels?.[locale] ?? value;
}

/** The values of `list` with their labels in `locale`, in the list's order: options for a select. */
export function valueOptions<L extends ValueListName>(
  locale: Locale,
  list: L,
): { value: ValueOf<L>; label: string }[] {
  return (VALUE_LISTS[list] as readonly ValueOf<L>[]).map((value) => ({
    value,
    label: valueLabel(locale, list, value),
  }));
}
