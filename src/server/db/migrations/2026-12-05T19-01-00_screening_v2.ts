/**
 * Screening instrument version 2 (docs/DOMAIN.md §3) and Law 4788/2012's test beside Palermo's.
 *
 * - The purpose questions ask what the activity was and who profited from it, never whether the
 *   person was forced: coercion is a means (asked in its own section), and for a child act +
 *   purpose suffice — a 15-year-old whose sex is sold by a third party and who "agrees" is a
 *   presumed victim. New forms of exploitation: forced criminality, illegal adoption and the
 *   recruitment of children by armed groups.
 * - Child indicators that describe exploitation are marked `towardPurpose` (the rules count them
 *   toward the purpose for a child or possible child).
 * - Guidance: with children, child-protection staff lead (not the police), never with a guardian
 *   who may be the exploiter (criadazgo); forensic interviews are left to the Cámara Gesell.
 * - `screenings.law4788_assessment` / `law4788_aggravating`: the national test (act + purpose make
 *   the offence; means and a child victim aggravate it), backfilled for earlier screenings from
 *   what they stored.
 *
 * Version 2 (the next number, 2 on a new install) is built from version 1 as stored (its other sections are unchanged), published, and
 * version 1 retired; screenings keep the version they answered. Frozen: never import app code.
 *
 * GUARANÍ (gn): written by the development team; a NATIVE SPEAKER MUST REVIEW these texts before
 * field use (as for version 1); corrections go into a new version.
 */
import { sql, type Kysely } from 'kysely';

const t = (es: string, gn: string, en: string) => ({ es, gn, en });
const q = (id: string, es: string, gn: string, en: string) => ({ id, text: t(es, gn, en) });

