/**
 * Identification figures (docs/DOMAIN.md §7, docs/STATISTICS.md): possible victims and formally
 * identified victims are two figures. "Victims identified" — the figure of the TIP and GLOTIP
 * tables — counts only persons whose current status is *actual victim*, a decision taken by an
 * institution and role of the decision policy; a possible victim (one "yes" to an act question, as
 * true of many smuggled migrants) is counted apart.
 */
import { defineFigure, PERSON_BREAKDOWNS } from '../figure.js';

const BREAKDOWNS = [...PERSON_BREAKDOWNS, 'decisionOrg', 'scope'] as const;

export const identificationFigures = [
  defineFigure({
    id: 'victimsIdentified',
    area: 'identification',
    unit: 'persons',
    fact: 'persons',
    measure: 'persons',
    date: 'p.identified_on',
    where: "p.identified_on is not null and p.status = 'ActualVictimOfTrafficking'",
    institution: 'p.institution_id',
    breakdowns: BREAKDOWNS,
    title: { es: 'Víctimas identificadas formalmente', en: 'Victims formally identified' },
    definition: {
      es: 'Personas distintas cuya condición actual es víctima confirmada de trata (HTCDS «ActualVictimOfTrafficking»: decisión de una institución habilitada por la política de confirmación), contadas en el año de su primera decisión de víctima posible o confirmada desde la última decisión «no es víctima» (una persona identificada de nuevo al reabrirse un caso cuenta en el año de la nueva decisión). Las víctimas posibles se cuentan aparte. Sexo, edad (con la presunción de minoría de edad) y nacionalidad al momento de la identificación; departamento de detección e institución del caso en que fue identificada.',
      en: 'Distinct persons whose current status is actual victim of trafficking (HTCDS "ActualVictimOfTrafficking": decided by an institution authorised by the confirmation policy), counted in the year of their first possible or actual victim decision since the last "not a victim" decision (a person identified again when a case is reopened counts in the year of the new decision). Possible victims are counted apart. Sex, age (with the presumption of minority) and nationality at identification; department of detection and institution of the case in which they were identified.',
    },
  }),
  defineFigure({
    id: 'possibleVictims',
    area: 'identification',
    unit: 'persons',
    fact: 'persons',
    measure: 'persons',
    date: 'p.identified_on',
    where: "p.identified_on is not null and p.status = 'PossibleVictimOfTrafficking'",
    institution: 'p.institution_id',
    breakdowns: BREAKDOWNS,
    title: { es: 'Víctimas posibles', en: 'Possible victims' },
    definition: {
      es: 'Personas distintas cuya condición actual es víctima posible de trata (HTCDS «PossibleVictimOfTrafficking»: hay indicios, sin identificación formal), contadas en el año de su primera decisión de víctima posible o confirmada desde la última decisión «no es víctima» (una persona identificada de nuevo al reabrirse un caso cuenta en el año de la nueva decisión). No se suman a las víctimas identificadas formalmente.',
      en: 'Distinct persons whose current status is possible victim of trafficking (HTCDS "PossibleVictimOfTrafficking": indications, no formal identification), counted in the year of their first possible or actual victim decision since the last "not a victim" decision (a person identified again when a case is reopened counts in the year of the new decision). Not added to the victims formally identified.',
    },
  }),
];
