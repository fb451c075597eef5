/**
 * The messages of the shared schemas' own checks (`.refine`, `.regex`, `addIssue`), in Spanish, the
 * source of the codes: a schema names a code (`'issue.afterToday'`), never English text. The server's
 * error handler answers them in the request's language (src/server/core/messages.ts) and the web
 * catalogues spread them (src/web/i18n/<lang>.ts), so a form shows the same text before sending.
 * Plain text, no ICU arguments. See src/shared/issue-messages/index.ts.
 */
export const issuesEs = {
  'issue.repeated': 'Un valor está repetido.',
  'issue.referenceChars': 'Use solo letras, dígitos, espacios y . / _ -',
  'issue.chooseRole': 'Elija al menos un rol.',
  'issue.factsBeforeCharge': 'Los hechos no pueden ser posteriores a la imputación.',
  'issue.sentenceNeedsConviction': 'Una pena solo corresponde a una condena.',
  'issue.convictionNeedsSentence': 'Una condena necesita la pena en meses (o una multa).',
  'issue.suspendedNeedsSentence': 'Solo una pena puede suspenderse.',
  'issue.grantedBeforeRequested': 'La fecha de concesión no puede ser anterior a la de solicitud.',
  'issue.fromAfterTo': 'La fecha «desde» no puede ser posterior a la fecha «hasta».',
  'issue.usernameChars': 'Use solo letras sin acento, dígitos, punto, guion y guion bajo.',
  'issue.sixDigits': 'Debe tener 6 dígitos.',
  'issue.codeChars': 'Use solo mayúsculas, dígitos y guiones.',
  'issue.departmentCode': 'Escriba un código ISO 3166-2:PY como PY-11.',
  'issue.nothingToChange': 'No hay cambios para guardar.',
  'issue.personOrExisting': 'Indique una persona nueva o una ya registrada, no ambas.',
  'issue.childConsentGiver':
    'El consentimiento de un niño, niña o adolescente lo da su madre o padre, su tutor legal o una autoridad.',
  'issue.dateFormat': 'Escriba una fecha como AAAA-MM-DD.',
  'issue.notARealDate': 'Esa fecha no existe.',
  'issue.afterToday': 'La fecha no puede ser posterior a hoy.',
  'issue.inFuture': 'El momento no puede estar en el futuro.',
  'issue.endsBeforeStart': 'El fin no puede ser anterior al inicio.',
  'issue.countryCodeFormat': 'Escriba un código de país ISO 3166-1 de dos letras, como PY.',
  'issue.countryCodeOrUnknown': 'Escriba un código de país ISO 3166-1 de dos letras, como PY, o Unknown.',
  'issue.unknownCountry': 'No es un código de país ISO 3166-1.',
  'issue.fieldTwice': 'Cada campo una sola vez.',
  'issue.platformsNeedOnline': 'Las plataformas solo corresponden a una captación en línea.',
  'issue.caseReference': 'Escriba una referencia de caso como PY-2026-000037.',
  'issue.caseIdOrReference': 'Indique el caso por su identificador o por su referencia.',
  'issue.atLeastOneRecord': 'Indique al menos un registro.',
  'issue.refusalOnlyOnRequest': 'Solo se rechaza una solicitud del titular de los datos.',
  'issue.refusalNeedsException': 'Un rechazo indica su excepción legal.',
  'issue.requestNeedsDate': 'Una solicitud del titular de los datos lleva la fecha en que se hizo.',
  'issue.eventDepartment': 'Indique el departamento de un evento presencial o híbrido.',
  'issue.participantCellTwice': 'Una institución y sexo aparecen dos veces.',
  'issue.period': 'Escriba un año (2026), un trimestre (2026-Q2) o un mes (2026-05).',
  'issue.serviceTwice': 'Un servicio figura dos veces.',
  'issue.minAgeAboveMax': 'La edad mínima no puede superar la máxima.',
  'issue.occupancyAboveCapacity': 'La ocupación no puede superar la capacidad.',
  'issue.closeReferralReason': 'Indique el motivo para cerrar una derivación.',
  'issue.idsOrAll': 'Indique los identificadores o «todas».',
  'issue.institutionTwice': 'Una institución figura dos veces.',
  'issue.convictionNeedsCharge': 'Una condena necesita al menos un cargo condenado.',
  'issue.requiredHere': 'Este campo es obligatorio en este caso.',
  'issue.notAllowedHere': 'Este campo no corresponde en este caso.',
} as const;