const purpose = {
  id: 'purpose',
  kind: 'purpose',
  title: t('Finalidad: explotación', "Mba'erã: jeporu vai (explotación)", 'Purpose: exploitation'),
  help: t(
    '¿Qué actividad hubo y quién se benefició? No pregunte si la persona aceptó: el consentimiento no cuenta cuando hubo un medio, y nunca en una persona menor de 18 años.',
    "Mba'e tembiapópa oĩ ha mávapa ohupyty mba'e porã upévagui? Ani eporandu pe tapicha oñemoĩ porãpa: imoneĩ nome'ẽi mba'eve oĩ ramo mba'e rupi, ha araka'eve 18 ary'ỹva ndive.",
    'What activity was there and who profited? Do not ask whether the person agreed: consent is irrelevant once a means was used, and always for a person under 18.',
  ),
  questions: [
    q(
      'purpose.sexual_exploitation',
      '¿Hubo relaciones sexuales, fotos o videos sexuales o servicios sexuales (también por internet) por los que otra persona cobró, se quedó con el dinero o sacó otro beneficio?',
      "Oĩpa mba'e sexual, ta'anga térã video sexual, térã servicio sexual (internet rupive avei) ambue tapicha ohupytyhápe pirapire, ogueraha pe pirapire térã ambue mba'e porã?",
      'Was there sex, sexual photos or videos or sexual services (online too) for which someone else was paid, kept the money or took another benefit?',
    ),
    q(
      'purpose.forced_labour',
      '¿Trabajó o prestó servicios (en una casa, el campo, una obra, un comercio, la calle, un barco) y otra persona se quedó con todo o parte de lo que ganaba, o le pagaban mucho menos de lo prometido o nada?',
      "Remba'apo térã represtá servicio (peteĩ ógape, kokuépe, obrápe, ñemuhápe, tapére, barcope) ha ambue tapicha ogueraha opaite térã peteĩ pehẽngue rehupytývagui, térã nde hepyme'ẽ michĩve oñeñe'ẽme'ẽvagui térã mba'eve?",
      'Did you work or provide services (in a house, the fields, a building site, a shop, the street, a boat) while someone else kept all or part of what you earned, or you were paid far less than promised or nothing?',
    ),
    q(
      'purpose.slavery',
      '¿Le trataron como una propiedad (le compraron, vendieron, prestaron o heredaron)?',
      "Oĩpa nde guerekova'ekue peteĩ mba'e ramo (nde jogua, nde vende, nde prestá térã nde heredá)?",
      'Were you treated as property (bought, sold, lent or inherited)?',
    ),
    q(
      'purpose.servitude',
      '¿Vivía y trabajaba en casa de otra persona sin paga o casi sin paga (incluido el criadazgo)?',
      "Reikova'ekue ha remba'apova'ekuépa ambue tapicha rógape ndojehepyme'ẽiramo ndéve térã sa'ieterei (criadazgo avei)?",
      'Did you live and work in someone else’s home unpaid or almost unpaid (including criadazgo)?',
    ),
    q(
      'purpose.organ_removal',
      '¿Le sacaron o intentaron sacarle un órgano o tejido (por ejemplo, un riñón), o alguien arregló comprárselo?',
      "Oĩpa oipe'ava'ekue térã oñeha'ãva'ekue oipe'a nde rete pehẽngue (techapyrãramo, peteĩ nde riñón), térã oĩpa oñembosako'íva ojogua hag̃ua ndehegui?",
      'Was an organ or tissue removed or nearly removed from you (for example a kidney), or did someone arrange to buy one from you?',
    ),
    q(
      'purpose.forced_begging',
      '¿Pedía limosna o vendía en la calle y entregaba el dinero a otra persona?',
      "Rejerure pirapire térã revende tapére ha reme'ẽ pe pirapire ambue tapichápe?",
      'Did you beg or sell in the street and hand the money to someone else?',
    ),
    q(
      'purpose.forced_marriage',
      '¿Le casaron o le pusieron a vivir en pareja con alguien, en una unión arreglada por otra persona (que pudo recibir algo a cambio)?',
      "Oĩpa nde menda térã nde mbo'ikova'ekue peteĩ tapicha ndive ipareja ramo, ambue tapicha oñembosako'i haguéicha (ikatu ohupyty mba'e upévare)?",
      'Were you married, or put to live as someone’s partner, in a union arranged by someone else (who may have received something in return)?',
    ),
    q(
      'purpose.forced_criminality',
      '¿Cometió delitos (por ejemplo, llevar o vender drogas, robar, estafas por internet) por encargo de otra persona que se quedaba con el beneficio?',
      "Rejapópa mba'e vai léi ombotovéva (techapyrãramo, reraha térã revende droga, remonda, rembotavy internet rupive) ambue tapicha he'ihaguéicha, ha ha'e ogueraha pe mba'e porã?",
      'Did you commit offences (for example carrying or selling drugs, theft, online scams) on behalf of someone else who kept the benefit?',
    ),
    q(
      'purpose.illegal_adoption',
      '¿Se entregó, o se quiso entregar, a un niño o niña (suyo o a su cargo) en adopción o crianza a cambio de dinero u otro beneficio, o fuera de los trámites legales?',
      "Oñeme'ẽpa, térã oñeha'ãpa oñeme'ẽ, peteĩ mitã (nde mitã térã reñangarekóva) adopción térã ñemongakuaa rehe pirapire térã ambue mba'e rehe, térã léi rape'ỹre?",
      'Was a child (yours or in your care) handed over, or meant to be, for adoption or upbringing in exchange for money or another benefit, or outside the legal procedure?',
    ),
    q(
      'purpose.armed_recruitment',
      '¿Un grupo armado que no es del Estado le reclutó o le utilizó cuando tenía menos de 18 años (para combatir, vigilar, llevar cosas o cualquier otra tarea)?',
      "Peteĩ aty oguerekóva árma ha ndaha'éiva Estado mba'e, nde reclutápa térã nde iporúpa 18 ary'ỹre jave (ñorairõ, ñangareko, mba'e jeguerahápe térã ambue tembiapópe)?",
      'Did an armed group that is not the State recruit or use you when you were under 18 (to fight, keep watch, carry things or any other task)?',
    ),
  ],
};

