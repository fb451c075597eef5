/** Error messages of privacy operations, per stable code, in Spanish, Guaraní and English (merged in core/messages.ts). */
import type { Locale } from '../../../shared/roles.js';

export const privacyMessages = {
  break_glass_expired: {
    es: 'Su acceso de emergencia a este registro venció. Si la emergencia sigue, abra un nuevo acceso con su motivo.',
    gn: 'Ne jeike pya’e ko kuatiápe opáma. Pe apañuãi oikóramo gueteri, eipe’a jeike pyahu ha ehai mba’ére.',
    en: 'Your emergency access to this record expired. If the emergency continues, open a new access with its reason.',
  },
  break_glass_not_needed: {
    es: 'Usted ya puede ver este registro: no necesita un acceso de emergencia.',
    gn: 'Ikatúma rehecha ko kuatia: natekotevẽi jeike pya’e.',
    en: 'You can already see this record: no emergency access is needed.',
  },
  break_glass_already_reviewed: {
    es: 'Este acceso de emergencia ya fue revisado.',
    gn: 'Ko jeike pya’e ojehecha jeýma.',
    en: 'This emergency access was already reviewed.',
  },
  erasure_on_legal_hold: {
    es: 'El registro {reference} está bajo retención legal y no puede borrarse. No se borró nada.',
    gn: 'Kuatia {reference} oñeñongatu léi rupi ha ndaikatúi oñembogue. Mba’eve noñemboguei.',
    en: 'Record {reference} is on legal hold and cannot be erased. Nothing was erased.',
  },
  erasure_not_due: {
    es: 'El registro {reference} no cumplió su plazo de conservación. No se borró nada.',
    gn: 'Kuatia {reference} ndohasái gueteri ára oñeñongatu hag̃ua. Mba’eve noñemboguei.',
    en: 'Record {reference} has not reached the end of its retention period. Nothing was erased.',
  },
  erasure_case_open: {
    es: 'El caso {reference} sigue abierto: ciérrelo antes de borrarlo. No se borró nada.',
    gn: 'Káso {reference} ojepe’a gueteri: emboty embogue mboyve. Mba’eve noñemboguei.',
    en: 'Case {reference} is still open: close it before erasing it. Nothing was erased.',
  },
  case_reference_unknown: {
    es: 'No hay ningún caso con la referencia {reference}. Revise la referencia (por ejemplo PY-2026-000037). No se cambió nada.',
    gn: 'Ndaipóri káso oguerekóva referencia {reference}. Ehecha jey referencia (techapyrã PY-2026-000037). Mba’eve noñemoambuéi.',
    en: 'No case has the reference {reference}. Check the reference (for example PY-2026-000037). Nothing was changed.',
  },
  already_erased: {
    es: 'El registro {reference} ya fue borrado.',
    gn: 'Kuatia {reference} oñemboguema.',
    en: 'Record {reference} was already erased.',
  },
  legal_hold_released: {
    es: 'Esta retención legal ya fue levantada.',
    gn: 'Ko jeñongatu léi rupi oñemboykéma.',
    en: 'This legal hold was already released.',
  },
} satisfies Record<string, Record<Locale, string>>;
