/**
 * Pseudonymised exports: HTCDS v2.0 and the two CTDC layouts hold the presumed victims of the cases
 * the user may see (owned or shared), coded values only, pseudonymous keys that are stable and are
 * not the ids, and each export is audited. Synthetic data only.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CsvParser } from '../../src/server/standards/csv.js';
import { skipBackend, type TestContext } from '../helpers/db.js';
import { api, auditOf, institutionId } from '../helpers/factories.js';
import { insertCase, insertDecision, insertLinkedPerson } from './screening-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

/** Parses a CSV response into objects keyed by the header. */
function table(text: string): Record<string, string>[] {
  const parser = new CsvParser();
  const records = [...parser.push(text), parser.end()].filter((r) => r !== null);
  const [header, ...rows] = records.map((r) => r!.fields);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
}

interface VictimSpec {
  owner: string;
  sharedWith?: string[];
  nationalities?: string[];
  gender?: string | null;
  status?: string;
  exploitation?: {
    types: string[];
    industries?: string[];
    sexual?: string[];
    control?: string[];
    relation?: string | null;
  };
  exploitationCountry?: string;
}

/** A case with one presumed victim (born 1999, detected 2026-04-02) and what the spec adds. */
async function victim(t: TestContext, spec: VictimSpec): Promise<{ caseId: string; personId: string }> {
  const caseId = await insertCase(t, spec.owner, spec.sharedWith ?? []);
  const personId = await insertLinkedPerson(t, caseId, spec.owner);
  const inst = await institutionId(t, spec.owner);
  await t.services.db.transaction(async (trx) => {
    await trx
      .updateTable('persons')
      .set({ nationalities: spec.nationalities ?? ['PY'], gender: spec.gender ?? null, birth_year: 1999 })
      .where('id', '=', personId)
      .execute();
    if (spec.status)
      await insertDecision(t, trx, {
        caseId,
        personId,
        status: spec.status,
        institutionId: inst,
        decidedOn: '2026-04-05',
      });
    const e = spec.exploitation;
    if (e)
      await trx
        .insertInto('victim_exploitation')
        .values({
          case_id: caseId,
          person_id: personId,
          exploitation_types: e.types,
          labour_industries: e.industries ?? [],
          sexual_exploitation_types: e.sexual ?? [],
          control_methods: e.control ?? [],
          recruitment_methods: [],
          recruiter_relation: e.relation ?? null,
          vulnerabilities: [],
        })
        .execute();
    if (spec.exploitationCountry)
      await trx
        .insertInto('trafficking_events')
        .values({
          case_id: caseId,
          person_id: personId,
          type: 'Exploitation',
          country: spec.exploitationCountry,
          department: null,
          district: t.services.crypto.encrypt('Distrito sintético', 'trafficking_events.district'),
          start_date: null,
          end_date: null,
          platforms: ['Messenger'],
          created_by: null,
        })
        .execute();
  });
  return { caseId, personId };
}

