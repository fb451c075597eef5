/** ICT figures (seed 003): victims whose recruitment or exploitation happened online. */
import { defineFigure, PERSON_BREAKDOWNS } from '../figure.js';

export const ictFigures = [
  defineFigure({
    id: 'victimsIdentifiedOnline',
    area: 'ict',
    unit: 'persons',
    fact: 'persons',
    measure: 'persons',
    date: 'p.identified_on',
    where: "p.identified_on is not null and p.ict <> 'offline'",
    institution: 'p.institution_id',
    breakdowns: PERSON_BREAKDOWNS,
    title: {
      es: 'Víctimas identificadas con captación o explotación en línea',
      en: 'Victims identified recruited or exploited online',
    },
    definition: {
      es: 'Víctimas identificadas (misma definición) con al menos un evento de captación o de explotación registrado como ocurrido en línea, en cualquiera de sus casos; plataformas de esos eventos.',
      en: 'Victims identified (same definition) with at least one recruitment or exploitation event recorded as online, in any of their cases; platforms of those events.',
    },
  }),
];
