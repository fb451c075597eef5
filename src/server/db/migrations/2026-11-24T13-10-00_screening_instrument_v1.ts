/**
 * Catalogue data: version 1 of the screening instrument (DOMAIN.md §3), published. Later versions
 * are created and published by a system administrator through the API; screenings keep the
 * version they answered. Frozen: the definition lives in this file and never changes.
 *
 * Every question is a yes/no question a police officer or social worker can ask or observe; a
 * "yes" points towards trafficking. Sources: Palermo Protocol art. 3 (act, means, purpose), the
 * ILO's 11 indicators of forced labour, and the vulnerable populations named in the seeds.
 *
 * GUARANÍ (gn): written by the development team in everyday Paraguayan Guaraní, with the Spanish
 * loanwords (jopara) people actually use. A NATIVE SPEAKER MUST REVIEW these texts before field
 * use; corrections go into a new instrument version.
 */
import { sql, type Kysely } from 'kysely';

const t = (es: string, gn: string, en: string) => ({ es, gn, en });
const q = (id: string, es: string, gn: string, en: string) => ({ id, text: t(es, gn, en) });

const guidance = [
  t(
    'Entreviste en un lugar privado y seguro. Nadie más debe poder escuchar ni ver.',
    'Ejapo ñemongeta peteĩ tenda ñemi ha hekorosãvape. Avave ndaikatúi ohendu térã ohecha.',
    'Interview in a private, safe place. No one else should be able to hear or see.',
  ),
  t(
    'Nunca entreviste en presencia de quien pueda ser el explotador ni de nadie de su entorno, aunque se presente como familiar, pareja o empleador.',
    'Aníke ejapo ñemongeta oĩ jave pe ikatúva oiporu vaíva chupe, térã hapichakuéra, jepe oñepresenta ramo ipariénte, ipareja térã ipatrón ramo.',
    'Never interview in the presence of anyone who may be the exploiter or close to them, even if they say they are a relative, partner or employer.',
  ),
  t(
    'Hable en el idioma de la persona: guaraní, castellano, portugués u otro. Si hace falta, use un intérprete de confianza sin relación con el explotador.',
    "Eñe'ẽ pe tapicha ñe'ẽme: guaraníme, castellanope, portugués-pe térã ambue ñe'ẽme. Tekotevẽ ramo, ehenói peteĩ ñe'ẽasaha ejeroviáva, ndoguerekóiva joaju pe oiporu vaíva ndive.",
    "Speak the person's language: Guaraní, Spanish, Portuguese or another. If needed, use a trusted interpreter with no connection to the exploiter.",
  ),
  t(
    'Preséntese, explique qué va a pasar y pregunte con calma, sin juzgar ni culpar. No haga repetir el relato más de lo necesario.',
    "Eñepresenta, emyesakã mba'épa oikóta ha eporandu py'aguapýpe, ani rehusga chupe. Ani ejapouka chupe omombe'ujey heta jey mba'épa ohasa.",
    'Introduce yourself, explain what will happen and ask calmly, without judging or blaming. Do not make the person repeat their story more than needed.',
  ),
  t(
    'No prometa lo que no puede cumplir (residencia, dinero, trabajo, que no habrá juicio).',
    "Aníke eñe'ẽme'ẽ ndaikatúiva rejapo (residencia, pirapire, tembiapo, ndaiporimo'ãiha juicio).",
    'Do not promise what you cannot deliver (residence, money, work, that there will be no trial).',
  ),
  t(
    'Con niñas, niños y adolescentes, entreviste con su tutor o con personal del Ministerio de la Niñez y la Adolescencia (MINNA) presente, nunca con quien pueda ser el explotador. Su interés superior es lo primero.',
    "Mitã ha mitãrusukuéra ndive, ejapo ñemongeta oĩ jave hesãmbyhyha (tutor) térã peteĩ MINNA (Ministerio de la Niñez y la Adolescencia) rembiapohára; araka'eve oĩ jave pe ikatúva oiporu vaíva chupe. Mitã rekoporã tenondete.",
    'With children and adolescents, interview with their guardian or staff of the Ministry of Children and Adolescents (MINNA) present, never with someone who may be the exploiter. The child’s best interest comes first.',
  ),
  t(
    'Explique para qué se usan los datos y quién los verá, y pida su consentimiento. La persona puede no responder a cualquier pregunta; lo que diga es confidencial.',
    "Emyesakã mba'érepa ojeporúta umi mba'ekuaarã ha máva ohecháta, ha ejerure chupe imoneĩ. Ha'e ikatu oiporavo ombohovái térã nahániri oimeraẽ porandu; he'íva oñeñongatúta ñemíme.",
    'Explain what the data are used for and who will see them, and ask for consent. The person may decline any question; what they say is confidential.',
  ),
  t(
    'Si la persona se angustia, pare la entrevista. Su bienestar importa más que completar el cuestionario.',
    "Pe tapicha ipy'apy ramo, ejoko pe ñemongeta. Hekoporã tuichave mba'e umi porandu mohu'ãgui.",
    'If the person becomes distressed, stop the interview. Their well-being matters more than completing the questionnaire.',
  ),
  t(
    'No exija pruebas. Los indicadores no prueban ni descartan la trata: orientan. Decide una persona responsable, no la herramienta.',
    "Aníke ejerure prueba. Umi techaukaha ndohechaukái añetehápe térã ndomboykéi tapicha ñemu: ohechauka tape añónte. Peteĩ tapicha odesidi, ndaha'éi ko tembiporu.",
    'Do not require proof. Indicators neither prove nor rule out trafficking: they guide. A responsible person decides, not the tool.',
  ),
];

