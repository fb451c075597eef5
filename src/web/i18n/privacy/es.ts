/**
 * Spanish messages of privacy operations (docs/PRIVACY.md), spread into es.ts.
 * The keys of this object are the keys the Guaraní and English files must have.
 */
export const privacyEs = {
  'nav.privacy': 'Protección de datos',
  'privacy.title': 'Protección de datos',
  'privacy.intro':
    'Alertas calculadas del registro de auditoría, accesos de emergencia por revisar y registros que cumplieron su plazo de conservación.',
  'privacy.alerts': 'Alertas',
  'privacy.noAlerts': 'No hay alertas abiertas.',
  'privacy.contents': 'En esta página',
  'privacy.showAllAlerts': 'Mostrar las {count} alertas',
  'privacy.alertKind':
    '{kind, select, bulk_reading {Lectura masiva} out_of_hours {Lectura fuera de horario} unassigned_case {Caso de otra unidad} export {Exportación} probing {Intentos rechazados repetidos} break_glass {Acceso de emergencia} own_surname {Registro con su mismo apellido} other {Alerta}}',
  'privacy.alertLine': '{user} ({institution}): {count, plural, one {# vez} other {# veces}}, {from} – {to}',
  'privacy.acknowledge': 'Marcar como revisada',
  'privacy.acknowledged': 'Alerta marcada como revisada.',
  'privacy.breakGlass': 'Accesos de emergencia por revisar',
  'privacy.noBreakGlass': 'No hay accesos de emergencia por revisar.',
  'privacy.bgState':
    '{state, select, active {En curso} awaiting_review {Por revisar} overdue {Revisión vencida} other {Revisado}}',
  'privacy.bgLine':
    '{user} ({institution}) abrió {resource, select, person {el registro de una persona} case {un caso} other {un registro}} de {owner} el {opened}',
  'privacy.reviewNote': 'Nota de la revisión',
  'privacy.justified': 'Justificado',
  'privacy.notJustified': 'No justificado',
  'privacy.reviewed': 'Revisión guardada.',
  'privacy.due': 'Conservación cumplida',
  'privacy.noDue': 'Ningún registro cumplió su plazo de conservación.',
  'privacy.dueLine':
    '{reference} ({institution}) — {category, select, victim_case {caso con víctima} other_case {otro caso} other {contacto de línea}} — vence {due}',
  'privacy.confirmErase':
    'Confirmo que los datos personales de los registros elegidos se borran para siempre.',
  'privacy.erased': '{count, plural, one {Se borró # registro} other {Se borraron # registros}}.',
  'privacy.holds': 'Retenciones legales',
  'privacy.noHolds': 'No hay retenciones manuales.',
  'privacy.release': 'Levantar',
  'privacy.released': 'Retención levantada.',
  'privacy.eraseCount':
    '{count, plural, one {Borrar el registro elegido} other {Borrar los # registros elegidos}}',
  'privacy.dueShow': '{state, select, due {Para borrar} other {Retenidos}}',
  'privacy.dueCount':
    '{shown, plural, one {# registro} other {# registros}} · {chosen, plural, =0 {ninguno elegido} one {# elegido} other {# elegidos}}',
  'privacy.noHeld': 'Ningún registro vencido está retenido.',
  'privacy.chooseAll': 'Elegir todos los de la lista',
  'privacy.heldManual': 'Retención manual: {reason}',
  'privacy.heldByInvestigation': 'Retenido: vinculado a una investigación no decidida en forma definitiva',
  'privacy.dueMore': 'Mostrar hasta 500',
  'privacy.holdPlaced': 'El caso {reference} quedó retenido.',
  'privacy.referenceHint': 'La referencia del caso, por ejemplo PY-2026-000037.',
  'privacy.referencesHint':
    'Una o más referencias de caso, separadas por espacios o comas (por ejemplo PY-2026-000037).',
  'privacy.holdSince': 'Desde {at}',
  'privacy.holdAdd': 'Retener un caso',
  'privacy.caseReference': 'Referencia del caso',
  'privacy.holdReason': 'Motivo de la retención',
  'privacy.holdReasonHint':
    'Una orden judicial, un reclamo, un recurso pendiente… (al menos 10 caracteres; sin datos de la persona).',
  'privacy.holdSubmit': 'Retener',
  'privacy.exceptionRequired': 'Elija la excepción legal de la negativa.',
  'privacy.confirmRequired': 'Confirme que el borrado es definitivo.',
  'privacy.requestRefused':
    '{count, plural, one {Negativa registrada para # caso} other {Negativa registrada para # casos}}.',
  'privacy.request': 'Pedido de borrado de la persona',
  'privacy.requestIntro':
    'Cuando una persona pide que se borren sus datos: se borran aunque no haya vencido la conservación (nunca un caso retenido), o se niega con una excepción legal. Las dos decisiones quedan registradas.',
  'privacy.requestCases': 'Casos del pedido',
  'privacy.requestedOn': 'Fecha del pedido',
  'privacy.requestDecision': 'Decisión',
  'privacy.requestDecisionValue': '{decision, select, erase {Borrar} other {Negar}}',
  'privacy.exception': 'Excepción legal',
  'privacy.exceptionValue':
    '{exception, select, legal_hold {Retención legal} legal_obligation {Obligación legal de conservar} legal_claims {Reclamos judiciales} other {Archivo de interés público}}',
  'privacy.requestSubmit': '{decision, select, erase {Borrar los datos} other {Registrar la negativa}}',
  'privacy.schedule': 'Plazos de conservación',
  'privacy.scheduleIntro':
    'Años que se conserva cada tipo de registro después del cierre del caso (un contacto de línea, desde que se recibió). Nada se borra solo: los registros vencidos esperan su decisión.',
  'privacy.scheduleYears':
    '{category, select, victim_case {Casos con víctima (años)} other_case {Otros casos (años)} other {Contactos de línea sin caso (años)}}',
  'privacy.scheduleSaved': 'Plazos de conservación guardados.',
  'privacy.openBreakGlass': 'Acceso de emergencia',
  'privacy.breakGlassIntro':
    'Escriba el motivo de la emergencia: se avisa al supervisor de la institución dueña y al Delegado de Protección de Datos, que revisará el acceso.',
  'privacy.reason': 'Motivo de la emergencia',
  'privacy.open': 'Abrir en emergencia',
  'privacy.masked': 'Oculto ({label})',
  'privacy.reveal': 'Mostrar',
  'privacy.revealNamed': 'Mostrar: {field}',
  'privacy.revealTitle': 'Mostrar {field}',
  'privacy.revealIntro':
    'Este dato es sensible y su función no lo necesita habitualmente. Si lo muestra, queda registrado en la auditoría quién lo vio, cuándo y para qué.',
  'privacy.revealPurpose': 'Finalidad',
  'privacy.revealConfirm': 'Mostrar y registrar',
  'privacy.purpose.case_management': 'Atención del caso',
  'privacy.purpose.referral': 'Derivación a un servicio',
  'privacy.purpose.investigation': 'Investigación penal',
  'privacy.purpose.data_subject_request': 'Pedido de la propia persona',
  'privacy.purpose.statistics': 'Estadística',
  'privacy.purpose.administration': 'Administración',
  'privacy.purpose.audit': 'Auditoría',
  'privacy.purpose.break_glass': 'Acceso de emergencia',
  'privacy.label.identity': 'identidad',
  'privacy.label.contact': 'contacto',
  'privacy.label.location': 'ubicación',
  'privacy.label.health': 'salud',
  'privacy.label.testimony': 'relato',
  'privacy.label.legal': 'situación legal',
  'privacy.reviewNoteHint': 'Al menos 5 caracteres: por qué el acceso fue o no justificado.',
  'privacy.consentReceiptOffer': 'Entregue el comprobante a la persona:',
  'privacy.bgOffer':
    'Este registro no está en su ámbito de trabajo. En una emergencia puede abrirlo, solo para leer, por un tiempo limitado.',
  'privacy.bgRequest': 'Pedir acceso de emergencia',
  'privacy.bgLimit':
    'El acceso dura {minutes, plural, =60 {1 hora} =120 {2 horas} other {# minutos}}, solo para leer. Cada lectura queda registrada.',
  'privacy.bgReasonHint': 'Describa la emergencia (al menos 20 caracteres).',
  'privacy.bgBannerTitle': 'Acceso de emergencia.',
  'privacy.bgBanner':
    'Solo lectura, hasta el {until} ({minutes, plural, one {queda # minuto} other {quedan # minutos}}). El Delegado de Protección de Datos revisará este acceso.',
  'privacy.bgBannerEnded': 'Su acceso de emergencia terminó.',
  'privacy.bgShow': '{state, select, unreviewed {Sin revisar} reviewed {Revisados} other {Todos}}',
  'privacy.bgFilter': 'Mostrar',
  'privacy.bgReviewLine': '{review, select, justified {Justificado} other {No justificado}} el {at}: {note}',
  'privacy.bgExpires': 'Vence: {at}',
  'privacy.openAudit': 'Ver en la auditoría',
  'privacy.consentReceiptNamed': 'Comprobante de consentimiento (PDF, {language})',
  'privacy.accessReportNamed': 'Informe de accesos (PDF, {language})',
  'privacy.maskedShort': 'oculto',
} as const;