describe.skipIf(skipBackend)('standards exports', () => {
  // k = 1: the layout is checked row by row here; k-anonymity in exchange-k-anonymity.test.ts.
  const t = useTestContext({ exportK: 1 });
  const [supervisor] = useSessions(t, 'supervisor@PNPTU');
  let labour: { caseId: string; personId: string };
  let sexual: { caseId: string; personId: string };
  let shared: { caseId: string; personId: string };
  let notVictim: { caseId: string; personId: string };
  let hidden: { caseId: string; personId: string };
  beforeAll(async () => {
    labour = await victim(t, {
      owner: 'PNPTU',
      nationalities: ['PY', 'BR'],
      gender: 'Masculine',
      status: 'ActualVictimOfTrafficking',
      exploitation: {
        types: ['ForcedLabour'],
        industries: ['A', 'T'],
        control: ['DebtBondage', 'TakesEarnings', 'WithholdsDocuments', 'RestrictsMovement'],
        relation: 'Unacquainted',
      },
      exploitationCountry: 'AR',
    });
    sexual = await victim(t, {
      owner: 'PNPTU',
      status: 'PossibleVictimOfTrafficking',
      exploitation: { types: ['SexualExploitation'], sexual: ['Prostitution'], control: ['PhysicalThreats'] },
    });
    shared = await victim(t, { owner: 'MINNA', sharedWith: ['PNPTU'] });
    notVictim = await victim(t, { owner: 'PNPTU', status: 'NotAVictimOfTrafficking' });
    hidden = await victim(t, { owner: 'MINNA', status: 'ActualVictimOfTrafficking' });
  });

  it('exports HTCDS v2.0 rows of the visible cases only, pseudonymised, without names, and audits it', async () => {
    const res = await api(t, supervisor, 'GET', '/api/exports/htcds');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="nanduti-htcds-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    // No id, name, narrative or district of anyone, visible or not, is in the file.
    for (const v of [labour, sexual, shared, notVictim, hidden]) {
      expect(res.body).not.toContain(v.personId);
      expect(res.body).not.toContain(v.caseId);
    }
    for (const text of ['Mirna', 'Aquino', 'Relato', 'Distrito', 'Motivo'])
      expect(res.body).not.toContain(text);
    const rows = table(res.body);
    expect(rows).toHaveLength(4); // labour, sexual, shared with PNPTU, not-a-victim (with its status)
    const labourRow = rows.find((r) => r.vic_TypeOfExploitation === 'ForcedLabour')!;
    expect(labourRow).toMatchObject({
      cas_YearOfRegistration: '2026',
      prs_Gender: 'Masculine',
      prs_Citizenship: 'PY;BR',
      // Age when first trafficked: unknown (no screening, no dated event) — never the age at registration.
      vic_AgeWhenTrafficked: '',
      vic_TraffickingStatus: 'ActualVictimOfTrafficking',
      vic_TraffickingStatusDecisionMakingOrg: 'Police',
      vic_RelationshipToTrafficker: 'Unaquainted',
      // Restriction of movement is our extension: HTCDS has no value for it, so Other.
      vic_MethodsOfControl: 'DebtBondage;TakesEarnings;WithholdsDocuments;Other',
      vic_ForcedLabourIndustry: 'A_AgricultureForestryAndFishing;T_ActivitiesOfHouseholdsAsEmployers',
      vic_LocationOfExploitation: 'AR',
      vic_ExploitationWebsitesAndApps: 'FacebookMessenger',
      cas_Status: 'Active',
    });
    expect(labourRow.prs_PseudonymousId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // The same person gets the same pseudonym in the next export (rows can be linked, ids not recovered).
    const again = table((await api(t, supervisor, 'GET', '/api/exports/htcds')).body);
    expect(again.map((r) => r.prs_PseudonymousId).sort()).toEqual(
      rows.map((r) => r.prs_PseudonymousId).sort(),
    );
    const audit = (await auditOf(t, supervisor.user.id, 'success')).filter(
      (a) => a.action === 'exchange.exportHtcds',
    );
    expect(audit).toHaveLength(2);
    expect(audit[0]!.changed_fields).toEqual(['format=htcds2.0', 'rows=4']);
    // The audit row names the file by its digest: a copy found elsewhere can be traced to this export.
    expect(audit[0]!.resource_id).toBe(`sha256:${createHash('sha256').update(res.body).digest('hex')}`);
  });

  it('exports the CTDC 2020 layout: alpha-2, -99 for missing, 0/1, victims only', async () => {
    const res = await api(t, supervisor, 'GET', '/api/exports/ctdc?format=global2020');
    expect(res.statusCode).toBe(200);
    const rows = table(res.body);
    expect(rows).toHaveLength(3); // the "not a victim" person is left out
    const l = rows.find((r) => r.isForcedLabour === '1')!;
    expect(l).toMatchObject({
      yearOfRegistration: '2026',
      gender: 'Male',
      ageBroad: '27--29',
      majorityStatus: 'Adult',
      citizenship: 'PY',
      CountryOfExploitation: 'AR',
      meansOfControlDebtBondage: '1',
      meansOfControlTakesEarnings: '1',
      meansOfControlThreats: '0',
      meansOfControlRestrictsMovement: '1',
      isSexualExploit: '0',
      isSexAndLabour: '0',
      typeOfLabourAgriculture: '1',
      typeOfLabourDomesticWork: '1',
      typeOfLabourConstruction: '0',
      typeOfSexProstitution: '-99',
      recruiterRelationOther: '1',
    });
    const s = rows.find((r) => r.isSexualExploit === '1')!;
    expect(s).toMatchObject({ gender: 'Female', CountryOfExploitation: '-99', typeOfSexProstitution: '1' });
    expect(s.recruiterRelationFamily).toBe('-99');
    const bare = rows.find((r) => r.isForcedLabour === '-99')!;
    expect(bare).toMatchObject({ isSexualExploit: '-99', meansOfControlThreats: '-99' });
  });

  it('exports the CTDC 2024 layout: alpha-3, NULL (empty) or 1, merged means of control', async () => {
    const res = await api(t, supervisor, 'GET', '/api/exports/ctdc?format=synthetic2024');
    const rows = table(res.body);
    const l = rows.find((r) => r.isForcedLabour === '1')!;
    expect(l).toMatchObject({
      gender: 'Man',
      citizenship: 'PRY',
      CountryOfExploitation: 'ARG',
      meansDebtBondageEarnings: '1',
      meansWithholdDocuments: '1',
      meansThreats: '',
      isSexualExploit: '',
      typeOfLabourAgriculture: '1',
    });
    expect(Object.keys(l)).not.toContain('meansOfControlDebtBondage');
    expect(rows.find((r) => r.isSexualExploit === '1')).toMatchObject({ gender: 'Woman', meansThreats: '1' });
  });

  it('filters by detection date and refuses a range that ends before it starts', async () => {
    const none = await api(t, supervisor, 'GET', '/api/exports/ctdc?from=2026-05-01');
    expect(table(none.body)).toHaveLength(0);
    expect(none.headers['x-nanduti-rows']).toBe('0');
    const bad = await api(t, supervisor, 'GET', '/api/exports/htcds?from=2026-05-01&to=2026-04-01');
    expect(bad.statusCode).toBe(400);
    expect((await api(t, supervisor, 'GET', '/api/exports/ctdc?format=csv')).statusCode).toBe(400);
  });
});
