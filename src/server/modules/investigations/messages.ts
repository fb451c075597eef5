/** Error messages of prosecution, per stable code, in Spanish, Guaraní and English (merged in http/messages.ts). */
import type { Locale } from '../../../shared/roles.js';

export const prosecutionMessages = {
  investigation_reference_taken: {
    es: 'Su institución ya tiene una investigación con la referencia {reference}. Use otra o abra la existente.',
    gn: 'Ne institución oguerekóma peteĩ investigación referencia {reference} reheve. Eipuru ambue térã embojuruja oĩmava.',
    en: 'Your institution already has an investigation with reference {reference}. Use another or open the existing one.',
  },
  complaint_after_opening: {
    es: 'La fecha de la denuncia no puede ser posterior a la apertura de la investigación.',
    gn: 'Denuncia ára ndaikatúi oĩ investigación ñepyrũ rire.',
    en: 'The complaint date cannot be after the investigation was opened.',
  },
  date_before_opening: {
    es: 'La fecha ({field}) no puede ser anterior a la apertura de la investigación ({openedOn}).',
    gn: 'Ára ({field}) ndaikatúi oĩ investigación ñepyrũ ({openedOn}) mboyve.',
    en: 'The date ({field}) cannot be before the investigation was opened ({openedOn}).',
  },
  instruct_own_institution: {
    es: 'La institución que lleva la investigación no necesita instruirse a sí misma. Elija otra institución.',
    gn: 'Institución oinvestigáva natekotevẽi oinstruí ijupe. Eiporavo ambue institución.',
    en: 'The institution running the investigation need not instruct itself. Choose another institution.',
  },
  complicity_own_institution: {
    es: 'Un funcionario de la propia institución investigadora no puede registrarse aquí: la investigación debe llevarla otra institución.',
    gn: 'Ndaikatúi oñemoinge ko’ápe funcionario institución oinvestigáva-pegua: ambue institución ojapovaʼerã investigación.',
    en: 'An official of the investigating institution itself cannot be recorded here: another institution must run the investigation.',
  },
  unknown_provision: {
    es: 'La disposición legal indicada no existe o no está activa en el catálogo.',
    gn: 'Disposición legal ojehechaukáva ndaipóri térã ndoikói catálogo-pe.',
    en: 'The legal provision given does not exist or is not active in the catalogue.',
  },
  charge_already_recorded: {
    es: 'Esta persona ya está imputada bajo esa disposición.',
    gn: 'Ko tapicha oñeimputáma upe disposición rupive.',
    en: 'This defendant is already charged under that provision.',
  },
  invalid_stage_transition: {
    es: 'Después de «{from}» no puede registrarse «{to}»: las etapas no retroceden ni se saltan.',
    gn: '«{from}» rire ndaikatúi oñemoinge «{to}»: umi etapa ndojevýi ha noñembohasái.',
    en: 'After “{from}” the stage “{to}” cannot be recorded: stages neither go back nor skip.',
  },
  sentence_without_charge: {
    es: 'No puede registrarse una sentencia sin al menos una imputación bajo una disposición legal. Registre primero la imputación.',
    gn: 'Ndaikatúi oñemoinge sentencia imputación ỹre. Emoinge raẽ imputación.',
    en: 'A sentence cannot be recorded without at least one charge under a legal provision. Record the charge first.',
  },
  stage_date_before_previous: {
    es: 'La fecha no puede ser anterior a la de la etapa anterior ({previous}).',
    gn: 'Ára ndaikatúi oĩ etapa tenondegua ({previous}) mboyve.',
    en: 'The date cannot be before the previous stage’s date ({previous}).',
  },
  outcome_needs_sentence: {
    es: 'El resultado se registra con la sentencia (o el sobreseimiento); la etapa actual es «{stage}».',
    gn: 'Resultado oñemoinge sentencia (térã sobreseimiento) ndive; ko’áǧagua etapa ha’e «{stage}».',
    en: 'The outcome is recorded with the sentence (or the dismissal); the current stage is “{stage}”.',
  },
  outcome_date_before_stage: {
    es: 'La fecha del resultado no puede ser anterior a la de la etapa ({stageDate}).',
    gn: 'Resultado ára ndaikatúi oĩ etapa ({stageDate}) mboyve.',
    en: 'The outcome date cannot be before the stage’s date ({stageDate}).',
  },
  outcome_already_recorded: {
    es: 'El resultado de esta etapa ya está registrado.',
    gn: 'Ko etapa resultado oñemoingéma.',
    en: 'The outcome of this stage is already recorded.',
  },
  victim_not_in_linked_case: {
    es: 'La persona no figura en ese caso, o el caso no está vinculado a la investigación.',
    gn: 'Tapicha ndaipóri upe caso-pe, térã caso noñembojoajúi investigación ndive.',
    en: 'The person is not on that case, or the case is not linked to the investigation.',
  },
} satisfies Record<string, Record<Locale, string>>;
