/**
 * Spanish messages of offline work (docs/OFFLINE.md), spread into es.ts.
 * The keys of this object are the keys the Guaraní and English files must have.
 */
export const offlineEs = {
  'nav.offline': 'Trabajo sin conexión',
  'offline.title': 'Trabajo sin conexión',
  'offline.intro':
    'Registre este dispositivo para completar ingresos sin señal. Todo lo que escriba queda cifrado en el dispositivo hasta enviarlo.',
  'offline.noNetwork': 'Sin conexión: lo que registre se enviará cuando vuelva la señal.',
  'offline.reconnect': 'Reconectar',
  'offline.register.title': 'Registrar este dispositivo',
  'offline.register.name': 'Nombre del dispositivo',
  'offline.register.nameHint':
    'Por ejemplo «Teléfono de la unidad de Encarnación». Nunca el nombre de una persona.',
  'offline.register.pin': 'PIN sin conexión',
  'offline.register.pinHint':
    'De 6 a 12 cifras. Cinco PIN equivocados seguidos borran los datos del dispositivo.',
  'offline.register.pinAgain': 'Repita el PIN',
  'offline.register.submit': 'Registrar y cifrar',
  'offline.register.pinInvalid': 'El PIN debe tener de 6 a 12 cifras.',
  'offline.register.pinMismatch': 'Los dos PIN no coinciden.',
  'offline.register.notAllowed': 'Su función no registra dispositivos para trabajo de campo.',
  'offline.unlock.title': 'Desbloquear datos sin conexión',
  'offline.unlock.intro':
    'Este dispositivo guarda datos cifrados de su trabajo sin conexión. Ingrese su PIN para abrirlos.',
  'offline.unlock.pin': 'PIN',
  'offline.unlock.submit': 'Desbloquear',
  'offline.unlock.wrong':
    '{count, plural, one {PIN equivocado. Queda # intento antes de borrar los datos.} other {PIN equivocado. Quedan # intentos antes de borrar los datos.}}',
  'offline.unlock.none': 'Este dispositivo no guarda datos sin conexión suyos.',
  'offline.wiped': 'Los datos sin conexión de este dispositivo fueron borrados.',
  'offline.lock': 'Bloquear',
  'offline.tab.queue': 'Pendientes de envío',
  'offline.tab.intake': 'Nuevo ingreso',
  'offline.tab.cases': 'Casos guardados',
  'offline.wipe': 'Borrar este dispositivo ahora',
  'offline.wipe.confirm':
    '¿Borrar ya todos los datos sin conexión de este dispositivo? Lo que no se envió se pierde.',
  'offline.wipe.yes': 'Sí, borrar ahora',
  'offline.cancel': 'Cancelar',
  'offline.queue.empty': 'No hay nada pendiente de envío.',
  'offline.queue.count': '{count, plural, one {# registro pendiente} other {# registros pendientes}}',
  'offline.queue.sync': 'Enviar ahora',
  'offline.queue.syncOffline': 'Se enviará cuando haya conexión.',
  'offline.queue.progress': 'Enviando {done} de {total}…',
  'offline.queue.result':
    'Enviados: {sent}. Rechazados: {refused}. Por revisar: {held}.{waiting, plural, =0 {} one { # en espera.} other { # en espera.}}',
  'offline.queue.intake': 'Ingreso de {name}',
  'offline.queue.caseEdit': 'Cambio del caso {reference}',
  'offline.queue.madeAt': 'Hecho el {at}',
  'offline.queue.state':
    '{state, select, pending {Por enviar} refused {Rechazado} review {Posible duplicado} other {}}',
  'offline.queue.discard': 'Descartar',
  'offline.queue.retry': 'Reintentar',
  'offline.duplicates.title': 'Posibles duplicados: ¿es alguna de estas personas?',
  'offline.duplicates.candidate': '{name} ({year}) — {matched}',
  'offline.duplicates.same': 'Es esta persona',
  'offline.duplicates.other': 'Es otra persona: registrar nueva',
  'offline.duplicates.matched':
    '{on, select, document {mismo documento} other {mismo nombre y fecha de nacimiento}}',
  'offline.conflict.title': 'Otra persona cambió este caso mientras usted estaba sin conexión',
  'offline.conflict.field': 'Campo',
  'offline.conflict.mine': 'Mi cambio',
  'offline.conflict.theirs': 'Lo que está en el servidor',
  'offline.conflict.keepMine': 'Conservar el mío',
  'offline.conflict.keepTheirs': 'Conservar el del servidor',
  'offline.conflict.resolve': 'Resolver y enviar',
  'offline.conflict.empty': '(vacío)',
  'offline.intake.person': 'Persona',
  'offline.intake.case': 'Caso',
  'offline.intake.screening': 'Tamizaje',
  'offline.intake.event': 'Evento de trata',
  'offline.intake.noInstrument':
    'El instrumento de tamizaje no está en el dispositivo: conéctese una vez para guardarlo.',
  'offline.intake.factsDate': 'Fecha de los hechos',
  'offline.intake.eventType': 'Etapa',
  'offline.intake.online': 'Ocurrió por internet (TIC)',
  'offline.intake.platforms': 'Plataformas',
  'offline.intake.save': 'Guardar cifrado en el dispositivo',
  'offline.intake.saved': 'Ingreso guardado en el dispositivo. Se enviará al volver la conexión.',
  'offline.intake.decision': 'Decisión sobre la condición de víctima',
  'offline.intake.decisionNow':
    'Registrar la decisión ahora (si no, se registra después en la página del caso)',
  'offline.intake.exploitation': 'Explotación, control y captación',
  'offline.intake.exploitationNow': 'Registrar lo que vivió la persona',
  'offline.intake.needs': 'Necesidades',
  'offline.intake.needAdd': 'Agregar una necesidad',
  'offline.intake.needRemove': 'Quitar esta necesidad',
  'offline.intake.consent': 'Consentimiento para la derivación',
  'offline.intake.consentNow': 'Registrar el consentimiento ahora',
  'offline.intake.minorNotice':
    'Según la edad registrada, esta persona es menor de 18 años: el consentimiento lo da su madre, padre, tutor legal o una autoridad, no ella sola.',
  'offline.intake.minorConsent': 'Menor de 18 años: elija madre, padre, tutor legal o autoridad.',
  'offline.intake.correcting': 'Corrija el ingreso rechazado; se enviará de nuevo en lugar del rechazado.',
  'offline.intake.saveCorrection': 'Guardar la corrección',
  'offline.queue.fix': 'Corregir',
  'offline.queue.caseEvent': 'Evento en el caso {reference}',
  'offline.queue.caseNote': 'Nota en el caso {reference}',
  'offline.cases.addEvent': 'Agregar un evento de trata',
  'offline.cases.eventSaved': 'Evento guardado en el dispositivo; se enviará al volver la conexión.',
  'offline.banner.locked':
    'Este dispositivo guarda su trabajo sin conexión, cerrado. Ábralo con su PIN en «Trabajo sin conexión» cuando lo necesite.',
  'offline.banner.open': 'Abrir trabajo sin conexión',
  'offline.banner.pending':
    '{count, plural, one {# registro sin enviar en este dispositivo.} other {# registros sin enviar en este dispositivo.}}',
  'offline.cases.empty': 'No guardó casos para trabajar sin conexión. Ábralos desde la página del caso.',
  'offline.cases.keep': 'Guardar para trabajo sin conexión',
  'offline.cases.kept': 'Caso guardado en este dispositivo (sin relato ni datos de salud o legales).',
  'offline.cases.needsDevice': 'Registre este dispositivo en «Trabajo sin conexión» para guardar casos.',
  'offline.cases.edit': 'Editar sin conexión',
  'offline.cases.forget': 'Quitar del dispositivo',
  'offline.cases.version': 'Versión {version}',
  'offline.cases.saveEdit': 'Guardar cambio',
  'offline.cases.editSaved': 'Cambio guardado en el dispositivo; se enviará al volver la conexión.',
  'offline.cases.noChange': 'No cambió ningún campo.',
  'timeline.offlineCapture': 'Registrado sin conexión el {at}',
  'offline.search.label': 'Buscar en los casos guardados',
  'offline.search.hint':
    'Nombre, referencia, departamento o lugar. Se busca solo en este dispositivo, sin conexión.',
  'offline.search.found':
    '{count, plural, =0 {Ningún caso coincide} one {# caso coincide} other {# casos coinciden}} (de {total}).',
  'offline.search.all':
    '{count, plural, one {# caso guardado} other {# casos guardados}} en este dispositivo.',
  'offline.cases.open': 'Abrir',
  'offline.cases.openCase': 'Abrir el caso {reference}',
  'offline.cases.back': '← Casos guardados',
  'offline.cases.copyNote':
    'Copia guardada en este dispositivo el {at} (versión {version}): puede no mostrar cambios posteriores.',
  'offline.cases.notOnDevice':
    'El relato, las respuestas del tamizaje y los motivos de las decisiones no se guardan en los dispositivos: se leen con conexión.',
  'offline.cases.summaryOnly':
    'Esta copia se guardó antes de que los dispositivos guardaran la página del caso: solo tiene el resumen. Guárdela de nuevo con conexión.',
  'offline.cases.renew': 'Actualizar la copia de este dispositivo',
  'offline.cases.keptHere': 'Este caso está guardado en este dispositivo.',
  'offline.cases.offlineFallback':
    'Sin conexión: se muestra la copia de este caso guardada en el dispositivo.',
} as const;
