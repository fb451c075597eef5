/**
 * The independent computation of the prosecution and prevention figures (see statistics-reference.ts
 * for the others): plain code over the raw rows, written from docs/STATISTICS.md.
 */
import { sql } from 'kysely';
import type { TestContext } from '../helpers/db.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

/** One counted unit: its date, institution, dimension values and value (sums and medians). */
export interface SourceItem {
  date: string;
  institution: string | null;
  dims: Record<string, string>;
  value?: number;
}
export type SourceRecords = Map<string, { items: SourceItem[]; measure: 'rows' | 'sum' | 'median' }>;

async function rows(t: TestContext, text: string): Promise<Row[]> {
  return t.services.db.transaction(async (trx) => (await sql.raw<Row>(text).execute(trx)).rows);
}
const byDate = (a: Row, b: Row, column: string) =>
  a[column] < b[column] ? -1 : a[column] > b[column] ? 1 : String(a.id) < String(b.id) ? -1 : 1;

function band(months: number | null, suspended = false): string {
  if (suspended) return 'suspended';
  if (months === null) return 'none';
  if (months < 24) return '<24';
  if (months < 60) return '24-59';
  if (months < 120) return '60-119';
  return '120+';
}

/** Reads the prosecution and prevention records and lists the units of every such figure. */
export async function loadSourceRecords(t: TestContext): Promise<SourceRecords> {
  const investigations = new Map(
    (
      await rows(
        t,
        'select id, opened_on::text as opened_on, owner_institution_id, department, ict_platforms from investigations',
      )
    ).map((i) => [i.id, i]),
  );
  const suspects = await rows(
    t,
    'select id, investigation_id, sex, official_kind, birth_year, nationality from investigation_suspects',
  );
  const suspectOf = new Map(suspects.map((s) => [s.id, s]));
  const invItem = (inv: Row, date: string, extra: Record<string, string> = {}): SourceItem => ({
    date,
    institution: inv.owner_institution_id,
    dims: {
      department: inv.department ?? 'Unknown',
      ict: inv.ict_platforms.length > 0 ? 'online' : 'offline',
      ...extra,
    },
  });
  const complicity = new Set(suspects.filter((s) => s.official_kind !== null).map((s) => s.investigation_id));
  const opened = [...investigations.values()].map((i) => ({ inv: i, item: invItem(i, i.opened_on) }));

  // Charges with their provision's category and form, and the outcome per charge.
  const charges = await rows(
    t,
    `select c.id, c.suspect_id, c.outcome, c.outcome_on::text as outcome_on, c.sentence_months, c.suspended,
       lp.category, lp.exploitation from suspect_charges c join legal_provisions lp on lp.id = c.provision_id`,
  );
  const chargesOf = new Map<string, Row[]>();
  for (const c of charges) chargesOf.set(c.suspect_id, [...(chargesOf.get(c.suspect_id) ?? []), c]);
  const ageGroup = (s: Row, date: string) =>
    s.birth_year === null ? 'unknown' : Number(date.slice(0, 4)) - s.birth_year < 18 ? 'child' : 'adult';
  const formOf = (list: Row[]) => {
    const forms = new Set(list.filter((c) => c.category === 'trafficking').map((c) => c.exploitation));
    const sexual = forms.has('SexualExploitation');
    const labour = forms.has('ForcedLabour');
    return sexual && labour
      ? 'SexualAndLabour'
      : sexual
        ? 'SexualExploitation'
        : labour
          ? 'ForcedLabour'
          : 'Unknown';
  };
  const suspectDims = (s: Row, date: string) => ({
    sex: s.sex,
    ageGroup: ageGroup(s, date),
    nationality: s.nationality ?? 'Unknown',
  });

  const firstImputacion = new Map<string, string>();
  for (const st of await rows(
    t,
    "select suspect_id, occurred_on::text as on from procedural_stages where stage = 'imputacion'",
  ))
    if (!firstImputacion.has(st.suspect_id) || st.on < firstImputacion.get(st.suspect_id)!)
      firstImputacion.set(st.suspect_id, st.on);
  const charged = [...firstImputacion]
    .filter(([id]) => chargesOf.has(id))
    .map(([id, on]) => {
      const s = suspectOf.get(id)!;
      const list = chargesOf.get(id)!;
      return {
        trafficking: list.some((c) => c.category === 'trafficking'),
        official: s.official_kind !== null,
        item: invItem(investigations.get(s.investigation_id)!, on, {
          ...suspectDims(s, on),
          exploitation: formOf(list),
        }),
      };
    });

  // A conviction under a trafficking provision first (earliest, longest sentence), else any other.
  const convictionOf = new Map<string, Row>();
  const rank = (c: Row): [number, string, number, string] => [
    c.category === 'trafficking' ? 0 : 1,
    c.outcome_on,
    -(c.sentence_months ?? -1),
    c.id,
  ];
  const before = (a: Row, b: Row) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < x.length; i++) if (x[i]! !== y[i]!) return x[i]! < y[i]!;
    return false;
  };
  for (const c of charges.filter((c) => c.outcome === 'convicted')) {
    const current = convictionOf.get(c.suspect_id);
    if (!current || before(c, current)) convictionOf.set(c.suspect_id, c);
  }
  const convictedAll = [...convictionOf.values()].map((c) => {
    const s = suspectOf.get(c.suspect_id)!;
    return {
      suspectId: c.suspect_id as string,
      trafficking: c.category === 'trafficking',
      official: s.official_kind !== null,
      suspended: c.suspended as boolean,
      item: {
        ...invItem(investigations.get(s.investigation_id)!, c.outcome_on, {
          ...suspectDims(s, c.outcome_on),
          // The form of all the trafficking charges convicted on (an aggravating charge names none).
          exploitation: formOf(chargesOf.get(c.suspect_id)!.filter((x) => x.outcome === 'convicted')),
          sentenceBand: band(c.sentence_months, c.suspended),
        }),
        value: c.sentence_months ?? undefined,
      },
    };
  });
  const convicted = convictedAll.filter((c) => c.trafficking).map((c) => c.item);

  const restitution = (
    await rows(
      t,
      "select id, suspect_id, decided_on::text as decided_on, created_at from suspect_outcomes where outcome = 'convicted' and restitution_amount > 0",
    )
  )
    // Only a defendant convicted of trafficking (on a charge under a trafficking provision) counts.
    .filter((o) => convictedAll.some((c) => c.trafficking && c.suspectId === o.suspect_id))
    .sort((a, b) => byDate(a, b, 'decided_on') || +a.created_at - +b.created_at);
  const firstRestitution = new Map<string, Row>();
  for (const o of restitution) if (!firstRestitution.has(o.suspect_id)) firstRestitution.set(o.suspect_id, o);
  const compensation = [...firstRestitution.values()].map((o) => {
    const s = suspectOf.get(o.suspect_id)!;
    return invItem(investigations.get(s.investigation_id)!, o.decided_on, suspectDims(s, o.decided_on));
  });

  const participationRows = (
    await rows(
      t,
      `select id, investigation_id, person_id, penalised, recorded_on::text as on from victim_participation`,
    )
  ).sort((a, b) => byDate(a, b, 'on') || (String(a.id) < String(b.id) ? -1 : 1));
  const firstParticipation = new Map<string, Row>();
  for (const v of participationRows)
    if (!firstParticipation.has(v.person_id)) firstParticipation.set(v.person_id, v);
  const participation = [...firstParticipation.values()].map((v) => ({
    item: invItem(investigations.get(v.investigation_id)!, v.on),
  }));

  // Protection status (reflection, voluntary return, non-punishment): the case's owner, department and ICT.
  const statusRows = await rows(
    t,
    `select ps.person_id, ps.case_id, ps.reflection_from::text as reflection_from, ps.returned_on::text as returned_on,
       ps.return_voluntary, ps.penalised, ps.non_punishment_applied, ps.recorded_on::text as recorded_on,
       c.owner_institution_id, c.detection_department,
       exists (select 1 from trafficking_events e where e.case_id = c.id and e.online) as online
     from protection_status ps join cases c on c.id = ps.case_id order by ps.case_id`,
  );
  /** The earliest dated status per person among those `pick` dates (null: not counted). */
  const firstStatus = (pick: (r: Row) => string | null): Map<string, SourceItem> => {
    const first = new Map<string, SourceItem>();
    for (const r of statusRows) {
      const date = pick(r);
      if (date === null) continue;
      const before = first.get(r.person_id);
      if (before && before.date <= date) continue;
      first.set(r.person_id, {
        date,
        institution: r.owner_institution_id,
        dims: { department: r.detection_department ?? 'Unknown', ict: r.online ? 'online' : 'offline' },
      });
    }
    return first;
  };
  // victimsPenalised: any participation or status that records it; the earliest per person.
  const penalised = new Map<string, SourceItem>();
  for (const v of participationRows)
    if (v.penalised && !penalised.has(v.person_id))
      penalised.set(v.person_id, invItem(investigations.get(v.investigation_id)!, v.on));
  for (const [personId, item] of firstStatus((r) => (r.penalised ? r.recorded_on : null))) {
    const before = penalised.get(personId);
    if (!before || item.date < before.date) penalised.set(personId, item);
  }

  const cooperation = (
    await rows(t, 'select investigation_id, kind, requested_on::text as on from cooperation_requests')
  ).map((c) => invItem(investigations.get(c.investigation_id)!, c.on, { cooperationKind: c.kind }));
  const operations = await rows(
    t,
    'select investigation_id, occurred_on::text as on, department, persons_arrested, victims_rescued from investigation_operations',
  );
  const operation = (o: Row, value?: number): SourceItem => {
    const base = invItem(investigations.get(o.investigation_id)!, o.on, { department: o.department });
    return value === undefined ? base : { ...base, value };
  };

  const trainings = new Map(
    (await rows(t, 'select id, held_on::text as on, institution_id, department from training_events')).map(
      (e) => [e.id, e],
    ),
  );
  const participants = await rows(
    t,
    'select training_id, institution_id, sex, count from training_participants',
  );
  const campaigns = await rows(t, 'select starts_on::text as on, institution_id, reach from campaigns');
  const hotline = await rows(
    t,
    'select received_on::text as on, institution_id, department, channel from hotline_contacts',
  );

  return new Map([
    ['investigationsOpened', { measure: 'rows', items: opened.map((o) => o.item) }],
    [
      'complicityInvestigations',
      { measure: 'rows', items: opened.filter((o) => complicity.has(o.inv.id)).map((o) => o.item) },
    ],
    ['personsCharged', { measure: 'rows', items: charged.filter((c) => c.trafficking).map((c) => c.item) }],
    ['personsConvicted', { measure: 'rows', items: convicted }],
    [
      'sentenceMonths',
      {
        measure: 'median',
        items: convictedAll
          .filter((c) => c.trafficking && !c.suspended && c.item.value !== undefined)
          .map((c) => c.item),
      },
    ],
    [
      'personsChargedOtherProvisions',
      { measure: 'rows', items: charged.filter((c) => !c.trafficking).map((c) => c.item) },
    ],
    [
      'personsConvictedOtherProvisions',
      { measure: 'rows', items: convictedAll.filter((c) => !c.trafficking).map((c) => c.item) },
    ],
    [
      'officialsCharged',
      { measure: 'rows', items: charged.filter((c) => c.trafficking && c.official).map((c) => c.item) },
    ],
    [
      'officialsConvicted',
      { measure: 'rows', items: convictedAll.filter((c) => c.trafficking && c.official).map((c) => c.item) },
    ],
    ['compensationOrdered', { measure: 'rows', items: compensation }],
    ['victimsInProceedings', { measure: 'rows', items: participation.map((p) => p.item) }],
    ['victimsPenalised', { measure: 'rows', items: [...penalised.values()] }],
    [
      'victimsReflectionPeriod',
      { measure: 'rows', items: [...firstStatus((r) => r.reflection_from).values()] },
    ],
    [
      'victimsVoluntaryReturn',
      {
        measure: 'rows',
        items: [...firstStatus((r) => (r.return_voluntary ? r.returned_on : null)).values()],
      },
    ],
    [
      'victimsNonPunishment',
      {
        measure: 'rows',
        items: [...firstStatus((r) => (r.non_punishment_applied ? r.recorded_on : null)).values()],
      },
    ],
    ['cooperationRequests', { measure: 'rows', items: cooperation }],
    ['operationsConducted', { measure: 'rows', items: operations.map((o) => operation(o)) }],
    ['personsArrested', { measure: 'sum', items: operations.map((o) => operation(o, o.persons_arrested)) }],
    ['victimsRescued', { measure: 'sum', items: operations.map((o) => operation(o, o.victims_rescued)) }],
    [
      'trainingsHeld',
      {
        measure: 'rows',
        items: [...trainings.values()].map((e) => ({
          date: e.on,
          institution: e.institution_id,
          dims: { department: e.department ?? 'Unknown' },
        })),
      },
    ],
    [
      'trainingParticipants',
      {
        measure: 'sum',
        items: participants.map((p) => {
          const e = trainings.get(p.training_id)!;
          return {
            date: e.on,
            institution: p.institution_id,
            dims: { department: e.department ?? 'Unknown', sex: p.sex },
            value: p.count,
          };
        }),
      },
    ],
    [
      'campaignsRun',
      {
        measure: 'rows',
        items: campaigns.map((c) => ({ date: c.on, institution: c.institution_id, dims: {} })),
      },
    ],
    [
      'campaignReach',
      {
        measure: 'sum',
        items: campaigns
          .filter((c) => c.reach !== null)
          .map((c) => ({ date: c.on, institution: c.institution_id, dims: {}, value: c.reach })),
      },
    ],
    [
      'hotlineContacts',
      {
        measure: 'rows',
        items: hotline.map((h) => ({
          date: h.on,
          institution: h.institution_id,
          dims: { department: h.department ?? 'Unknown', hotlineChannel: h.channel },
        })),
      },
    ],
  ]);
}

