/** Guaraní messages of case notes (keys: notes/es.ts), spread into gn.ts; awaiting review (review.json). */
import type { notesEs } from './es.js';

export const notesGn: Record<keyof typeof notesEs, string> = {
  'notes.title': 'Jehaipy',
  'notes.add': 'Embojuaju jehaipy',
  'notes.addTitle': 'Jehaipy pyahu',
  'notes.text': 'Jehaipy',
  'notes.textHint': "Mba'épa oiko ha mba'épa oúta. Jehaipy ndojemoambuéi: remyatyrõ hag̃ua, embojuaju ambue.",
  'notes.sensitivity': "Mba'épa oguereko",
  'notes.sensitivityHint':
    "Tembiapo jehaipy: jehechapa, ñe'ẽmondo, tembiapo oúva. Jehaipy oguerekóva mombe'u, tesãi térã léi rehegua noñembohasái dispositivo-pe ha omoñe'ẽ umi tembiapo oikotevẽva añoite.",
  'notes.sensitivity.none': 'Tembiapo jehaipy',
  'notes.sensitivity.testimony': "Tapicha mombe'u",
  'notes.sensitivity.health': 'Tesãi',
  'notes.sensitivity.legal': 'Léi rehegua',
  'notes.empty': 'Ndaipóri gueteri jehaipy.',
  'notes.saved': 'Jehaipy oñembojuaju.',
  'notes.by': '{author} ({institution}) ohai {at}-pe',
  'notes.madeOffline': "ojehai conexión'ỹre {at}-pe",
  'notes.masked': "Jehaipy ñemiguáva: ne rembiapo noikotevẽi ko mba'ekuaarã.",
  'notes.erased': "Jehaipy oñembogue (mba'ekuaarã tapicha rehegua ñemboguepa).",
  'notes.pending': "oha'arõ oñemondo",
  'notes.refused': 'Noñemondói: {message}',
  'notes.shown':
    '{shown, plural, one {Ojehechauka # jehaipy {total} apytégui.} other {Ojehechauka # jehaipy {total} apytégui.}}',
  'notes.more': 'Ehecha jehaipy yma guare',
  'offline.queue.caseNote': 'Jehaipy caso {reference}-pe',
  'offline.cases.addNote': 'Embojuaju jehaipy',
  'offline.cases.noteSaved': 'Jehaipy oñeñongatu dispositivo-pe; oñemondóta oujey vove conexión.',
  'offline.cases.notes': 'Ko caso jehaipy oñeñongatúva',
  'offline.cases.noteExcluded':
    "Jehaipy oguerekóva mombe'u, tesãi térã léi rehegua noñeñongatúi dispositivo-pe: emoñe'ẽ conexión reheve.",
};