const CHILD_GUIDANCE = t(
  'Con niñas, niños y adolescentes, la conversación la lleva personal de protección de la niñez (CODENI, MINNA o la Defensoría de la Niñez y la Adolescencia), no la policía; nunca con el tutor o un familiar presente sin haber descartado que sea quien le explota (en el criadazgo suele serlo). No haga una entrevista forense: el relato del niño se toma una sola vez, en la Cámara Gesell, por orden fiscal o judicial. Su interés superior es lo primero.',
  "Mitã ha mitãrusukuéra ndive, pe ñemongeta ogueraha mitã ñangarekoha (CODENI, MINNA térã Defensoría de la Niñez y la Adolescencia), ndaha'éi polícia; araka'eve oĩ jave hesãmbyhyha térã ipariénte ndojehechaukái mboyve ndaha'eiha ha'e pe oiporu vaíva chupe (criadazgo-pe py'ỹi ha'e). Ani ejapo ñemongeta forense: mitã he'íva ojehendu peteĩ jeýnte, Cámara Gesell-pe, fiscal térã juez he'i rupi. Mitã rekoporã tenondete.",
  'With children and adolescents, child-protection staff (CODENI, MINNA or the Children’s Defender) lead the conversation, not the police; never with the guardian or a relative present until it is ruled out that they are the exploiter (in criadazgo they often are). Do not conduct a forensic interview: the child’s account is taken once, in the Cámara Gesell, on a prosecutor’s or judge’s order. The child’s best interest comes first.',
);

const CHILD_HELP = t(
  'Responda observando, o preguntando con personal de protección de la niñez (CODENI, MINNA) presente; no con el tutor si pudiera ser quien le explota. Las respuestas marcadas describen explotación y cuentan como finalidad para una persona menor de 18 años.',
  "Embohovái rehecháva rupi, térã reporandu oĩ jave mitã ñangarekoha (CODENI, MINNA); ani hesãmbyhyha ndive ikatu ramo ha'e pe oiporu vaíva. Umi porandu oñemarkáva ohechauka jeporu vai ha oñemombe'u mba'erã ramo 18 ary'ỹva rehe.",
  'Answer by observing, or by asking with child-protection staff (CODENI, MINNA) present; not with the guardian if they may be the exploiter. The marked answers describe exploitation and count as purpose for a person under 18.',
);

/** Child indicators that describe exploitation itself (not only the context). */
const TOWARD_PURPOSE = new Set([
  'child.works',
  'child.criadazgo',
  'child.sexual_contact',
  'child.money_handed_over',
]);

interface Definition {
  title: unknown;
  guidance: Array<{ es: string; gn: string; en: string }>;
  sections: Array<{ id: string; kind: string; help?: unknown; questions: Array<Record<string, unknown>> }>;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('screenings').addColumn('law4788_assessment', 'text').execute();
  await db.schema
    .alterTable('screenings')
    .addColumn('law4788_aggravating', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
  // What the earlier screenings stored answers the national test too.
  await sql`update screenings set
      law4788_assessment = case when act and purpose then 'offence'
        when act or means or purpose or indicator_count > 0 then 'possible_offence'
        else 'no_indication' end,
      law4788_aggravating = array_remove(array[case when means then 'means' end,
        case when child = 'yes' then 'child' end], null)`.execute(db);
  await sql`alter table screenings alter column law4788_assessment set not null`.execute(db);

  const v1 = await db
    .selectFrom('screening_instruments')
    .select(['definition'])
    .where('version', '=', 1)
    .executeTakeFirst();
  if (!v1) return;
  const definition = (
    typeof v1.definition === 'string' ? JSON.parse(v1.definition) : v1.definition
  ) as Definition;
  const v2: Definition = {
    ...definition,
    guidance: definition.guidance.map((line) =>
      /MINNA/.test(line.es) && /tutor/.test(line.es) ? CHILD_GUIDANCE : line,
    ),
    sections: definition.sections.map((section) => {
      if (section.kind === 'purpose') return purpose;
      if (section.kind === 'child') {
        return {
          ...section,
          help: CHILD_HELP,
          questions: section.questions.map((question) =>
            TOWARD_PURPOSE.has(String(question.id)) ? { ...question, towardPurpose: true } : question,
          ),
        };
      }
      return section;
    }),
  };
  const { max } = await db
    .selectFrom('screening_instruments')
    .select(sql<number>`max(version)`.as('max'))
    .executeTakeFirstOrThrow();
  await db
    .updateTable('screening_instruments')
    .set({ status: 'retired' })
    .where('status', '=', 'published')
    .execute();
  await db
    .insertInto('screening_instruments')
    .values({
      version: Number(max) + 1,
      status: 'published',
      definition: JSON.stringify(v2),
      published_at: sql`now()`,
    })
    .execute();
}

export { forwardOnly as down } from './columns.js';
