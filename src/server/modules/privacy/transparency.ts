/**
 * The survivor's own view (docs/PRIVACY.md, "Transparency"): the access report — which institutions
 * and roles read, changed or received the person's data, when, why, and under which consent — and
 * the consent receipt (fields after ISO/IEC TS 27560). Both are built from the records (the audit
 * trail, referrals, consents), never from what a caller says. Staff names are withheld unless the
 * DPO decides to show them.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AccessReport, AccessReportEntry, ConsentReceipt } from '../../../shared/api-privacy.js';
import { labelsOf, SENSITIVITY_LABEL_TEXT } from '../../../shared/sensitivity.js';
import { paraguayDayOf } from '../../../shared/dates.js';
import { personVisible } from '../../access/scope.js';
import { can } from '../../access/policies.js';
import { auditOperation } from '../../audit/audit.js';
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { loadCaseForAction } from '../cases/case-access.js';
import { valuesEn } from '../../../shared/value-labels/en.js';
import { valuesEs } from '../../../shared/value-labels/es.js';
import { valuesGn } from '../../../shared/value-labels/gn.js';
import { PERSON_READ_ACTIONS } from './alerts.js';

type Locale = 'es' | 'gn' | 'en';
type Entry = z.output<typeof AccessReportEntry>;

const SHOWN_IN_LISTS = new Set<string>(
  PERSON_READ_ACTIONS.filter((a) => a !== 'person.read' && a !== 'referral.readShared'),
);

function kindOf(action: string): Entry['kind'] {
  if (action === 'breakGlass.open') return 'break_glass';
  if (action === 'referral.readShared') return 'received';
  if (SHOWN_IN_LISTS.has(action)) return 'shown_in_search';
  if (action.endsWith('.read') || action === 'decision.list' || action === 'need.list') return 'read';
  return 'changed';
}

/** The access report of person `personId`. The caller is a case role who sees the person, or the DPO. */
export async function accessReport(
  ctx: Ctx,
  personId: string,
  locale: Locale,
  staffNames: boolean,
): Promise<z.output<typeof AccessReport>> {
  const audit = {
    action: 'privacy.accessReport' as const,
    resourceType: 'person' as const,
    resourceId: personId,
  };
  const person = await ctx.trx
    .selectFrom('persons')
    .select(['persons.id', 'persons.owner_institution_id'])
    .select((eb) => personVisible(ctx.actor)(eb).as('visible'))
    .where('persons.id', '=', personId)
    .executeTakeFirst();
  const isDpo = ctx.actor.role === 'dpo';
  if (!person || (!isDpo && !person.visible)) throw errors.notFound({ audit });
  if (
    !can(ctx.actor, 'privacy.accessReport', {
      institutionId: person.owner_institution_id,
      sharedWithActor: true,
    })
  )
    throw errors.forbidden({ audit });
  // Staff names: only by the DPO's decision.
  if (staffNames && !isDpo) throw errors.forbidden({ audit });

  const rows = await sql<{
    at: Date;
    username: string | null;
    role: string | null;
    action: string;
    purpose: string | null;
    code: string | null;
    name: string | null;
    institution_id: string | null;
    glass: boolean;
    glass_reviewed: boolean;
  }>`with cases_of as (select case_id from case_persons where person_id = ${personId})
    select a.at, a.actor_username as username, a.actor_role as role, a.action, a.purpose,
      i.code, i.name, a.actor_institution_id as institution_id,
      exists (select 1 from break_glass g where g.user_id = a.actor_user_id
        and (g.resource_id = ${personId} or g.resource_id in (select case_id from cases_of))
        and a.at between g.opened_at and g.expires_at) as glass,
      -- Reviewed: the user's latest grant on the record opened by then (the opening's own row
      -- included, whatever its grant's expiry became).
      coalesce((select g.review is not null from break_glass g where g.user_id = a.actor_user_id
        and (g.resource_id = ${personId} or g.resource_id in (select case_id from cases_of))
        and g.opened_at <= a.at + interval '1 second'
        order by g.opened_at desc limit 1), false) as glass_reviewed
    from audit_events a left join institutions i on i.id = a.actor_institution_id
    where a.outcome = 'success' and a.actor_user_id is not null
      and a.action not like 'privacy.%'
      and ((a.resource_type = 'person' and a.resource_id = ${personId}::text)
        or (a.resource_type = 'case' and a.resource_id in (select case_id::text from cases_of))
        or (a.resource_type = 'case_note' and a.resource_id in
          (select n.id::text from case_notes n where n.case_id in (select case_id from cases_of)))
        or (a.resource_type = 'trafficking_event' and a.resource_id in
          (select e.id::text from trafficking_events e where e.case_id in (select case_id from cases_of)))
        or (a.resource_type = 'screening' and a.resource_id in
          (select s.id::text from screenings s where s.person_id = ${personId}))
        or (a.resource_type = 'trafficking_decision' and a.resource_id in
          (select d.id::text from trafficking_decisions d where d.person_id = ${personId}))
        or (a.resource_type = 'referral' and a.resource_id in
          (select r.id::text from referrals r where r.person_id = ${personId})))
    order by a.seq`.execute(ctx.trx);

  // The consents each receiving institution got the data under.
  const consents = await sql<{ institution_id: string; id: string; services: string[]; given_on: string }>`
    select distinct r.to_institution_id as institution_id, c.id, c.services, to_char(c.given_on, 'YYYY-MM-DD') as given_on
    from referrals r join consents c on c.id = r.consent_id where r.person_id = ${personId}`.execute(ctx.trx);
  const consentOf = (institutionId: string | null) => {
    const c = consents.rows.find((x) => x.institution_id === institutionId);
    return c ? { id: c.id, services: c.services, givenOn: c.given_on } : null;
  };

  const grouped = new Map<string, Entry>();
  for (const r of rows.rows) {
    const kind = r.glass && kindOf(r.action) !== 'changed' ? 'break_glass' : kindOf(r.action);
    const entry: Entry = {
      on: paraguayDayOf(r.at),
      institutionCode: r.code ?? '—',
      institutionName: r.name ?? '—',
      role: r.role ?? '—',
      staff: staffNames ? r.username : null,
      kind,
      ...(kind === 'break_glass' ? { awaitingReview: !r.glass_reviewed } : {}),
      purpose: r.purpose,
      consent: kind === 'received' ? consentOf(r.institution_id) : null,
      times: 1,
    };
    const key = [
      entry.on,
      entry.institutionCode,
      entry.role,
      entry.staff,
      entry.kind,
      entry.awaitingReview,
      entry.purpose,
    ].join('|');
    const found = grouped.get(key);
    if (found) found.times++;
    else grouped.set(key, entry);
  }
  // Referrals made: the receiving institution got the data on that day, under that consent.
  const referrals = await sql<{ at: Date; code: string; name: string; institution_id: string }>`
    select r.created_at as at, i.code, i.name, r.to_institution_id as institution_id
    from referrals r join institutions i on i.id = r.to_institution_id
    where r.person_id = ${personId} order by r.created_at`.execute(ctx.trx);
  for (const r of referrals.rows)
    grouped.set(`ref|${r.institution_id}|${paraguayDayOf(r.at)}`, {
      on: paraguayDayOf(r.at),
      institutionCode: r.code,
      institutionName: r.name,
      role: 'institution',
      staff: null,
      kind: 'received',
      purpose: 'referral',
      consent: consentOf(r.institution_id),
      times: 1,
    });
  await auditOperation(ctx, 'privacy.accessReport', 'person', personId, staffNames ? ['staffNames'] : []);
  return {
    personId,
    locale,
    generatedAt: new Date().toISOString(),
    entries: [...grouped.values()].sort((a, b) => a.on.localeCompare(b.on)),
    staffNamesShown: staffNames,
  };
}