const act = {
  id: 'act',
  kind: 'act',
  title: t(
    'Acto: captación, transporte, traslado, acogida o recepción',
    "Mba'e ojejapo: jehenói, jegueraha, ñembohasa, ñeñongatu térã jehupyty",
    'Act: recruitment, transport, transfer, harbouring or receipt',
  ),
  help: t(
    'Alguien hizo algo para atraer, mover o retener a la persona, también por teléfono o redes sociales.',
    "Oĩ ojapóva mba'e ogueru, omongu'e térã ojoko hag̃ua pe tapichápe, avei pumbyry térã red social rupive.",
    'Someone did something to draw in, move or hold the person, also by phone or social media.',
  ),
  questions: [
    q(
      'act.recruitment',
      '¿Alguien le ofreció trabajo, estudios, un viaje o una relación (en persona, por teléfono o por redes sociales) y así llegó a la situación en que estaba?',
      "Oĩpa oikuave'ẽva ndéve tembiapo, estudio, jeguata térã peteĩ joaju (nde renondépe, pumbyry térã red social rupive) ha upéva rupi reguahẽ pe tenda reiko haguépe?",
      'Did someone offer you work, study, a trip or a relationship (in person, by phone or on social media) that led you into the situation you were in?',
    ),
    q(
      'act.transport',
      '¿Alguien le llevó, viajó con usted o pagó su viaje hasta el lugar donde estaba?',
      "Oĩpa nde guerahava'ekue, oguatava'ekue nendive térã ohepyme'ẽva'ekue nde jeguata pe tenda reiko haguépe?",
      'Did someone take you, travel with you or pay for your journey to the place where you were?',
    ),
    q(
      'act.transfer',
      '¿Le entregaron o pasaron de una persona o de un lugar a otro (por ejemplo, le «vendieron» o le «prestaron»)?',
      "Oĩpa nde me'ẽva'ekue térã nde mbohasava'ekue peteĩ tapicha térã tenda guive ambuépe (techapyrãramo, nde «vende» térã nde «prestá»)?",
      "Were you handed over or passed from one person or place to another (for example 'sold' or 'lent')?",
    ),
    q(
      'act.harbouring',
      '¿Alguien le alojó, le escondió o le mantuvo en un lugar (casa, local, obra, estancia, barco)?',
      "Oĩpa nde mbopytava'ekue, nde ñomiva'ekue térã nde jokova'ekue peteĩ tendápe (óga, local, obra, estancia, barco)?",
      'Did someone house you, hide you or keep you in a place (a house, bar, building site, ranch, boat)?',
    ),
    q(
      'act.receipt',
      'Al llegar, ¿alguien le recibió y se hizo cargo de usted (le esperaba, le dio órdenes o le llevó al lugar)?',
      "Reguahẽvo, oĩpa peteĩ tapicha nde ha'arõva ha oñemoĩva nde ruvicharamo (ome'ẽ ndéve tembiapoukapy térã nde gueraha pe tendápe)?",
      'When you arrived, did someone receive you and take charge of you (waited for you, gave you orders or took you to the place)?',
    ),
  ],
};

