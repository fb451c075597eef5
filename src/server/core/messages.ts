/**
 * Error messages shown to users, per stable code, in Spanish (default), Guaraní and English.
 * They say what to fix and never contain personal data or internals.
 */
import type { Locale } from '../../shared/roles.js';
import { prosecutionMessages } from '../modules/investigations/messages.js';
import { linkageMessages } from '../modules/linkage/messages.js';
import { exchangeMessages } from '../modules/exchange/messages.js';
import { statisticsMessages } from '../statistics-engine/messages.js';
import { offlineMessages } from '../modules/devices/messages.js';
import { privacyMessages } from '../modules/privacy/messages.js';
import { issueMessages } from '../../shared/issue-messages/index.js';

type Catalogue = Record<string, Record<Locale, string>>;

export const messages = {
  validation_failed: {
    es: 'Algunos datos no son válidos. Corrija los campos indicados.',
    gn: "Oĩ mba'ekuaarã ndoikóiva. Emyatyrõ umi kuatia'i ojehechaukáva.",
    en: 'Some fields are not valid. Correct the fields shown.',
  },
  bad_request: {
    es: 'La solicitud no es válida. Revise los datos enviados.',
    gn: "Pe mba'ejerure ndoikói. Ehecha jey mba'ekuaarã remondóva.",
    en: 'The request is not valid. Check the data sent.',
  },
  malformed_json: {
    es: 'El cuerpo de la solicitud no es JSON válido.',
    gn: "Pe mba'ejerure rete ndaha'éi JSON oĩporãva.",
    en: 'The request body is not valid JSON.',
  },
  json_too_deep: {
    es: 'El cuerpo de la solicitud anida demasiados niveles (máximo {limit}).',
    gn: "Pe mba'ejerure rete oguereko hetaiterei nivel ojoapykuéva (ipukukue tuichavéva {limit}).",
    en: 'The request body is nested too deeply (at most {limit} levels).',
  },
  unsupported_media_type: {
    es: 'Envíe los datos como application/json.',
    gn: "Emondo mba'ekuaarã application/json ramo.",
    en: 'Send the data as application/json.',
  },
  payload_too_large: {
    es: 'La solicitud es demasiado grande (máximo {limit} bytes).',
    gn: "Pe mba'ejerure tuichaiterei (ipukukue tuichavéva {limit} bytes).",
    en: 'The request is too large (at most {limit} bytes).',
  },
  unauthenticated: {
    es: 'Su sesión no está iniciada o expiró. Inicie sesión de nuevo.',
    gn: 'Ne séssion noñepyrũi térã opa. Eike jey.',
    en: 'You are not signed in or your session expired. Sign in again.',
  },
  invalid_credentials: {
    es: 'Usuario o contraseña incorrectos.',
    gn: "Puruhára térã ñe'ẽñemi oĩvai.",
    en: 'Wrong username or password.',
  },
  invalid_totp: {
    es: 'El código de autenticación no es correcto o ya fue usado. Espere el siguiente código.',
    gn: 'Pe código autenticación rehegua naiporãi térã ojepuruma. Eha’arõ pe código oúva.',
    en: 'The authentication code is wrong or was already used. Wait for the next code.',
  },
  account_locked: {
    es: 'La cuenta está bloqueada por demasiados intentos fallidos durante {minutes} min (hasta las {until}, hora de Paraguay). Intente después o pida ayuda a su administrador.',
    gn: 'Ne cuenta ojejoko hetaiterei jeporeka oñembyai rupi {minutes} minuto aja (aravo {until} peve, Paraguái aravópe). Eha’ã upe rire térã ejerure pytyvõ ne administrador-pe.',
    en: 'The account is locked after too many failed attempts for {minutes} min (until {until}, Paraguay time). Try later or ask your administrator.',
  },
  too_many_attempts: {
    es: 'Demasiados intentos desde este equipo. Espere {minutes} minutos.',
    gn: 'Hetaiterei jeporeka ko mba’e’oka guive. Eha’arõ {minutes} aravo’i.',
    en: 'Too many attempts from this device. Wait {minutes} minutes.',
  },
  csrf_failed: {
    es: 'La solicitud no trae el token de seguridad de la sesión. Recargue la página.',
    gn: 'Pe mba’ejerure ndogueraha token séssion rehegua. Emyenyhẽ jey kuatiarogue.',
    en: 'The request lacks the session security token. Reload the page.',
  },
  forbidden: {
    es: 'Su rol no permite esta acción.',
    gn: 'Ne rembiapo ndohejái ejapo ko mba’e.',
    en: 'Your role does not allow this action.',
  },
  not_found: {
    es: 'No se encontró el registro, o no tiene acceso a él.',
    gn: 'Ndojejuhúi pe kuatia, térã ndereikekuaái ipype.',
    en: 'The record was not found, or you do not have access to it.',
  },
  route_not_found: {
    es: 'Esta dirección de la API no existe.',
    gn: 'Ko API kundaharape ndaipóri.',
    en: 'This API address does not exist.',
  },
  invalid_token: {
    es: 'El enlace no es válido, ya fue usado o expiró. Pida uno nuevo a su administrador.',
    gn: 'Pe joajuha ndoikói, ojepuruma térã opa. Ejerure peteĩ pyahu ne administrador-pe.',
    en: 'The link is invalid, already used or expired. Ask your administrator for a new one.',
  },
  weak_password_short: {
    es: 'La contraseña debe tener al menos {min} caracteres.',
    gn: 'Ñe’ẽñemi oguerekova’erã {min} tai térã hetave.',
    en: 'The password must have at least {min} characters.',
  },
  weak_password_long: {
    es: 'La contraseña puede tener como máximo {max} caracteres.',
    gn: 'Ñe’ẽñemi ikatu oguereko {max} tai peve.',
    en: 'The password may have at most {max} characters.',
  },
  weak_password_common: {
    es: 'Esa contraseña es demasiado común. Elija otra, por ejemplo una frase de varias palabras.',
    gn: 'Upe ñe’ẽñemi ojepuruetereíma. Eiporavo ambue, techapyrãramo peteĩ ñe’ẽjoaju hetave ñe’ẽ reheve.',
    en: 'That password is too common. Choose another, for example a phrase of several words.',
  },
  weak_password_username: {
    es: 'La contraseña no puede contener el nombre de usuario.',
    gn: 'Ñe’ẽñemi ndaikatúi oguereko puruhára réra.',
    en: 'The password may not contain the username.',
  },
  weak_password_repetitive: {
    es: 'La contraseña repite demasiado los mismos caracteres.',
    gn: 'Ñe’ẽñemi omoambuejeyeterei umi tai peteĩchagua.',
    en: 'The password repeats the same characters too much.',
  },
  username_taken: {
    es: 'Ese nombre de usuario ya existe. Elija otro.',
    gn: 'Upe puruhára réra oĩma. Eiporavo ambue.',
    en: 'That username already exists. Choose another.',
  },
  institution_code_taken: {
    es: 'Ya existe una institución con ese código.',
    gn: 'Oĩma tekombo’e upe código reheve.',
    en: 'An institution with that code already exists.',
  },
  unit_code_taken: {
    es: 'La institución ya tiene una unidad con ese código.',
    gn: 'Tekombo’e oguerekóma peteĩ unidad upe código reheve.',
    en: 'The institution already has a unit with that code.',
  },
  unknown_institution: {
    es: 'La institución indicada no existe en el catálogo.',
    gn: 'Institución ojehechaukáva ndaipóri catálogo-pe.',
    en: 'The institution given is not in the catalogue.',
  },
  unknown_unit: {
    es: 'La unidad indicada no pertenece a la institución.',
    gn: 'Unidad ojehechaukáva ndaha’éi tekombo’e mba’e.',
    en: 'The unit given does not belong to the institution.',
  },
  setup_done: {
    es: 'La configuración inicial ya se completó.',
    gn: 'Ñemboheko ñepyrũ opáma.',
    en: 'Initial set-up was already completed.',
  },
  totp_not_enrolled: {
    es: 'Primero inicie el registro del autenticador.',
    gn: 'Eñepyrũ raẽ autenticador ñemboheko.',
    en: 'Start the authenticator enrolment first.',
  },
  totp_already_enabled: {
    es: 'La verificación en dos pasos ya está activa.',
    gn: 'Jehechajey mokõi jeýpe oĩma hendýva.',
    en: 'Two-step verification is already active.',
  },
  cannot_change_self: {
    es: 'No puede cambiar su propio rol ni desactivar su propia cuenta.',
    gn: 'Ndaikatúi emoambue ne rembiapo térã emboty ne cuenta.',
    en: 'You cannot change your own role or disable your own account.',
  },
  invalid_assignee: {
    es: 'Solo se pueden asignar al caso usuarios activos de la institución que lo gestiona, con un rol de trabajo en casos.',
    gn: 'Ikatu oñemoĩ ko caso-pe umi usuario hendýva tekombo’e oñangarekóvagui hese añoite.',
    en: 'Only active case staff of the institution that owns the case can be assigned to it.',
  },
  person_already_in_case: {
    es: 'La persona ya está vinculada a este caso.',
    gn: 'Ko tapicha oĩma ko caso-pe.',
    en: 'The person is already linked to this case.',
  },
  person_not_in_case: {
    es: 'La persona indicada no está vinculada a este caso.',
    gn: 'Ko tapicha ndoĩri ko caso-pe.',
    en: 'The person given is not linked to this case.',
  },
  share_with_owner: {
    es: 'El caso ya pertenece a esa institución; no hace falta compartirlo con ella.',
    gn: 'Ko caso ha’e ko tekombo’e mba’e; ndaha’éi tekotevẽ oñemoherakuã hese.',
    en: 'The case already belongs to that institution; it cannot be shared with it.',
  },
  case_already_shared: {
    es: 'El caso ya está compartido con esa institución.',
    gn: 'Ko caso oñemoherakuãma ko tekombo’e ndive.',
    en: 'The case is already shared with that institution.',
  },
  department_outside_paraguay: {
    es: 'Un departamento solo se indica para lugares en Paraguay (país PY).',
    gn: 'Departamento oñemoĩ Paraguái-pe añoite (PY).',
    en: 'A department is only given for places in Paraguay (country PY).',
  },
  internal_error: {
    es: 'Ocurrió un error interno. Se registró con el identificador {requestId}; inténtelo de nuevo.',
    gn: 'Oiko peteĩ jejavy. Oñeanota {requestId} reheve; eha’ã jey.',
    en: 'An internal error occurred. It was logged as {requestId}; please try again.',
  },
  audit_key_missing: {
    es: 'No hay clave de firma de la auditoría (NANDUTI_AUDIT_KEY_FILE). Pida al administrador del sistema que la configure.',
    gn: 'Ndaipóri clave oñemboheravo hag̃ua auditoría (NANDUTI_AUDIT_KEY_FILE). Ejerure administrador-pe omoĩ hag̃ua.',
    en: 'There is no audit signing key (NANDUTI_AUDIT_KEY_FILE). Ask the system administrator to configure it.',
  },
  audit_entry_not_in_tree: {
    es: 'Ese registro de auditoría todavía no está en un punto de control firmado. Inténtelo en unos minutos.',
    gn: 'Upe auditoría kuatia ndaipóri gueteri peteĩ checkpoint oñemboheravóvape. Eha’ã jey sapy’ami rire.',
    en: 'That audit entry is not in a signed checkpoint yet. Try again in a few minutes.',
  },
  service_unavailable: {
    es: 'El servicio no está listo (base de datos o migraciones).',
    gn: 'Servicio ndoikói gueteri.',
    en: 'The service is not ready (database or migrations).',
  },
  possible_duplicates: {
    es: 'Puede que esta persona ya esté registrada. Revise las posibles coincidencias y confirme si se trata de otra persona.',
    gn: 'Ikatu ko tapicha oñemboguapýma. Ehecha umi ojojoguáva ha ehechauka ha’éramo ambue tapicha.',
    en: 'This person may already be registered. Review the possible matches and confirm that this is someone else.',
  },
  field_not_masked: {
    es: 'Estos datos no están ocultos para usted: {fields}.',
    gn: 'Ko’ã mba’e ndojeñomíri ndéve guarã: {fields}.',
    en: 'These fields are not masked for you: {fields}.',
  },
  date_of_birth_in_future: {
    es: 'La fecha de nacimiento no puede ser posterior a hoy.',
    gn: 'Ára heñói ndaikatúi oĩ ko árape guive tenonde gotyo.',
    en: 'The date of birth cannot be later than today.',
  },
  unknown_instrument_version: {
    es: 'Esa versión del protocolo de identificación no existe o todavía no fue publicada.',
    gn: 'Upe protocolo versión ndaipóri térã noñemyasãiri gueteri.',
    en: 'That version of the screening instrument does not exist or is not published yet.',
  },
  unknown_questions: {
    es: 'Estas respuestas no corresponden a preguntas de esa versión del protocolo: {ids}.',
    gn: "Ko'ã mbohovái ndaha'éi upe protocolo versión porandu rehegua: {ids}.",
    en: 'These answers are not questions of that version of the instrument: {ids}.',
  },
  duplicate_question_ids: {
    es: 'Cada pregunta necesita un identificador único; repetidos: {ids}.',
    gn: 'Peteĩteĩ porandu oikotevẽ ijehegua identificador; oñembojeýva: {ids}.',
    en: 'Every question needs a unique id; repeated: {ids}.',
  },
  duplicate_section_ids: {
    es: 'Cada sección necesita un identificador único; repetidos: {ids}.',
    gn: 'Peteĩteĩ sección oikotevẽ ijehegua identificador; oñembojeýva: {ids}.',
    en: 'Every section needs a unique id; repeated: {ids}.',
  },
  instrument_missing_sections: {
    es: 'El protocolo necesita al menos una sección de cada tipo: {kinds}.',
    gn: "Protocolo oikotevẽ sa'ive ramo peteĩ sección ko'ã mba'égui: {kinds}.",
    en: 'The instrument needs at least one section of each kind: {kinds}.',
  },
  instrument_not_draft: {
    es: 'Solo se puede publicar una versión en borrador.',
    gn: 'Ikatu oñemyasãi versión borrador añónte.',
    en: 'Only a draft version can be published.',
  },
  date_in_future: {
    es: 'La fecha no puede ser posterior a hoy.',
    gn: 'Ára ndaikatúi oĩ ko árape guive tenonde gotyo.',
    en: 'The date cannot be later than today.',
  },
  confirm_not_allowed: {
    es: 'Su institución o su rol no puede confirmar a una víctima según la política vigente. Registre una víctima posible; la confirma una institución habilitada (policía especializada, fiscalía, MINNA o juzgado).',
    gn: 'Ne institución térã ne rol ndaikatúi omoañete peteĩ víctima política oĩvaicha. Emoinge víctima ikatúva; omoañetéta peteĩ institución ikatúva (polícia, fiscalía, MINNA térã juzgado).',
    en: 'Your institution or role may not confirm a victim under the current policy. Record a possible victim; an authorised institution (specialised police, prosecution, MINNA or a court) confirms it.',
  },
  export_not_k_anonymous: {
    es: 'La exportación no es k-anónima (k = {k}): {cells} combinaciones de año, género, edad, nacionalidad y país de explotación describen a menos de {k} víctimas y podrían identificarlas. Se listan abajo; exporte con generalización o amplíe el período.',
    gn: "Ko exportación ndaha'éi k-anónima (k = {k}): {cells} combinación ary, género, ary ohupytýva, tetã ha tetã ojeporu vai haguégui ohechauka {k} víctima'ive'ỹ ha ikatu ohechauka máva ha'e. Oĩ iguýpe; eexporta generalización ndive térã embotuichave pe ára.",
    en: 'The export is not k-anonymous (k = {k}): {cells} combinations of year, gender, age, citizenship and country of exploitation describe fewer than {k} victims and could identify them. They are listed below; export with generalisation or widen the period.',
  },
  provision_not_in_force: {
    es: 'La disposición no estaba vigente en la fecha de los hechos (vigente desde {from} hasta {to}). Se aplica la ley vigente al momento de los hechos.',
    gn: "Ko disposición ndaha'éi vigente mba'e oiko hague árape (vigente {from} guive {to} peve). Ojeporu léi vigente mba'e oiko jave.",
    en: 'The provision was not in force on the date of the facts (in force from {from} to {to}). The law in force at the time of the facts applies.',
  },
  charge_not_of_defendant: {
    es: 'El cargo indicado no es de esta persona imputada.',
    gn: "Ko cargo ndaha'éi ko tapicha imputado mba'e.",
    en: 'The charge given is not one of this defendant’s.',
  },
  charge_outcomes_contradict: {
    es: 'El resultado de los cargos contradice el resultado de la persona: una condena necesita al menos un cargo condenado, y sin condena ningún cargo puede serlo.',
    gn: "Umi cargo resultado ojoavy tapicha resultado-gui: peteĩ condena oikotevẽ peteĩ cargo condenado michĩvéramo, ha condena'ỹre ni peteĩ cargo ndaikatúi.",
    en: 'The charges’ outcomes contradict the defendant’s: a conviction needs at least one charge convicted, and without a conviction no charge can be.',
  },
  facts_before_birth: {
    es: 'La fecha de los hechos es anterior al nacimiento de la persona. Revise las fechas.',
    gn: "Mba'e oiko hague ára oĩ tapicha heñói mboyve. Ehecha jey umi ára.",
    en: 'The date of the facts is before the person was born. Check the dates.',
  },
  screening_not_of_person: {
    es: 'La evaluación indicada no es de esta persona en este caso.',
    gn: "Pe evaluación ojehechaukáva ndaha'éi ko tapicha mba'e ko caso-pe.",
    en: 'The screening given is not of this person in this case.',
  },
  reviewed_decision_not_of_person: {
    es: 'La decisión a revisar no es de esta persona en este caso.',
    gn: "Pe decisión ojehecha jeýva ndaha'éi ko tapicha mba'e ko caso-pe.",
    en: 'The decision to review is not of this person in this case.',
  },
  capacity_below_occupancy: {
    es: 'El servicio {service} tiene {occupancy} plazas ocupadas: la capacidad no puede ser menor.',
    gn: 'Servicio {service} oguereko {occupancy} tenda ojeporúva: capacidad ndaikatúi michĩve.',
    en: 'The service {service} has {occupancy} places taken: the capacity cannot be lower.',
  },
  service_has_referrals: {
    es: 'El servicio {service} tiene derivaciones registradas y no se puede quitar. Puede desactivar el proveedor.',
    gn: 'Servicio {service} oguereko derivación ha ndaikatúi ojepe’a. Ikatu remboty pe proveedor.',
    en: 'The service {service} has referrals recorded and cannot be removed. You may deactivate the provider.',
  },
  import_rows_invalid: {
    es: 'Filas no válidas en el archivo: {count}. No se importó nada; corrija las filas indicadas.',
    gn: 'Fila ndoikóiva archivo-pe: {count}. Ndojeguerúi mba’eve; emyatyrõ umi fila ojehechaukáva.',
    en: 'Invalid rows in the file: {count}. Nothing was imported; correct the rows shown.',
  },
  task_assignee_unknown: {
    es: 'La persona asignada no es un usuario activo de la institución de la tarea.',
    gn: 'Pe ojeasignáva ndaha’éi puruhára oĩva institución tembiapo rehegua-pe.',
    en: 'The assignee is not an active user of the task’s institution.',
  },
  task_title_fixed: {
    es: 'Una tarea creada por una regla no cambia de título.',
    gn: 'Tembiapo regla ojapóva ndoikatúi omoambue héra.',
    en: 'A task created by a rule keeps its title.',
  },
  capacity_required: {
    es: 'El servicio {service} tiene plazas: indique su capacidad.',
    gn: 'Servicio {service} oguereko tenda: ehechauka mboýpa ikatu oike.',
    en: 'The service {service} has places: give its capacity.',
  },
  capacity_not_applicable: {
    es: 'El servicio {service} no tiene plazas; la capacidad solo se indica para albergues.',
    gn: 'Servicio {service} ndoguerekói tenda; capacidad oñemoĩ albergue-pe añoite.',
    en: 'The service {service} has no places; capacity is only given for shelters.',
  },
  service_not_offered: {
    es: 'Este proveedor no ofrece el servicio {service}.',
    gn: 'Ko proveedor ndoikuaveʼẽi servicio {service}.',
    en: 'This provider does not offer the service {service}.',
  },
  minor_consent_needs_representative: {
    es: 'Esta persona es menor de 18 años: su propio consentimiento no basta. Debe darlo su madre, padre o tutor legal (con su nombre y relación) o una autoridad (CODENI, defensoría, juzgado, MINNA), o registrarse la excepción por interés superior del niño. La opinión del niño se registra al lado.',
    gn: 'Ko tapicha ndohupytýi gueteri 18 ary: iñemoneĩ añoite ndahupytýi. Ome’ẽva’erã isy, itúva térã tutor legal (héra ha mba’éichapa oñembojoaju ndive) térã peteĩ mburuvicha (CODENI, defensoría, juzgado, MINNA), térã ojehai excepción mitã interés superior rehegua. Mitã remiandu ojehai ijykére.',
    en: 'This person is under 18: their own consent is not enough. A parent or legal guardian (with name and relationship) or an authority (CODENI, public defender, judge, MINNA) must give it, or the best-interest exception must be recorded. The child’s own view is recorded beside it.',
  },
  exception_only_for_child: {
    es: 'La excepción por interés superior solo se aplica a niñas, niños y adolescentes; esta persona es adulta. Registre su consentimiento.',
    gn: 'Excepción interés superior rehegua mitãnguérape añoite; ko tapicha tuichamíma. Emoinge iñemoneĩ.',
    en: 'The best-interest exception applies only to children; this person is an adult. Record their consent.',
  },
  consent_already_withdrawn: {
    es: 'Este consentimiento ya fue retirado.',
    gn: 'Ko ñemoneĩ ojeheʼóma.',
    en: 'This consent was already withdrawn.',
  },
  reflection_period_invalid: {
    es: 'El período de recuperación y reflexión necesita una fecha de inicio y no puede terminar antes de empezar.',
    gn: 'Pe ára ñembopyahu ha ñepyrũ jey oikotevẽ ára oñepyrũhápe ha ndaikatúi opa oñepyrũ mboyve.',
    en: 'The recovery and reflection period needs a start date and cannot end before it starts.',
  },
  return_risk_assessment_required: {
    es: 'Antes de organizar o registrar un retorno, registre la evaluación de riesgo (fecha y nivel).',
    gn: "Eñembosako'i térã emoinge mboyve peteĩ ñejevy, emoinge pe evaluación de riesgo (ára ha nivel).",
    en: 'Before a return is arranged or recorded, record the risk assessment (date and level).',
  },
  return_before_risk_assessment: {
    es: 'El retorno no puede ser anterior a la evaluación de riesgo.',
    gn: 'Pe ñejevy ndaikatúi oiko evaluación de riesgo mboyve.',
    en: 'The return cannot be earlier than the risk assessment.',
  },
  return_arranged_not_requested: {
    es: 'Para marcar el retorno como organizado, indique también que fue solicitado.',
    gn: 'Rehechauka hag̃ua ñejevy oñembosakoʼimaha, ehechauka avei ojejerureha.',
    en: 'To mark the return as arranged, also mark it as requested.',
  },
  residency_granted_not_requested: {
    es: 'Para marcar la residencia como otorgada, indique también que fue solicitada.',
    gn: 'Rehechauka hag̃ua residencia oñemeʼẽmaha, ehechauka avei ojejerureha.',
    en: 'To mark residency as granted, also mark it as requested.',
  },
  unknown_need: {
    es: 'La necesidad indicada no pertenece a este caso.',
    gn: 'Tekotevẽ ojehechaukáva ndahaʼéi ko caso mbaʼe.',
    en: 'The need given does not belong to this case.',
  },
  need_already_met: {
    es: 'Esta necesidad ya fue atendida por una derivación completada.',
    gn: 'Ko tekotevẽ oñembohováima peteĩ derivación opáva rupive.',
    en: 'This need was already met by a completed referral.',
  },
  unknown_provider: {
    es: 'El proveedor indicado no existe o no está activo en el directorio.',
    gn: 'Proveedor ojehechaukáva ndaipóri térã ndoikói directorio-pe.',
    en: 'The provider given does not exist or is not active in the directory.',
  },
  provider_does_not_offer_service: {
    es: 'Ese proveedor no ofrece el servicio {service}. Elija otro del directorio.',
    gn: 'Upe proveedor ndoikuaveʼẽi servicio {service}. Eiporavo ambue directorio-gui.',
    en: 'That provider does not offer the service {service}. Choose another from the directory.',
  },
  need_already_referred: {
    es: 'Esta necesidad ya tiene una derivación en curso. Ciérrela antes de derivar de nuevo.',
    gn: 'Ko tekotevẽ oguerekóma derivación oikóva. Emboty raẽ ani hag̃ua emondo jey.',
    en: 'This need already has a referral under way. Close it before referring again.',
  },
  consent_required: {
    es: 'No se puede derivar sin el consentimiento registrado de la persona para el servicio {service}, o una excepción documentada por interés superior del niño.',
    gn: 'Ndaikatúi oñemondo tapicha ñemoneĩ ỹre servicio {service}-pe g̃uarã, térã excepción mitã interés superior rehegua ojehaíva ỹre.',
    en: 'A referral needs the person’s recorded consent for the service {service}, or a documented best-interest exception for a child.',
  },
  consent_does_not_cover_fields: {
    es: 'El consentimiento registrado no permite compartir: {fields}. Registre un consentimiento que los incluya o no los comparta.',
    gn: 'Ñemoneĩ oñemoingéva nomoneĩri oñemoherakuã: {fields}. Emoinge ñemoneĩ ombojoajúva térã ani remoherakuã.',
    en: 'The recorded consent does not allow sharing: {fields}. Record a consent that includes them, or do not share them.',
  },
  invalid_referral_transition: {
    es: 'Una derivación en estado «{from}» no puede pasar a «{to}».',
    gn: 'Peteĩ derivación oĩva «{from}»-pe ndaikatúi ohasa «{to}»-pe.',
    en: 'A referral in state “{from}” cannot move to “{to}”.',
  },
  no_capacity: {
    es: 'No quedan plazas libres en este servicio. Actualice la ocupación o rechace la derivación.',
    gn: 'Ndaipóri tenda nandi ko servicio-pe. Embohekopyahu ocupación térã emboyke derivación.',
    en: 'There are no free places left in this service. Update the occupancy or decline the referral.',
  },
  hotline_case_already_opened: {
    es: 'Este contacto de la línea ya abrió un caso. Ábralo desde el contacto.',
    gn: 'Ko contacto línea-gua oipe’áma peteĩ caso. Eipe’a contacto-gui.',
    en: 'A case was already opened from this hotline contact. Open it from the contact.',
  },
  unknown_action_plan_objective: {
    es: 'El objetivo indicado no existe en el plan de acción.',
    gn: 'Objetivo ojehechaukáva ndaipóri plan de acción-pe.',
    en: 'The objective given does not exist in the action plan.',
  },
  action_plan_code_taken: {
    es: 'Ya existe una acción con el código {code}. Elija otro código.',
    gn: 'Oĩma peteĩ acción código {code} reheve. Eiporavo ambue código.',
    en: 'An action with the code {code} already exists. Choose another code.',
  },
  ...prosecutionMessages,
  ...linkageMessages,
  ...exchangeMessages,
  ...statisticsMessages,
  ...offlineMessages,
  ...privacyMessages,
  // The shared schemas' field messages (a zod issue's message is one of these codes).
  ...issueMessages,
} satisfies Catalogue;

/** Every error code the API may answer: an AppError with any other code does not compile. */
export type ErrorCode = keyof typeof messages;

export function messageFor(
  code: ErrorCode | (string & {}),
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const entry = (messages as Catalogue)[code] ?? messages.internal_error;
  return entry[locale].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