const VALUES = { es: valuesEs, gn: valuesGn, en: valuesEn } as const;
function valueLabel(locale: Locale, list: string, value: string): string {
  return (VALUES[locale] as Record<string, string>)[`value.${list}.${value}`] ?? value;
}

const HOW_TO_WITHDRAW: Record<Locale, string> = {
  es: 'Puede retirar este consentimiento en cualquier momento, sin costo y sin perder la atención que recibe: dígalo a {controller} (a quien le atiende, en persona o por teléfono). Desde ese momento nadie más recibe sus datos por este consentimiento.',
  gn: 'Ikatu reipe’a ko moneĩ oimeraẽ árape, rehepyme’ẽ’ỹre ha ndaperdemo’ãi ñangareko rehupytýva: ere {controller}-pe (pe nde rehe oñangarekóvape, nde voi térã pumbyry rupi). Upe guive avave ndohupytyvéima ne mba’ekuaarã ko moneĩ rupive.',
  en: 'You may withdraw this consent at any time, free of charge and without losing the care you receive: tell {controller} (whoever assists you, in person or by phone). From then on nobody else receives your data under this consent.',
};

const EXPIRY: Record<Locale, string> = {
  es: 'Hasta que usted lo retire; como máximo hasta el fin del plazo de conservación del caso ({years} años después de su cierre).',
  gn: 'Reipe’a peve; ipahaite káso ñeñongatu opa peve ({years} ary oñemboty rire).',
  en: 'Until you withdraw it; at the latest until the end of the case’s retention period ({years} years after it is closed).',
};
const ENDED: Record<Locale, string> = {
  es: 'Retirado el {date}: desde entonces no se comparte nada más.',
  gn: 'Ojeipe’a {date}-pe: upe guive ndojekomparti véima mba’eve.',
  en: 'Withdrawn on {date}: nothing has been shared since.',
};

