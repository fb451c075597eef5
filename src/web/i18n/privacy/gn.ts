/** Guaraní messages of privacy operations, spread into gn.ts. */
import type { privacyEs } from './es.js';

export const privacyGn: { readonly [K in keyof typeof privacyEs]: string } = {
  'nav.privacy': 'Mba’ekuaarã ñangareko',
  'privacy.title': 'Mba’ekuaarã ñangareko',
  'privacy.intro':
    'Kyhyjerã oñeguenohẽva jesarekógui, jeike pya’e ojehecha jeýva ha kuatia ohasámava ára oñeñongatu hag̃ua.',
  'privacy.alerts': 'Kyhyjerã',
  'privacy.noAlerts': 'Ndaipóri kyhyjerã ojepe’áva.',
  'privacy.alertKind':
    '{kind, select, bulk_reading {Hetaiterei moñe’ẽ} out_of_hours {Moñe’ẽ tembiapo aravo rire} unassigned_case {Ambue unidad káso} export {Ñemondo okápe} probing {Heta jey oñembotove} break_glass {Jeike pya’e} own_surname {Kuatia ijeréva peteĩchagua} other {Kyhyjerã}}',
  'privacy.alertLine': '{user} ({institution}): {count, plural, one {# jey} other {# jey}}, {from} – {to}',
  'privacy.auditFilter': 'Jesareko mbogua: {filter}',
  'privacy.acknowledge': 'Ehai ojehecháma',
  'privacy.acknowledged': 'Kyhyjerã ojehecháma.',
  'privacy.breakGlass': 'Jeike pya’e ojehecha jeýva',
  'privacy.noBreakGlass': 'Ndaipóri jeike pya’e ojehecha jeýva.',
  'privacy.bgState':
    '{state, select, active {Oikóva} awaiting_review {Oha’arõ jehecha} overdue {Jehecha ohasáma ára} other {Ojehecha jeýma}}',
  'privacy.bgLine': '{user} ({institution}) oipe’a {resource} {owner} mba’éva {opened}-pe',
  'privacy.reviewNote': 'Jehecha jey rehegua',
  'privacy.justified': 'Oĩ porã',
  'privacy.notJustified': 'Noĩ porãi',
  'privacy.reviewed': 'Jehecha jey oñeñongatúma.',
  'privacy.due': 'Ohasáma ára oñeñongatu hag̃ua',
  'privacy.noDue': 'Ndaipóri kuatia ohasáva ára oñeñongatu hag̃ua.',
  'privacy.dueLine':
    '{reference} ({institution}) — {category, select, victim_case {káso víctima reheve} other_case {ambue káso} other {línea ñemongeta}} — opa {due}',
  'privacy.confirmErase': 'Ahechakuaa umi kuatia aiporavóva mba’ekuaarã oñemboguetaha opa árape g̃uarã.',
  'privacy.erase': 'Embogue umi jeporavopyre',
  'privacy.erased': '{count, plural, one {Oñembogue # kuatia} other {Oñembogue # kuatia}}.',
  'privacy.holds': 'Jeñongatu léi rupi',
  'privacy.noHolds': 'Ndaipóri jeñongatu ojejapóva po rupi.',
  'privacy.release': 'Emboyke',
  'privacy.released': 'Jeñongatu oñemboykéma.',
  'privacy.openBreakGlass': 'Jeike pya’e',
  'privacy.breakGlassIntro':
    'Apañuãi ramo, ikatu reipe’a ko kuatia 2 aravo aja. Ehai mba’ére: oñemomarandu supervisor-pe ha Delegado de Protección de Datos-pe, ohecha jeýta ko jeike.',
  'privacy.reason': 'Mba’ére pe apañuãi',
  'privacy.open': 'Eipe’a apañuãime',
  'privacy.accessReport': 'Marandu máva ohecha (PDF)',
  'privacy.consentReceipt': 'Kuatia moneĩ rehegua (PDF)',
};