const means = {
  id: 'means',
  kind: 'means',
  title: t(
    'Medios: amenaza, fuerza, coacción, rapto, fraude, engaño, abuso de poder o de una situación de vulnerabilidad, pagos',
    "Mba'e rupi: ñemongyhyje, mbarete, jejopy, jegueraha mbaretépe, kuatia japu, ñembotavy, pu'aka térã tekotevẽ jeporu vai, pirapire me'ẽ",
    'Means: threat, force, coercion, abduction, fraud, deception, abuse of power or of a position of vulnerability, payments',
  ),
  help: t(
    'Para una persona adulta hace falta al menos un medio. Para una niña, niño o adolescente no: basta el acto y la finalidad.',
    "Tapicha tuichavéva (18 ary guive) rehe, tekotevẽ sa'ive ramo peteĩ. Mitã rehe ndaikotevẽi: oĩ ramo mba'e ojejapo ha mba'erã, ohupytýma.",
    'For an adult at least one means is needed. For a child it is not: the act and the purpose suffice.',
  ),
  questions: [
    q(
      'means.threat',
      '¿Alguien le amenazó a usted o a su familia (con violencia, con la policía, con la deportación o con difundir fotos)?',
      "Oĩpa nde amenazava'ekue térã nde rogayguakuérape (jejapo vai, policía, deportación térã ojehechaukátaha nde ra'anga)?",
      'Did someone threaten you or your family (with violence, the police, deportation or sharing photos)?',
    ),
    q(
      'means.force',
      '¿Alguien usó la fuerza o la violencia física contra usted?',
      "Oĩpa oiporuva'ekue mbarete térã jejapo vai nde rete rehe?",
      'Did someone use force or physical violence against you?',
    ),
    q(
      'means.coercion',
      '¿Le presionaron u obligaron a hacer algo que no quería, o a quedarse?',
      "Oĩpa nde jopyva'ekue térã nde obligava'ekue rejapo hag̃ua peteĩ mba'e ndereipotáiva, térã repyta hag̃ua?",
      'Were you pressured or forced to do something you did not want to, or to stay?',
    ),
    q(
      'means.abduction',
      '¿Le llevaron en contra de su voluntad (secuestro o rapto)?',
      "Oĩpa nde guerahava'ekue mbaretépe, ndereipotáiramo (secuestro térã rapto)?",
      'Were you taken against your will (kidnapping or abduction)?',
    ),
    q(
      'means.fraud',
      '¿Le hicieron usar o firmar documentos o contratos falsos, o le cobraron por algo que no existía?',
      "Oĩpa nde mbojeporuva'ekue térã nde mbofirmava'ekue kuatia térã contrato japu, térã ojerure ndéve pirapire peteĩ mba'e ndaipóriva rehe?",
      'Were you made to use or sign false documents or contracts, or charged for something that did not exist?',
    ),
    q(
      'means.deception',
      '¿Lo que encontró fue distinto de lo que le prometieron (tipo de trabajo, salario, condiciones, lugar o relación)?',
      "Pe rejuhúva iñambuépa pe oñeñe'ẽme'ẽvagui ndéve (tembiapo, viru, mba'éichapa reikóta, tenda térã joaju)?",
      'Was what you found different from what you were promised (type of work, pay, conditions, place or relationship)?',
    ),
    q(
      'means.abuse_of_power',
      '¿Alguien con poder sobre usted (patrón, autoridad, pareja o familiar) lo usó para obligarle?',
      "Oĩpa peteĩ ipu'akavéva nde ári (patrón, autoridad, pareja térã nde rogaygua) oiporuva'ekue upe pu'aka nde obliga hag̃ua?",
      'Did someone with power over you (an employer, an official, a partner or a relative) use it to make you do it?',
    ),
    q(
      'means.abuse_of_vulnerability',
      '¿Se aprovecharon de su situación (necesidad de dinero, edad, falta de documentos, idioma, enfermedad, adicción o discapacidad) para que aceptara?',
      "Oĩpa oiporuva'ekue nde rekotevẽ (pirapire'ỹ, nde ary, kuatia'ỹ, ñe'ẽ, mba'asy, adicción térã discapacidad) remoneĩ hag̃ua?",
      'Did someone take advantage of your situation (need for money, age, lack of documents, language, illness, addiction or disability) to make you accept?',
    ),
    q(
      'means.payments',
      '¿Alguien pagó o dio algo (dinero, regalos, favores) a sus padres, a su pareja o a otra persona con autoridad sobre usted para que usted fuera?',
      "Oĩpa ohepyme'ẽva'ekue térã ome'ẽva'ekue mba'e (pirapire, jopói, favor) nde ru ha nde sýpe, nde pareja térã ambue ipu'akávape nde ári, reho hag̃ua?",
      'Did someone pay or give something (money, gifts, favours) to your parents, partner or another person with authority over you so that you would go?',
    ),
  ],
};

