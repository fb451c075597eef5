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
  'privacy.acknowledge': 'Ehai ojehecháma',
  'privacy.acknowledged': 'Kyhyjerã ojehecháma.',
  'privacy.breakGlass': 'Jeike pya’e ojehecha jeýva',
  'privacy.noBreakGlass': 'Ndaipóri jeike pya’e ojehecha jeýva.',
  'privacy.bgState':
    '{state, select, active {Oikóva} awaiting_review {Oha’arõ jehecha} overdue {Jehecha ohasáma ára} other {Ojehecha jeýma}}',
  'privacy.bgLine':
    '{user} ({institution}) oipe’a {resource, select, person {peteĩ tapicha kuatia} case {peteĩ káso} other {peteĩ kuatia}} {owner} mba’éva {opened}-pe',
  'privacy.reviewNote': 'Jehecha jey rehegua',
  'privacy.justified': 'Oĩ porã',
  'privacy.notJustified': 'Noĩ porãi',
  'privacy.reviewed': 'Jehecha jey oñeñongatúma.',
  'privacy.due': 'Ohasáma ára oñeñongatu hag̃ua',
  'privacy.noDue': 'Ndaipóri kuatia ohasáva ára oñeñongatu hag̃ua.',
  'privacy.dueLine':
    '{reference} ({institution}) — {category, select, victim_case {káso víctima reheve} other_case {ambue káso} other {línea ñemongeta}} — opa {due}',
  'privacy.confirmErase': 'Ahechakuaa umi kuatia aiporavóva mba’ekuaarã oñemboguetaha opa árape g̃uarã.',
  'privacy.erased': '{count, plural, one {Oñembogue # kuatia} other {Oñembogue # kuatia}}.',
  'privacy.holds': 'Jeñongatu léi rupi',
  'privacy.noHolds': 'Ndaipóri jeñongatu ojejapóva po rupi.',
  'privacy.release': 'Emboyke',
  'privacy.released': 'Jeñongatu oñemboykéma.',
  'privacy.eraseCount':
    '{count, plural, one {Embogue kuatia jeporavopyre} other {Embogue # kuatia jeporavopyre}}',
  'privacy.dueShow': '{state, select, due {Oñembogue hag̃ua} other {Oñeñongatúva}}',
  'privacy.dueCount':
    '{shown, plural, one {# kuatia} other {# kuatia}} · {chosen, plural, =0 {ndaipóri jeporavopyre} one {# jeporavopyre} other {# jeporavopyre}}',
  'privacy.noHeld': 'Ndaipóri kuatia ohasáva ára oñeñongatúva léi rupi.',
  'privacy.chooseAll': 'Eiporavo opavave ko lísta pegua',
  'privacy.heldManual': 'Jeñongatu po rupi: {reason}',
  'privacy.heldByInvestigation': 'Oñeñongatu: oñembojoaju investigación ndojedesidíriva gueteri',
  'privacy.dueMore': 'Ehechauka 500 peve',
  'privacy.holdPlaced': 'Káso {reference} oñeñongatúma.',
  'privacy.referenceHint': 'Káso referencia, techapyrã PY-2026-000037.',
  'privacy.referencesHint':
    'Peteĩ térã hetave káso referencia, oñemboja’óva espacio térã coma rupi (techapyrã PY-2026-000037).',
  'privacy.holdSince': '{at} guive',
  'privacy.holdAdd': 'Eñongatu peteĩ káso',
  'privacy.caseReference': 'Káso referencia',
  'privacy.holdReason': 'Mba’ére oñeñongatu',
  'privacy.holdReasonHint':
    'Peteĩ tembiapoukapy tribunal-gui, peteĩ reclamo… (10 carácter michĩvéramo; ani ehai tapicha rehegua).',
  'privacy.holdSubmit': 'Eñongatu',
  'privacy.exceptionRequired': 'Eiporavo mba’e léi rupi ojeporu oñembotove hag̃ua.',
  'privacy.confirmRequired': 'Ehechakuaa pe jembogue opaveha.',
  'privacy.requestRefused':
    '{count, plural, one {Jeporavo’ỹ oñeñongatu # káso-pe g̃uarã} other {Jeporavo’ỹ oñeñongatu # káso-pe g̃uarã}}.',
  'privacy.request': 'Tapicha ojerure oñembogue hag̃ua',
  'privacy.requestIntro':
    'Peteĩ tapicha ojerurérõ oñembogue hag̃ua imba’ekuaarã: oñembogue ndohasáiramo jepe ára oñeñongatu hag̃ua (ani káso oñeñongatúva), térã oñembotove léi rupi. Mokõivéva oñeñongatu.',
  'privacy.requestCases': 'Káso ojerurepyre',
  'privacy.requestedOn': 'Ára ojejerure hague',
  'privacy.requestDecision': 'Desisión',
  'privacy.requestDecisionValue': '{decision, select, erase {Embogue} other {Embotove}}',
  'privacy.exception': 'Léi he’íva',
  'privacy.exceptionValue':
    '{exception, select, legal_hold {Jeñongatu léi rupi} legal_obligation {Léi he’i oñeñongatuva’erã} legal_claims {Reclamo tribunal-pe} other {Archivo opavave mba’e}}',
  'privacy.requestSubmit': '{decision, select, erase {Embogue mba’ekuaarã} other {Eñongatu jeporavo’ỹ}}',
  'privacy.schedule': 'Ára oñeñongatu hag̃ua',
  'privacy.scheduleIntro':
    'Mbovy ary oñeñongatu kuatia káso oñemboty rire (línea ñemongeta, oñembohasa guive). Mba’eve noñemboguéi ijehegui: kuatia ohasáva oha’arõ nde desisión.',
  'privacy.scheduleYears':
    '{category, select, victim_case {Káso víctima reheve (ary)} other_case {Ambue káso (ary)} other {Línea ñemongeta káso’ỹre (ary)}}',
  'privacy.scheduleSaved': 'Ára oñeñongatu hag̃ua oñeñongatúma.',
  'privacy.openBreakGlass': 'Jeike pya’e',
  'privacy.breakGlassIntro':
    'Ehai mba’ére pe apañuãi: oñemomarandu supervisor-pe ha Delegado de Protección de Datos-pe, ohecha jeýta ko jeike.',
  'privacy.reason': 'Mba’ére pe apañuãi',
  'privacy.open': 'Eipe’a apañuãime',
  'privacy.masked': 'Ñemihápe ({label})',
  'privacy.reveal': 'Hechauka',
  'privacy.revealNamed': 'Hechauka: {field}',
  'privacy.revealTitle': 'Hechauka {field}',
  'privacy.revealIntro':
    'Ko mba’e ñemiguáva ha ne rembiapo ndoikotevẽi jepi. Rehechaukáramo, oñeanota auditoría-pe máva ohecha, araka’e ha mba’erã.',
  'privacy.revealPurpose': 'Mba’erã',
  'privacy.revealConfirm': 'Hechauka ha anota',
  'privacy.purpose.case_management': 'Caso ñangareko',
  'privacy.purpose.referral': 'Ñembohasa peteĩ servicio-pe',
  'privacy.purpose.investigation': 'Jeheka penal',
  'privacy.purpose.data_subject_request': 'Tapicha voi jerure',
  'privacy.label.identity': 'mávapa',
  'privacy.label.contact': 'ñemongeta',
  'privacy.label.location': 'tenda',
  'privacy.label.health': 'tesãi',
  'privacy.label.testimony': 'mombe’u',
  'privacy.label.legal': 'léi rehegua',
  'privacy.reviewNoteHint': '5 tai térã hetave: mba’ére pe jeike oĩ porã térã ndoikói porã.',
  'privacy.consentReceiptOffer': 'Eme’ẽ kuatia moneĩ rehegua pe tapichápe:',
  'privacy.bgOffer':
    'Ko kuatia ndaha’éi ne rembiapo rehegua. Apañuãi ramo ikatu reipe’a, remoñe’ẽ hag̃ua añoite, sapy’aite aja.',
  'privacy.bgRequest': 'Ejerure jeike pya’e',
  'privacy.bgLimit':
    'Pe jeike ipuku {minutes, plural, =60 {1 aravo} =120 {2 aravo} other {# aravo’i}}, emoñe’ẽ hag̃ua añoite. Opa moñe’ẽ oñeanota.',
  'privacy.bgReasonHint': 'Emombe’u pe apañuãi (20 tai térã hetave).',
  'privacy.bgBannerTitle': 'Jeike pya’e.',
  'privacy.bgBanner':
    'Emoñe’ẽ hag̃ua añoite, {until} peve (hembýma {minutes, plural, one {# aravo’i} other {# aravo’i}}). Delegado de Protección de Datos ohecha jeýta ko jeike.',
  'privacy.bgBannerEnded': 'Ne jeike pya’e opáma.',
  'privacy.bgShow': '{state, select, unreviewed {Ojehecha’ỹva} reviewed {Ojehecha jeýva} other {Opavave}}',
  'privacy.bgFilter': 'Hechauka',
  'privacy.bgReviewLine': '{review, select, justified {Oĩ porã} other {Ndoikói porã}} {at}: {note}',
  'privacy.bgExpires': 'Opa: {at}',
  'privacy.openAudit': 'Hecha auditoría-pe',
  'privacy.consentReceiptNamed': 'Kuatia moneĩ rehegua (PDF, {language})',
  'privacy.accessReportNamed': 'Marandu máva ohecha (PDF, {language})',
  'privacy.maskedShort': 'ñemihápe',
};
