/** Identification figures (docs/DOMAIN.md §7): victims identified. */
import { defineFigure, PERSON_BREAKDOWNS } from '../figure.js';

export const identificationFigures = [
  defineFigure({
    id: 'victimsIdentified',
    area: 'identification',
    unit: 'persons',
    fact: 'persons',
    measure: 'persons',
    date: 'p.identified_on',
    where: 'p.identified_on is not null',
    institution: 'p.institution_id',
    breakdowns: [...PERSON_BREAKDOWNS, 'decisionOrg'],
    title: { es: 'Víctimas identificadas', en: 'Victims identified' },
    definition: {
      es: 'Personas distintas cuya condición actual es víctima posible o confirmada (HTCDS), contadas en el año de su primera decisión de víctima posible o confirmada. Sexo, edad y nacionalidad al momento de la identificación; departamento de detección e institución del caso en que fue identificada.',
      en: 'Distinct persons whose current status is possible or actual victim (HTCDS), counted in the year of their first possible or actual victim decision. Sex, age and nationality at identification; department of detection and institution of the case in which they were identified.',
    },
  }),
];