const purpose = {
  id: 'purpose',
  kind: 'purpose',
  title: t('Finalidad: explotación', "Mba'erã: jeporu vai (explotación)", 'Purpose: exploitation'),
  help: t(
    '¿Para qué se hizo? Cualquier forma de explotación, también en línea.',
    "Mba'érepa ojejapo? Oimeraẽ jeporu vai, avei internet rupive.",
    'What was it for? Any form of exploitation, online too.',
  ),
  questions: [
    q(
      'purpose.sexual_exploitation',
      '¿Le obligaron a prostituirse, a tener relaciones sexuales, a hacer fotos o videos sexuales o a ofrecer servicios sexuales (también por internet), y otra persona se quedaba con el dinero o con otro beneficio?',
      "Oĩpa nde obligava'ekue reñeme'ẽ hag̃ua sexualmente pirapire rehe, rejapo hag̃ua ta'anga térã video sexual, térã reofrece hag̃ua servicio sexual (internet rupive avei), ha ambue tapicha ogueraha pe pirapire térã ambue mba'e porã?",
      'Were you forced into prostitution, sex, sexual photos or videos or offering sexual services (online too), with someone else keeping the money or another benefit?',
    ),
    q(
      'purpose.forced_labour',
      '¿Le hicieron trabajar o prestar servicios bajo amenaza o sin poder negarse ni irse?',
      "Oĩpa nde mba'apoukava'ekue ñemongyhyjépe térã ndaikatúiramo rembotove ha reho?",
      'Were you made to work or provide services under threat, or without being able to refuse or leave?',
    ),
    q(
      'purpose.slavery',
      '¿Le trataron como una propiedad (le compraron, vendieron, prestaron o heredaron)?',
      "Oĩpa nde guerekova'ekue peteĩ mba'e ramo (nde jogua, nde vende, nde prestá térã nde heredá)?",
      'Were you treated as property (bought, sold, lent or inherited)?',
    ),
    q(
      'purpose.servitude',
      '¿Vivía y trabajaba en casa de otra persona sin poder irse, sin paga o casi sin paga (incluido el criadazgo)?',
      "Reikova'ekue ha remba'apova'ekuépa ambue tapicha rógape ndaikatúiramo reho, ndojehepyme'ẽiramo ndéve térã sa'ieterei (criadazgo avei)?",
      'Did you live and work in someone else’s home without being able to leave, unpaid or almost unpaid (including criadazgo)?',
    ),
    q(
      'purpose.organ_removal',
      '¿Le sacaron o intentaron sacarle un órgano o tejido (por ejemplo, un riñón), o le presionaron para venderlo?',
      "Oĩpa oipe'ava'ekue térã oñeha'ãva'ekue oipe'a nde rete pehẽngue (techapyrãramo, peteĩ nde riñón), térã nde jopyva'ekue revende hag̃ua?",
      'Was an organ or tissue removed or nearly removed from you (for example a kidney), or were you pressured to sell one?',
    ),
    q(
      'purpose.forced_begging',
      '¿Le obligaron a pedir limosna o a vender en la calle y a entregar el dinero a otra persona?',
      "Oĩpa nde obligava'ekue rejerure hag̃ua pirapire térã revende hag̃ua tapére, ha reme'ẽ hag̃ua pe pirapire ambue tapichápe?",
      'Were you forced to beg or sell in the street and hand the money to someone else?',
    ),
    q(
      'purpose.forced_marriage',
      '¿Le obligaron a casarse o a vivir en pareja con alguien?',
      "Oĩpa nde obligava'ekue remenda hag̃ua térã reiko hag̃ua peteĩ tapicha ndive ipareja ramo?",
      'Were you forced to marry or to live as someone’s partner?',
    ),
  ],
};

