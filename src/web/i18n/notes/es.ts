/**
 * Spanish messages of case notes (docs/OFFLINE.md "Case notes"), spread into es.ts.
 * The keys of this object are the keys the Guaraní and English files must have.
 */
export const notesEs = {
  'notes.title': 'Notas',
  'notes.add': 'Agregar nota',
  'notes.addTitle': 'Nueva nota',
  'notes.text': 'Nota',
  'notes.textHint': 'Lo que pasó y lo que sigue. Una nota no se edita: para corregirla, agregue otra.',
  'notes.sensitivity': 'Qué contiene',
  'notes.sensitivityHint':
    'Nota de trabajo: visitas, llamadas, próximos pasos. Las notas con relato, salud o situación legal no se copian a los dispositivos y solo las leen las funciones que las necesitan.',
  'notes.sensitivity.none': 'Nota de trabajo',
  'notes.sensitivity.testimony': 'Relato de la persona',
  'notes.sensitivity.health': 'Salud',
  'notes.sensitivity.legal': 'Situación legal',
  'notes.empty': 'Todavía no hay notas.',
  'notes.saved': 'Nota agregada.',
  'notes.by': '{author} ({institution}) · {at}',
  'notes.madeOffline': 'escrita sin conexión el {at}',
  'notes.masked': 'Nota reservada: su función no necesita este tipo de información.',
  'notes.erased': 'Texto suprimido (borrado de datos personales).',
  'notes.pending': 'pendiente de envío',
  'notes.refused': 'No se envió: {message}',
  'notes.shown':
    '{shown, plural, one {Se muestra # nota de {total}.} other {Se muestran # notas de {total}.}}',
  'notes.more': 'Ver notas anteriores',
  'offline.queue.caseNote': 'Nota en el caso {reference}',
  'offline.cases.addNote': 'Agregar nota',
  'offline.cases.noteSaved': 'Nota guardada en el dispositivo; se enviará cuando vuelva la conexión.',
  'offline.cases.notes': 'Notas guardadas de este caso',
  'offline.cases.noteExcluded':
    'Las notas con relato, salud o situación legal no se guardan en el dispositivo: se leen en línea.',
} as const;
