import type { dailyEs } from './es.js';

/**
 * Guaraní messages of the daily path (spread into ../gn.ts). Draft by a non-native writer, like
 * ../gn.ts: needs native-speaker review.
 */
export const dailyGn: Record<keyof typeof dailyEs, string> = {
  'directoryAdmin.add': 'Embojuaju proveedor',
  'directoryAdmin.import': 'Egueru archivo',
  'directoryAdmin.edit': 'Embosako’i',
  'directoryAdmin.addTitle': 'Embojuaju peteĩ proveedor',
  'directoryAdmin.editTitle': 'Embosako’i {name}',
  'directoryAdmin.institution': 'Tembiapoha',
  'directoryAdmin.ownInstitution': 'Che tembiapoha',
  'directoryAdmin.name': 'Téra',
  'directoryAdmin.department': 'Tetãvore oĩháme',
  'directoryAdmin.services': 'Servicio-kuéra',
  'directoryAdmin.servicesRequired': 'Eiporavo peteĩ servicio ha’eñemi.',
  'directoryAdmin.covered': 'Tetãvore oñangarekóva',
  'directoryAdmin.coveredHint': 'Ndereiporavóiramo, tetãvore oĩháme añoite.',
  'directoryAdmin.sexes': 'Mávapepa ohupyty',
  'directoryAdmin.anyoneHint': 'Ndereiporavóiramo, ohupyty opavavépe.',
  'directoryAdmin.minAge': 'Ary michĩvéva',
  'directoryAdmin.maxAge': 'Ary tuichavéva',
  'directoryAdmin.agesOrder': 'Ary tuichavéva ndaikatúi michĩve pe michĩvévagui.',
  'directoryAdmin.languages': 'Ñe’ẽnguéra',
  'directoryAdmin.hours': 'Aravo oñangarekohápe',
  'directoryAdmin.contactHint': 'Peteĩ central térã oficina correo, ni peteĩ tapicha mba’éva.',
  'directoryAdmin.capacityRequired': 'Albergue oikotevẽ mboy tenda oguerekópa.',
  'directoryAdmin.created': '{name} oñembojuaju directorio-pe.',
  'directoryAdmin.updated': '{name} oñembopyahu.',
  'directoryAdmin.deactivate': 'Embogue',
  'directoryAdmin.reactivate': 'Emyendy jey',
  'directoryAdmin.deactivated': '{name} oñembogue: nosẽvéima derivación-pe.',
  'directoryAdmin.reactivated': '{name} ojeporu jey.',
  'directoryAdmin.inactive': 'Ojepuru’ỹva',
  'directoryAdmin.importTitle': 'Egueru directorio',
  'directoryAdmin.importIntro':
    'Archivo CSV térã XLSX, peteĩ fila peteĩ proveedor-pe. Ehecha raẽ; ndojeñongatúi mba’eve eme’ẽ peve, ha peteĩ fila oguerekóramo jejavy, ndojegueruhái mavave.',
  'directoryAdmin.file': 'Archivo (CSV térã XLSX)',
  'directoryAdmin.preview': 'Ehecha raẽ',
  'directoryAdmin.previewSummary':
    'Ojejapóta {created, plural, one {# proveedor} other {# proveedor}} ha oñembopyahúta {updated, plural, one {# proveedor} other {# proveedor}}.',
  'directoryAdmin.confirmImport': 'Emoneĩ jeguerupa',
  'directoryAdmin.imported':
    'Jeguerupa opa: {created, plural, one {# proveedor ojejapo} other {# proveedor ojejapo}}, {updated, plural, one {# oñembopyahu} other {# oñembopyahu}}.',
  'directoryAdmin.line': 'Fila',
  'directoryAdmin.action': 'Mba’épa ojejapóta',
  'directoryAdmin.willCreate': 'Japo',
  'directoryAdmin.willUpdate': 'Mbopyahu',
  'directoryAdmin.coverage': 'Servicio oĩva',
  'directoryAdmin.coverageIn': 'Servicio oĩva {department}-pe',
  'directoryAdmin.notCovered': 'Ndaipóri',
  'directoryAdmin.providers': '{count, plural, one {# proveedor} other {# proveedor}}',
  'decision.title': 'Emboguapy peteĩ decisión',
  'decision.titleFor': 'Decisión {name} rehegua',
  'decision.record': 'Emboguapy decisión',
  'decision.recordOrRevise': 'Emboguapy térã ehesa’ỹijo decisión',
  'decision.person': 'Tapicha',
  'decision.revises':
    'Ko tapicha oguereko peteĩ decisión oĩmbáva: pe pyahu ohesa’ỹijo chupe (apelación rire, techapyrã) ha pe yma opyta historial-pe.',
  'decision.submit': 'Emboguapy decisión',
  'decision.saved': 'Decisión oñeñongatu.',
};