const forcedLabour = {
  id: 'forced_labour',
  kind: 'forced_labour',
  title: t(
    'Indicadores de trabajo forzoso (OIT)',
    'Techaukaha tembiapo ojejopýva rehegua (OIT)',
    'Indicators of forced labour (ILO)',
  ),
  help: t(
    'Los 11 indicadores de la OIT. Uno solo puede justificar una investigación; ninguno es prueba por sí mismo.',
    "OIT 11 techaukaha. Peteĩnte ikatu ohechauka tekotevẽha ojeinvestiga; ndaha'éi prueba.",
    'The ILO’s 11 indicators. One alone may warrant an investigation; none is proof by itself.',
  ),
  questions: [
    q(
      'fl.abuse_of_vulnerability',
      '¿El empleador o el intermediario se aprovechó de que usted no tenía otra opción (pobreza, falta de documentos, idioma, estar lejos de casa)?',
      "Nde patrón térã pe intermediario oiporúpa ndereguerekóiha ambue tape (mboriahu, kuatia'ỹ, ñe'ẽ, mombyry nde rógagui)?",
      'Did the employer or intermediary take advantage of your having no other option (poverty, no documents, language, being far from home)?',
    ),
    q(
      'fl.deception',
      '¿Le engañaron sobre el tipo de trabajo, el salario, el horario o las condiciones?',
      'Nde mbotavýpa hikuái pe tembiapo, viru, aravo térã tembiapo rekóre?',
      'Were you deceived about the type of work, the pay, the hours or the conditions?',
    ),
    q(
      'fl.restriction_of_movement',
      '¿Le impedían salir libremente del lugar de trabajo o de vivienda (puertas cerradas, vigilancia, permiso para salir)?',
      "Ndaikatúipa resẽ nde reipotaháicha pe tenda remba'apo térã reikohágui (okẽ oñemboty, oñeñangareko nde rehe, tekotevẽ permiso resẽ hag̃ua)?",
      'Were you prevented from leaving the workplace or housing freely (locked doors, guards, needing permission to go out)?',
    ),
    q(
      'fl.isolation',
      '¿Estaba aislado o aislada (lugar remoto, sin teléfono, sin poder hablar con su familia u otras personas)?',
      "Reikópa nde año (tenda mombyry, pumbyry'ỹre, ndaikatúiramo reñe'ẽ nde rogayguakuéra térã ambue tapicha ndive)?",
      'Were you isolated (a remote place, no phone, unable to talk to your family or other people)?',
    ),
    q(
      'fl.physical_sexual_violence',
      '¿Sufrió golpes, violencia física o sexual, o le dieron alcohol o drogas sin que usted quisiera?',
      "Oĩpa nde nupãva'ekue, ojapova'ekue ndéve violencia física térã sexual, térã ome'ẽva'ekue ndéve kaña térã droga ndereipotáiramo?",
      'Were you beaten, subjected to physical or sexual violence, or given alcohol or drugs against your will?',
    ),
    q(
      'fl.intimidation_threats',
      '¿Le intimidaban o amenazaban (con violencia, con la policía, con la deportación o con dañar a su familia)?',
      'Nde mongyhyjépa térã nde amenazápa hikuái (jejapo vai, policía, deportación térã ojapo vaitaha nde rogayguakuérape)?',
      'Were you intimidated or threatened (with violence, the police, deportation or harm to your family)?',
    ),
    q(
      'fl.retention_of_documents',
      '¿Alguien guardaba su cédula, pasaporte u otro documento y no se lo devolvía cuando lo pedía?',
      "Oĩpa oñongatúva nde cédula, pasaporte térã ambue kuatia ha ndome'ẽjeýiva ndéve rejerure jave?",
      'Did someone keep your ID card, passport or other document and not give it back when you asked?',
    ),
    q(
      'fl.withholding_of_wages',
      '¿Le retenían, descontaban o no le pagaban el salario prometido?',
      "Nde viru ojejokópa, ojedescontápa térã ndojehepyme'ẽi ndéve oñeñe'ẽme'ẽháicha?",
      'Were your wages withheld, docked or not paid as promised?',
    ),
    q(
      'fl.debt_bondage',
      '¿Tenía una deuda con el empleador o el intermediario (viaje, comida, alojamiento, herramientas) que no podía terminar de pagar y le obligaba a seguir trabajando?',
      "Rerekópa peteĩ deuda nde patrón térã intermediario ndive (jeguata, tembi'u, koty, tembiporu) ndaikatúiva rehepyme'ẽmbaite ha nde obligáva resegi hag̃ua remba'apo?",
      'Did you owe a debt to the employer or intermediary (travel, food, lodging, tools) that you could never pay off and that kept you working?',
    ),
    q(
      'fl.abusive_conditions',
      '¿Las condiciones de trabajo o de vivienda eran degradantes o peligrosas (sin agua potable, sin comida suficiente, hacinamiento, sin protección)?',
      "Pe tenda remba'apo térã reikohápe ivaietereípa térã ipeligrosopa (y potĩ'ỹ, tembi'u sa'i, hetaiterei tapicha peteĩ kotýpe, ñangareko'ỹ)?",
      'Were working or living conditions degrading or dangerous (no drinking water, not enough food, overcrowding, no protection)?',
    ),
    q(
      'fl.excessive_overtime',
      '¿Trabajaba muchas más horas de las acordadas o de las que permite la ley, sin días de descanso?',
      "Remba'apópa hetave aravo pe oñemoneĩvagui térã léi ohejávagui, ára pytu'u'ỹre?",
      'Did you work far more hours than agreed or than the law allows, without rest days?',
    ),
  ],
};