/** The receipt of consent `consentId`, for a case role who may read its case. */
export async function consentReceipt(
  ctx: Ctx,
  consentId: string,
  locale: Locale,
): Promise<z.output<typeof ConsentReceipt>> {
  const audit = {
    action: 'privacy.consentReceipt' as const,
    resourceType: 'consent' as const,
    resourceId: consentId,
  };
  const consent = await ctx.trx
    .selectFrom('consents')
    .innerJoin('institutions', 'institutions.id', 'consents.institution_id')
    .select([
      'consents.id',
      'consents.case_id',
      'consents.kind',
      'consents.services',
      'consents.shared_fields',
      'consents.method',
      'consents.given_on',
      'consents.withdrawn_at',
      'institutions.code',
      'institutions.name',
    ])
    .where('consents.id', '=', consentId)
    .executeTakeFirst();
  if (!consent) throw errors.notFound({ audit });
  if (ctx.actor.role === 'dpo') throw errors.forbidden({ audit });
  await loadCaseForAction(ctx.trx, ctx.actor, consent.case_id, 'case.read');
  const recipients = await sql<{ code: string; name: string }>`select distinct i.code, i.name
    from referrals r join institutions i on i.id = r.to_institution_id
    where r.consent_id = ${consentId} order by i.code`.execute(ctx.trx);
  const years = await sql<{ years: number }>`select years from retention_schedule where category =
    case when exists (select 1 from trafficking_decisions d where d.case_id = ${consent.case_id}
      and d.status in ('PossibleVictimOfTrafficking','ActualVictimOfTrafficking')) then 'victim_case' else 'other_case' end`.execute(
    ctx.trx,
  );
  const withdrawnAt = consent.withdrawn_at ? new Date(consent.withdrawn_at).toISOString() : null;
  await auditOperation(ctx, 'privacy.consentReceipt', 'consent', consentId);
  return {
    receiptId: crypto.randomUUID(),
    locale,
    consentId,
    kind: consent.kind,
    state: withdrawnAt ? 'withdrawn' : 'given',
    controller: { code: consent.code, name: consent.name },
    purposes: consent.services.map((s) => valueLabel(locale, 'SERVICE_TYPES', s)),
    dataCategories: labelsOf(consent.shared_fields).map((label) => SENSITIVITY_LABEL_TEXT[label][locale]),
    recipients: recipients.rows,
    givenOn: String(consent.given_on).slice(0, 10),
    method: consent.method ? valueLabel(locale, 'CONSENT_METHODS', consent.method) : null,
    withdrawnAt,
    expiry: withdrawnAt
      ? ENDED[locale].replace('{date}', paraguayDayOf(withdrawnAt))
      : EXPIRY[locale].replace('{years}', String(years.rows[0]?.years ?? '—')),
    howToWithdraw: HOW_TO_WITHDRAW[locale].replace('{controller}', consent.name),
  };
}
