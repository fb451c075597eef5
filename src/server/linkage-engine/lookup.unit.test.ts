import { describe, expect, it } from 'vitest';
import { candidatePairs, personBlockingRules, type CandidateOptions } from './blocking.js';
import { personOrder, personRank } from './blocking-rank.js';
import { personComparisons } from './comparisons.js';
import { linkPersons, preparePersons } from './linkage.js';
import { LinkageIndex } from './lookup.js';
import type { LinkPerson, Prepared } from './record.js';
import { drawPerson } from '../demo/person.js';
import { Rng } from '../demo/prng.js';

// 700 persons registered once or twice, a quarter with an age estimated by eye (many keys under
// the estimate rules), a fifth of them María González, so that small caps and blocks bind.
const rng = new Rng(5);
const persons: LinkPerson[] = [];
for (let i = 0; i < 700; i++) {
  const p = drawPerson(rng, {
    sex: i % 4 === 0 ? 'Male' : 'Female',
    age: 10 + (i % 30),
    detectedOn: '2026-01-01',
    foreign: false,
  });
  const estimated = i % 4 === 1;
  for (const source of i % 3 === 0 ? ['PNPTU', 'NGO'] : ['MINNA'])
    persons.push({
      id: `${i}-${source}`,
      source,
      // One in five with the commonest name, so that its blocks are large.
      givenNames: i % 5 === 0 ? 'María' : p.givenNames,
      firstSurname: i % 5 === 0 ? 'González' : p.firstSurname,
      secondSurname: source === 'NGO' ? null : p.secondSurname,
      dateOfBirth: estimated ? null : p.dateOfBirth,
      estimatedAge: estimated ? 10 + (i % 30) : null,
      ageRecordedOn: estimated ? '2026-01-01' : null,
      sex: p.sex,
      documentNumber: p.documentNumber,
      department: p.residenceDepartment,
    });
}
const { vocab, records } = preparePersons(persons);
const { model, prior } = linkPersons(persons.slice(0, 400));
const comparisons = personComparisons(vocab, records);
// Small limits, so that every one of them decides something in a population this size.
const limits = { maxBlock: 3, window: 3, maxBipartitePairs: 6 } satisfies CandidateOptions;

/** The rules without budgets (`none`) or with a budget of `n` where a rule has one. */
function rulesWith(budget: 'none' | number) {
  return personBlockingRules(vocab).map((r) => ({
    ...r,
    perRecord: budget === 'none' || r.perRecord === undefined ? undefined : budget,
  }));
}

/** The batch's partners of `query` when it is registered after `others` (the last record). */
function batchPartners(
  others: Prepared[],
  query: Prepared,
  budget: 'none' | number,
  options = limits,
): number[] {
  const all = [...others, query];
  // Without the look inside over-cap blocks (`nearest`): the look-up takes it from the query's side
  // only (the query meets its closest records), not where another record would pick the query.
  const rules = rulesWith(budget).map((r) => ({ ...r, nearest: undefined }));
  const pairs = candidatePairs(all, rules, { ...options, rank: personRank(vocab, all) });
  const last = all.length - 1;
  const partners: number[] = [];
  for (let k = 0; k < pairs.count; k++)
    if (pairs.right[k] === last) partners.push(pairs.left[k]!);
    else if (pairs.left[k] === last) partners.push(pairs.right[k]!);
  return partners.sort((a, b) => a - b);
}

function indexCandidates(
  others: Prepared[],
  query: Prepared,
  budget: 'none' | number,
  options = limits,
): number[] {
  const index = new LinkageIndex(others, comparisons, rulesWith(budget), model, prior, {
    ...options,
    order: personOrder(vocab),
  });
  return index.candidates(query).sort((a, b) => a - b);
}

describe('LinkageIndex', () => {
  const queries = [0, 1, 2, 5, 40, 77, 87, 130, 301, 302, 555, 640, 811, 900, 920];

  it('meets the records the batch pairs a new record with: same maximum block, window and caps', () => {
    for (const q of queries) {
      const others = records.filter((_, i) => i !== q);
      expect(indexCandidates(others, records[q]!, 'none'), `query ${q}`).toEqual(
        batchPartners(others, records[q]!, 'none'),
      );
    }
  }, 120_000);

  it('applies the budget per record of an estimated age, as the batch does', () => {
    // Estimated queries, caps loose enough for their many years to find blocks, a budget of 2.
    const estimated = records
      .flatMap((r, i) => (r.estimated && persons[i]!.givenNames === 'María' ? [i] : []))
      .slice(0, 12);
    const loose = { ...limits, maxBipartitePairs: 100 };
    let withBudget = 0;
    let without = 0;
    for (const q of estimated) {
      const others = records.filter((_, i) => i !== q);
      const found = indexCandidates(others, records[q]!, 2, loose);
      // Everything the batch pairs it with; more only where the budget is another record's
      // (a record the query meets under its own year, which that record's budget may pass over).
      expect(found, `query ${q}`).toEqual(
        expect.arrayContaining(batchPartners(others, records[q]!, 2, loose)),
      );
      withBudget += found.length;
      without += indexCandidates(others, records[q]!, 'none', loose).length;
    }
    expect(withBudget).toBeLessThan(without);
  }, 120_000);

  it('scores the same person’s other registration above the threshold', () => {
    const index = new LinkageIndex(records.slice(1), comparisons, personBlockingRules(vocab), model, prior, {
      order: personOrder(vocab),
    });
    // Records 0 and 1 are the same person (registered by PNPTU and NGO).
    const found = index.find(records[0]!, 0.5);
    expect(found.map((c) => c.index)).toContain(0);
  }, 60_000);
});