const child = {
  id: 'child',
  kind: 'child',
  title: t(
    'Indicadores en niñas, niños y adolescentes',
    'Techaukaha mitã ha mitãrusukuéra rehegua',
    'Indicators for children',
  ),
  help: t(
    'Responda observando, o preguntando con un tutor o personal del MINNA presente.',
    'Embohovái rehecháva rupi, térã reporandu oĩ jave hesãmbyhyha térã MINNA rembiapohára.',
    'Answer by observing, or by asking with a guardian or MINNA staff present.',
  ),
  questions: [
    q(
      'child.without_guardian',
      '¿El niño, niña o adolescente está sin sus padres o tutores, o con un adulto que no puede explicar qué relación tiene con él o ella?',
      "Pe mitã oĩpa itúva, isy térã hesãmbyhyha'ỹre, térã peteĩ tapicha tuichavéva ndive ndaikatúiva omyesakã mba'épa ha'e chupe?",
      'Is the child without parents or guardians, or with an adult who cannot explain how they are related?',
    ),
    q(
      'child.out_of_school',
      '¿No va a la escuela, o dejó de ir, por trabajar o por estar lejos de su familia?',
      "Ndohóipa mbo'ehaópe, térã ohejápa oho, omba'apo rupi térã mombyry oĩ rupi hogayguakuéragui?",
      'Does the child not go to school, or has the child stopped going, because of work or being away from the family?',
    ),
    q(
      'child.works',
      '¿Trabaja (en una casa, la calle, un comercio, el campo o una obra) en lugar de estudiar, o en tareas peligrosas?',
      "Omba'apópa (peteĩ ógape, tapére, ñemuhápe, kokuépe térã obrápe) ostudia rangue, térã tembiapo ipeligrosóvape?",
      'Does the child work (in a house, the street, a shop, the fields or a building site) instead of studying, or in dangerous tasks?',
    ),
    q(
      'child.criadazgo',
      '¿Vive en casa de otra familia a cambio de trabajo doméstico, comida o estudios (criadazgo)?',
      "Oikópa ambue familia rógape omba'apo rehe ógape, tembi'u térã estudio rehe (criadazgo)?",
      'Does the child live with another family in exchange for housework, food or schooling (criadazgo)?',
    ),
    q(
      'child.sexual_contact',
      '¿Hay señales de que un adulto le pide o le paga contactos sexuales, fotos o videos (también por redes sociales o juegos en línea)?',
      "Oĩpa techaukaha peteĩ tapicha tuichavéva ojerureha térã ohepyme'ẽha chupe mba'e sexual, ta'anga térã video rehe (red social térã ñembosarái internet rupive avei)?",
      'Are there signs that an adult asks or pays the child for sexual contact, photos or videos (also on social media or online games)?',
    ),
    q(
      'child.border_travel',
      '¿Viaja o cruzó la frontera sin permiso de sus padres, con documentos falsos o con un adulto que no es su tutor?',
      "Oguatápa térã ohasápa frontera itúva ha isy permiso'ỹre, kuatia japúpe térã peteĩ tapicha tuichavéva ndaha'éiva hesãmbyhyha ndive?",
      'Is the child travelling, or did the child cross the border, without the parents’ permission, with false documents or with an adult who is not the guardian?',
    ),
    q(
      'child.money_handed_over',
      '¿Entrega a otra persona el dinero que gana?',
      "Ome'ẽpa ambue tapichápe pe pirapire ohupytýva?",
      'Does the child hand the money they earn to someone else?',
    ),
  ],
};