function measure(items: SourceItem[], kind: 'rows' | 'sum' | 'median'): number | null {
  if (kind === 'rows') return items.length;
  if (kind === 'sum') return items.reduce((a, i) => a + i.value!, 0);
  const values = items.map((i) => i.value!).sort((a, b) => a - b);
  if (!values.length) return null;
  const mid = (values.length - 1) / 2;
  return (values[Math.floor(mid)]! + values[Math.ceil(mid)]!) / 2;
}

/** A prosecution or prevention figure from the records, with `filters` (year and dimension values). */
export function referenceSourceFigure(
  records: SourceRecords,
  codes: Map<string, string>,
  figure: string,
  filters: { year: number } & Record<string, string | number | undefined>,
  by?: string,
): { total: number | null; previousTotal: number | null; rows: Record<string, number> } {
  const { items, measure: kind } = records.get(figure)!;
  const matches = (i: SourceItem, year: number) =>
    i.date >= `${year}-01-01` &&
    i.date < `${year + 1}-01-01` &&
    Object.entries(filters).every(
      ([name, value]) =>
        name === 'year' ||
        value === undefined ||
        (name === 'institution' ? i.institution === value : i.dims[name] === value),
    );
  const now = items.filter((i) => matches(i, filters.year));
  const before = items.filter((i) => matches(i, filters.year - 1));
  const keyOf = (i: SourceItem) =>
    by === 'year'
      ? i.date.slice(0, 4)
      : by === 'institution'
        ? i.institution
          ? codes.get(i.institution)!
          : 'Unknown'
        : i.dims[by!]!;
  const groups = new Map<string, SourceItem[]>();
  if (by) for (const i of now) groups.set(keyOf(i), [...(groups.get(keyOf(i)) ?? []), i]);
  const rowsOut = Object.fromEntries([...groups].map(([key, list]) => [key, measure(list, kind)!]));
  const zero = kind === 'median' ? null : 0;
  return {
    total: measure(now, kind) ?? zero,
    previousTotal: measure(before, kind) ?? zero,
    rows: rowsOut,
  };
}
