/**
 * Spanish and English labels of the HTCDS codes the report prints (service types, exploitation,
 * platforms, deciding organisations, hotline channels), the same words as the web's value catalogues
 * (src/web/i18n/values), which the server cannot import.
 */
import type { DimensionId } from '../../shared/api-statistics.js';

export const CODE_LABELS: Partial<Record<DimensionId, Record<string, [string, string]>>> = {
  serviceType: {
    Shelter: ['Albergue', 'Shelter'],
    DropInCentre: ['Centro de atención diurna', 'Drop-in centre'],
    Medical: ['Atención médica', 'Medical care'],
    Psychological: ['Atención psicológica', 'Psychological support'],
    LegalAid: ['Asistencia jurídica', 'Legal aid'],
    Repatriation: ['Repatriación', 'Repatriation'],
    ResidencyRegularisation: ['Regularización migratoria', 'Residency regularisation'],
    FamilyReintegration: ['Reintegración familiar', 'Family reintegration'],
    Education: ['Educación', 'Education'],
    Livelihood: ['Medios de vida', 'Livelihood'],
    FinancialHelp: ['Ayuda económica', 'Financial help'],
    Interpretation: ['Interpretación', 'Interpretation'],
    LabourExploitationRehabilitation: [
      'Rehabilitación tras explotación laboral',
      'Labour exploitation rehabilitation',
    ],
    SexualExploitationRehabilitation: [
      'Rehabilitación tras explotación sexual',
      'Sexual exploitation rehabilitation',
    ],
    RightsBasedTraining: ['Formación en derechos', 'Rights-based training'],
    SocialCare: ['Atención social', 'Social care'],
  },
  decisionOrg: {
    Police: ['Policía', 'Police'],
    NGO: ['ONG', 'NGO'],
    CourtOrProsecution: ['Juzgado o Fiscalía', 'Court or prosecution'],
    NonPoliceGovernmentalOrganization: ['Institución pública (no policial)', 'Government body (not police)'],
    Other: ['Otro', 'Other'],
  },
  exploitation: {
    ForcedLabour: ['Trabajo forzoso', 'Forced labour'],
    SexualExploitation: ['Explotación sexual', 'Sexual exploitation'],
    ChildLabour: ['Trabajo infantil', 'Child labour'],
    ForcedMarriage: ['Matrimonio forzado', 'Forced marriage'],
    Servitude: ['Servidumbre (incluido criadazgo)', 'Servitude (incl. domestic)'],
    ForcedMilitaryByNonStateActors: [
      'Reclutamiento armado por grupos no estatales',
      'Forced military service by non-state actors',
    ],
    OrganRemoval: ['Extracción de órganos', 'Organ removal'],
    ForcedBegging: ['Mendicidad forzada', 'Forced begging'],
    ForcedAdoption: ['Adopción forzada', 'Forced adoption'],
    Surrogacy: ['Gestación subrogada', 'Surrogacy'],
    Other: ['Otro', 'Other'],
  },
  platform: {
    Facebook: ['Facebook', 'Facebook'],
    Instagram: ['Instagram', 'Instagram'],
    WhatsApp: ['WhatsApp', 'WhatsApp'],
    Telegram: ['Telegram', 'Telegram'],
    Messenger: ['Messenger', 'Messenger'],
    Viber: ['Viber', 'Viber'],
    Snapchat: ['Snapchat', 'Snapchat'],
    Line: ['Line', 'Line'],
    TikTok: ['TikTok', 'TikTok'],
    X: ['X (Twitter)', 'X (Twitter)'],
    DatingSite: ['Sitio de citas', 'Dating site'],
    JobSite: ['Sitio de empleo', 'Job site'],
    Other: ['Otro', 'Other'],
  },
  hotlineChannel: {
    Phone: ['Teléfono', 'Phone'],
    WhatsApp: ['WhatsApp', 'WhatsApp'],
    Email: ['Correo electrónico', 'E-mail'],
    Web: ['Formulario web', 'Web form'],
    SocialMedia: ['Redes sociales', 'Social media'],
    InPerson: ['En persona', 'In person'],
    Other: ['Otro', 'Other'],
  },
};