const domesticServitude = {
  id: 'domestic_servitude',
  kind: 'domestic_servitude',
  title: t(
    'Indicadores de servidumbre doméstica (incluido el criadazgo)',
    'Techaukaha tembiguái ógape (criadazgo avei)',
    'Indicators of domestic servitude (including criadazgo)',
  ),
  questions: [
    q(
      'ds.lives_at_work',
      '¿Vive en la casa donde trabaja y no puede salir libremente?',
      "Reikópa pe óga remba'apohápe ha ndaikatúi resẽ nde reipotaháicha?",
      'Do you live in the house where you work and cannot go out freely?',
    ),
    q(
      'ds.always_on_call',
      '¿Tiene que estar disponible a cualquier hora, de día y de noche?',
      "Reimeva'erãpa oimeraẽ aravópe, ára ha pyharépe?",
      'Do you have to be available at any hour, day and night?',
    ),
    q(
      'ds.no_own_space',
      '¿Duerme en un lugar inadecuado (cocina, piso, depósito) o sin un espacio propio?',
      'Reképa tenda ndoiporãivape (kosina, yvýpe, depósito) térã ndereguerekói nde koty?',
      'Do you sleep in an unsuitable place (kitchen, floor, storeroom) or without a space of your own?',
    ),
    q(
      'ds.food_denied',
      '¿Come menos que la familia o solo lo que sobra, o le niegan comida?',
      "Rekarúpa sa'ive familiagui térã pe hembývante, térã ndojeme'ẽi ndéve tembi'u?",
      'Do you eat less than the family or only leftovers, or are you denied food?',
    ),
    q(
      'ds.no_contact',
      '¿Le impiden tener teléfono o comunicarse con su familia?',
      "Ojejokópa ndehegui reguereko pumbyry térã reñe'ẽ nde rogayguakuéra ndive?",
      'Are you prevented from having a phone or contacting your family?',
    ),
  ],
};

const sexualExploitation = {
  id: 'sexual_exploitation',
  kind: 'sexual_exploitation',
  title: t(
    'Indicadores de explotación sexual',
    'Techaukaha jeporu vai sexual rehegua',
    'Indicators of sexual exploitation',
  ),
  questions: [
    q(
      'sx.quota',
      '¿Tenía que atender a un número mínimo de clientes o juntar una cantidad de dinero por día?',
      "Reatendeva'erãpa peteĩ papapy cliente térã rembyatyva'erã pirapire ára ha ára?",
      'Did you have to serve a minimum number of clients or bring in a set amount of money each day?',
    ),
    q(
      'sx.no_refusal',
      '¿Le obligaban a atender clientes o a hacer actos que no quería, sin poder negarse?',
      "Nde obligápa hikuái reatende hag̃ua cliente térã rejapo hag̃ua mba'e ndereipotáiva, ndaikatúiramo rembotove?",
      'Were you forced to serve clients or perform acts you did not want to, without being able to refuse?',
    ),
    q(
      'sx.earnings_taken',
      '¿Otra persona se quedaba con todo o casi todo el dinero que pagaban los clientes?',
      "Ambue tapicha oguerahápa opa térã haimete opa pe pirapire ohepyme'ẽva umi cliente?",
      'Did someone else keep all or nearly all the money that clients paid?',
    ),
    q(
      'sx.online',
      '¿Le obligaban a hacer fotos, videos o transmisiones sexuales, o le anunciaban por internet o redes sociales?',
      "Nde obligápa hikuái rejapo hag̃ua ta'anga, video térã transmisión sexual, térã nde anunciápa internet térã red social rupive?",
      'Were you forced to make sexual photos, videos or live streams, or advertised online or on social media?',
    ),
    q(
      'sx.moved_often',
      '¿Le cambiaban a menudo de local, de ciudad o de país?',
      "Nde mongu'épa hikuái py'ỹi ambue local, táva térã tetãme?",
      'Were you often moved to another venue, city or country?',
    ),
    q(
      'sx.lives_at_venue',
      '¿Vivía en el mismo local donde se ofrecían los servicios sexuales?',
      'Reikópa upe local ojeofreceháme servicio sexual-pe voi?',
      'Did you live in the same venue where sexual services were offered?',
    ),
  ],
};

