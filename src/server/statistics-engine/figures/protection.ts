/** Protection figures (docs/DOMAIN.md §7): assistance, services by type, referrals, unmet needs, time to service. */
import { defineFigure, PERSON_BREAKDOWNS } from '../figure.js';

/** What the protection figures read unless one says otherwise: the facts' date and institution. */
const common = { area: 'protection', date: 'f.on_date', institution: 'f.institution_id' } as const;

export const protectionFigures = [
  defineFigure({
    ...common,
    id: 'victimsAssisted',
    unit: 'persons',
    fact: 'services',
    measure: 'persons',
    breakdowns: [...PERSON_BREAKDOWNS, 'serviceType'],
    title: { es: 'Víctimas asistidas', en: 'Victims assisted' },
    definition: {
      es: 'Personas distintas con al menos un servicio prestado (registrado en una derivación) en el período; institución que prestó el servicio.',
      en: 'Distinct persons with at least one service delivered (recorded under a referral) in the period; institution that delivered it.',
    },
  }),
  defineFigure({
    ...common,
    id: 'victimsRepatriated',
    unit: 'persons',
    fact: 'services',
    measure: 'persons',
    where: "f.service_type = 'Repatriation'",
    breakdowns: PERSON_BREAKDOWNS,
    title: { es: 'Víctimas repatriadas', en: 'Victims repatriated' },
    definition: {
      es: 'Personas distintas con un servicio de repatriación prestado en el período (retorno asistido a su país o desde el exterior a Paraguay), registrado en una derivación.',
      en: 'Distinct persons with a repatriation service delivered in the period (assisted return to their country, or from abroad to Paraguay), recorded under a referral.',
    },
  }),
  defineFigure({
    ...common,
    id: 'foreignVictimsResidency',
    unit: 'persons',
    fact: 'services',
    measure: 'persons',
    where: "f.service_type = 'ResidencyRegularisation' and p.nationality not in ('PY', 'Unknown')",
    breakdowns: PERSON_BREAKDOWNS,
    title: { es: 'Víctimas extranjeras con residencia otorgada', en: 'Foreign victims granted residency' },
    definition: {
      es: 'Personas distintas de nacionalidad extranjera (primera nacionalidad registrada distinta de PY) con la regularización de su residencia prestada en el período (servicio «regularización migratoria» entregado, p. ej. por la DGM).',
      en: 'Distinct persons of foreign citizenship (first recorded nationality other than PY) whose residency regularisation was delivered in the period (the "residency regularisation" service delivered, e.g. by the DGM).',
    },
  }),
  defineFigure({
    ...common,
    id: 'servicesDelivered',
    unit: 'deliveries',
    fact: 'services',
    measure: 'rows',
    breakdowns: [...PERSON_BREAKDOWNS, 'serviceType'],
    title: { es: 'Servicios prestados', en: 'Services delivered' },
    definition: {
      es: 'Prestaciones de servicio registradas en el período, por tipo de servicio.',
      en: 'Service deliveries recorded in the period, by type of service.',
    },
  }),
  defineFigure({
    ...common,
    id: 'referralsMade',
    unit: 'referrals',
    fact: 'referrals',
    measure: 'rows',
    breakdowns: [...PERSON_BREAKDOWNS, 'serviceType', 'referralState'],
    title: { es: 'Derivaciones y su resultado', en: 'Referrals and their outcome' },
    definition: {
      es: 'Derivaciones creadas en el período (fecha de creación), por estado actual; institución que deriva.',
      en: 'Referrals created in the period (creation date), by current state; referring institution.',
    },
  }),
  defineFigure({
    ...common,
    id: 'unmetNeeds',
    unit: 'needs',
    fact: 'needs',
    measure: 'rows',
    where: "f.status = 'unmet'",
    breakdowns: [...PERSON_BREAKDOWNS, 'serviceType', 'unmetReason'],
    title: { es: 'Necesidades no cubiertas', en: 'Unmet needs' },
    definition: {
      es: 'Necesidades registradas en el período que siguen sin proveedor (estado «no cubierta»), por servicio y motivo.',
      en: 'Needs recorded in the period that still have no provider (status “unmet”), by service and reason.',
    },
  }),
  defineFigure({
    ...common,
    id: 'daysToFirstService',
    unit: 'days',
    fact: 'persons',
    measure: 'medianDays',
    date: 'p.first_service_on',
    where: 'p.days_to_first_service is not null',
    valueColumn: 'p.days_to_first_service',
    institution: 'p.institution_id',
    breakdowns: PERSON_BREAKDOWNS,
    title: { es: 'Días hasta el primer servicio (mediana)', en: 'Days to first service (median)' },
    definition: {
      es: 'Mediana de los días entre la identificación y el primer servicio prestado, de las víctimas identificadas cuyo primer servicio fue en el período.',
      en: 'Median days between identification and the first service delivered, for identified victims whose first service was in the period.',
    },
  }),
];