const labourExploitation = {
  id: 'labour_exploitation',
  kind: 'labour_exploitation',
  title: t(
    'Indicadores de explotación laboral',
    'Techaukaha jeporu vai tembiapópe',
    'Indicators of labour exploitation',
  ),
  questions: [
    q(
      'lx.no_contract',
      '¿Trabaja sin contrato ni seguro social (IPS), o con un contrato que no entiende?',
      "Remba'apópa contrato ha IPS'ỹre, térã peteĩ contrato nderentendéiva ndive?",
      'Do you work without a contract or social security (IPS), or with a contract you do not understand?',
    ),
    q(
      'lx.recruitment_fee',
      '¿Tuvo que pagar al intermediario o al empleador para conseguir el trabajo?',
      "Rehepyme'ẽva'erãpa intermediario térã patrón-pe rehupyty hag̃ua pe tembiapo?",
      'Did you have to pay the intermediary or the employer to get the job?',
    ),
    q(
      'lx.dangerous_work',
      '¿Hace tareas peligrosas sin equipo de protección (químicos, maquinaria, alturas, carbón)?',
      "Rejapópa tembiapo ipeligrosóva tembiporu ñangarekoha'ỹre (químico, máquina, yvate, carbón)?",
      'Do you do dangerous tasks without protective equipment (chemicals, machinery, heights, charcoal)?',
    ),
    q(
      'lx.pay_in_kind',
      '¿Le pagan con comida, alojamiento o vales en lugar de dinero, o le cobran precios abusivos en la despensa del empleador?',
      "Nde hepyme'ẽpa hikuái tembi'u, koty térã vale rupive pirapire rangue, térã ojerure ndéve hepyeterei patrón despensa-pe?",
      'Are you paid in food, lodging or vouchers instead of money, or overcharged at the employer’s store?',
    ),
    q(
      'lx.remote_site',
      '¿El lugar de trabajo es remoto (estancia, obraje, carbonería, barco) y solo puede salir con el transporte del empleador?',
      "Pe tenda remba'apohápe mombyrýpa (estancia, obraje, carbonería, barco) ha ikatúnte resẽ patrón transporte-pe?",
      'Is the workplace remote (ranch, logging camp, charcoal camp, boat) so that you can only leave with the employer’s transport?',
    ),
  ],
};

const vulnerability = {
  id: 'vulnerability',
  kind: 'vulnerability',
  title: t('Factores de vulnerabilidad', "Mba'e ombokangyvéva tapichápe", 'Vulnerability factors'),
  help: t(
    'Describen el contexto: no son indicadores de trata por sí mismos y no cambian la evaluación.',
    "Ohechauka mba'éichapa oiko pe tapicha; ndaha'éi techaukaha tapicha ñemu rehegua ha nomoambuéi evaluación.",
    'They describe the context: they are not indicators of trafficking by themselves and do not change the assessment.',
  ),
  questions: [
    q(
      'vul.indigenous',
      '¿La persona pertenece a un pueblo o comunidad indígena?',
      "Pe tapicha ha'épa peteĩ tetã ypykuéra (pueblo indígena) térã tekoha ypykuéra mba'e?",
      'Does the person belong to an indigenous people or community?',
    ),
    q(
      'vul.rural_poverty',
      '¿Es un niño, niña o adolescente de una zona rural en situación de pobreza?',
      "Ha'épa mitã okaraygua oikóva mboriahúpe?",
      'Is the person a child from a poor rural area?',
    ),
    q(
      'vul.street_child',
      '¿Es un niño, niña o adolescente en situación de calle?',
      "Ha'épa mitã oikóva tapére?",
      'Is the person a child living or working on the street?',
    ),
    q(
      'vul.domestic_work',
      '¿Trabaja en el servicio doméstico o vive en criadazgo?',
      "Omba'apópa servicio doméstico-pe térã oikópa criadazgo-pe?",
      'Does the person work in domestic service or live in criadazgo?',
    ),
    q(
      'vul.prostitution',
      '¿Es una mujer en situación de prostitución?',
      "Ha'épa kuña oikóva prostitución-pe?",
      'Is the person a woman in prostitution?',
    ),
    q(
      'vul.undocumented_migrant',
      '¿Es una persona migrante sin documentos, en especial en la Triple Frontera?',
      "Ha'épa tapicha ou ambue tetãgui kuatia'ỹre, ko'ýte Triple Frontera-pe?",
      'Is the person an undocumented migrant, in particular in the Tri-Border Area?',
    ),
    q(
      'vul.returning_from_abroad',
      '¿Es una persona paraguaya que regresa del exterior?',
      "Ha'épa paraguayo térã paraguaya ou jeýva ambue tetãgui?",
      'Is the person a Paraguayan returning from abroad?',
    ),
  ],
};

const definition = {
  title: t(
    'Protocolo de identificación de víctimas de trata de personas',
    'Protocolo ojehechakuaa hag̃ua umi tapicha ojejapo vaíva tapicha ñemu (trata de personas) rupive',
    'Protocol for the identification of victims of trafficking in persons',
  ),
  guidance,
  sections: [
    act,
    means,
    purpose,
    forcedLabour,
    child,
    domesticServitude,
    sexualExploitation,
    labourExploitation,
    vulnerability,
  ],
};

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('screening_instruments')
    .values({
      version: 1,
      status: 'published',
      definition: JSON.stringify(definition),
      published_at: sql`now()`,
    })
    .execute();
}

export { forwardOnly as down } from './columns.js';
