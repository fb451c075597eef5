/**
 * The DPO's oversight alerts (docs/PRIVACY.md, "Oversight"), computed from the audit trail by a
 * background job in batches: the job reads the audit rows in the order of the audit tree's leaves
 * (committed rows in their final order, audit/tree.ts) after its cursor (`privacy_alert_cursor`),
 * raises alerts and moves the cursor, in one transaction per batch. It only READS the audit table.
 * Thresholds come from the environment (operators' configuration), with the documented defaults.
 */
import type { AlertKind } from '../../../shared/api-privacy.js';
import { paraguayDayOf } from '../../../shared/dates.js';
import type { Database, Trx } from '../../db/database.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { foldAudit } from '../../audit/tree.js';
import { textKeys } from '../persons/name-normalize.js';
import { nameIndex } from '../persons/person-record.js';
import {
  addToAlert,
  alertCursor,
  auditRowsAfter,
  insertAlerts,
  lastBulkReadingEnd,
  lockAlertJob,
  moveAlertCursor,
  openAlertOfDay,
  ownSurnameAlerted,
  personNameTokens,
  personReadsBefore,
  refusalsBefore,
  unassignedCaseReads,
  userDisplayNames,
  type AuditRow,
} from './alerts.repository.js';

export interface AlertThresholds {
  /** Distinct persons read by one user within `bulkSeconds` that make a bulk-reading alert. */
  bulkPersons: number;
  bulkSeconds: number;
  /** Working hours, Paraguay time: reads outside [from, to) are out of hours. */
  hoursFrom: number;
  hoursTo: number;
  /** Refused attempts ("not found", "forbidden") by one user within `probingMinutes`. */
  probingCount: number;
  probingMinutes: number;
  /** Audit rows per batch. */
  batch: number;
}

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  bulkPersons: 200,
  bulkSeconds: 60,
  hoursFrom: 7,
  hoursTo: 19,
  probingCount: 20,
  probingMinutes: 10,
  batch: 5000,
};

/** Thresholds from `NANDUTI_ALERT_*` variables; a malformed value stops the server at start. */
export function alertThresholds(env: NodeJS.ProcessEnv = process.env): AlertThresholds {
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`${name} must be a whole number from ${min} to ${max}.`);
    return value;
  };
  const hours = env.NANDUTI_ALERT_WORK_HOURS;
  let hoursFrom = DEFAULT_THRESHOLDS.hoursFrom;
  let hoursTo = DEFAULT_THRESHOLDS.hoursTo;
  if (hours) {
    const m = /^(\d{1,2})-(\d{1,2})$/.exec(hours);
    if (!m || Number(m[1]) >= Number(m[2]) || Number(m[2]) > 24)
      throw new Error('NANDUTI_ALERT_WORK_HOURS must look like 7-19 (from hour, to hour).');
    hoursFrom = Number(m[1]);
    hoursTo = Number(m[2]);
  }
  return {
    bulkPersons: int('NANDUTI_ALERT_BULK_PERSONS', DEFAULT_THRESHOLDS.bulkPersons, 2, 100_000),
    bulkSeconds: int('NANDUTI_ALERT_BULK_SECONDS', DEFAULT_THRESHOLDS.bulkSeconds, 1, 86_400),
    hoursFrom,
    hoursTo,
    probingCount: int('NANDUTI_ALERT_PROBING', DEFAULT_THRESHOLDS.probingCount, 2, 100_000),
    probingMinutes: int('NANDUTI_ALERT_PROBING_MINUTES', DEFAULT_THRESHOLDS.probingMinutes, 1, 1440),
    batch: int('NANDUTI_ALERT_BATCH', DEFAULT_THRESHOLDS.batch, 10, 100_000),
  };
}

/** Audit actions that show a person's record (or their name in a list) to the actor. */
export const PERSON_READ_ACTIONS = [
  'person.read',
  'person.search',
  'person.duplicateCheck',
  'findPersonMatches',
  'listMatchReviews',
  'referral.readShared',
] as const;
const RECORD_READS = ['person.read', 'case.read'];
const EXPORTS = ['exchange.exportHtcds', 'exchange.exportCtdc', 'investigation.export'];

interface NewAlert {
  kind: AlertKind;
  user_id: string | null;
  institution_id: string | null;
  window_from: Date;
  window_to: Date;
  count: number;
  action?: string | null;
  outcome?: string | null;
  resource_type?: string | null;
  resource_id?: string | null;
}

/**
 * The person reads of the bulk-reading window the job has already read, kept from one batch to the
 * next and from one run to the next (the scheduler keeps one for the process), so that a batch does
 * not read the window before it from the database again: at 1,000 reads a second a window of a
 * minute is 60,000 rows, read again by each batch of 5,000 (bench/README.md, "The privacy alert
 * job"). It holds every person read (as `bulkReading` counts them) at leaves up to `lastLeaf` whose
 * time is at or after `from`; a batch uses it only when it starts right after `lastLeaf` (no other
 * server moved the cursor since, no batch rolled back) and needs nothing before `from` — otherwise
 * the window is read from the database, as on a first run.
 */
export class RecentPersonReads {
  lastLeaf = -1;
  from = Infinity;
  reads: AuditRow[] = [];
}

/**
 * Runs batches until the trail is read; returns how many alerts were raised. `recent` carries the
 * window of person reads between batches (and, when the caller keeps it, between runs).
 */
export async function runPrivacyAlerts(
  db: Database,
  crypto: FieldCrypto,
  thresholds: AlertThresholds = alertThresholds(),
  recent: RecentPersonReads = new RecentPersonReads(),
): Promise<number> {
  // Rows reach the tree's leaves once settled (the sequencer folds them every second; fold now too).
  await foldAudit(db);
  let raised = 0;
  for (;;) {
    const { rows, alerts } = await db.transaction((trx) => runBatch(trx, crypto, thresholds, recent));
    raised += alerts;
    if (rows < thresholds.batch) return raised;
  }
}

async function runBatch(trx: Trx, crypto: FieldCrypto, t: AlertThresholds, recent: RecentPersonReads) {
  await lockAlertJob(trx);
  const cursor = await alertCursor(trx);
  const rows = await auditRowsAfter(trx, cursor, t.batch);
  if (rows.length === 0) return { rows: 0, alerts: 0 };
  const alerts: NewAlert[] = [
    ...(await bulkReading(trx, cursor, rows, t, recent)),
    ...(await probing(trx, rows, t)),
    ...eventAlerts(rows),
    ...(await ownSurname(trx, crypto, rows)),
  ];
  const clock = new ParaguayHours();
  const daily = [...outOfHours(rows, t, clock), ...(await unassignedCases(trx, rows, clock))];
  let count = alerts.length;
  await insertAlerts(trx, alerts);
  count += await mergeDaily(trx, daily);
  await moveAlertCursor(trx, rows[rows.length - 1]!.idx);
  return { rows: rows.length, alerts: count };
}

const ms = (d: Date | string) => (d instanceof Date ? d.getTime() : new Date(d).getTime());

/**
 * The person reads of the window before a batch (leaves up to `cursor`, at or after `since`), in
 * leaf order: from what the job kept (`recent`) when it covers them, else from the database.
 */
async function readsBefore(
  trx: Trx,
  cursor: number,
  beforeLeaf: number,
  since: number,
  recent: RecentPersonReads,
): Promise<AuditRow[]> {
  if (recent.lastLeaf === cursor && since >= recent.from)
    return recent.reads.filter((r) => ms(r.at) >= since);
  return personReads(await personReadsBefore(trx, beforeLeaf, new Date(since), PERSON_READ_ACTIONS));
}

/** The person reads `bulkReading` counts: a person shown to a known user. */
const personReads = (rows: AuditRow[]) =>
  rows.filter(
    (r) =>
      r.outcome === 'success' &&
      r.resource_type === 'person' &&
      r.resource_id !== null &&
      r.actor_user_id !== null &&
      (PERSON_READ_ACTIONS as readonly string[]).includes(r.action),
  );

/**
 * Bulk reading: a sliding window of `bulkSeconds` over each user's person reads; when it holds
 * `bulkPersons` distinct persons, one alert, and the burst is not alerted again while it goes on.
 * The reads of the window before the batch come from `recent` when it holds them (readsBefore); the
 * batch's are added to it, and what is older than two windows before the newest is dropped.
 */
async function bulkReading(
  trx: Trx,
  cursor: number,
  batch: AuditRow[],
  t: AlertThresholds,
  recent: RecentPersonReads,
): Promise<NewAlert[]> {
  const windowMs = t.bulkSeconds * 1000;
  const inBatch = personReads(batch);
  const lastLeaf = batch[batch.length - 1]!.idx;
  if (inBatch.length === 0) {
    // No person read in the batch: what `recent` holds is still every one up to its last leaf.
    if (recent.lastLeaf === cursor) recent.lastLeaf = lastLeaf;
    return [];
  }
  // The reads of the window before the batch, so a burst across two batches is seen whole.
  const since = ms(inBatch[0]!.at) - windowMs;
  const earlier = await readsBefore(trx, cursor, batch[0]!.idx, since, recent);
  // Kept for the next batch: every person read up to this batch's last leaf from `from` on.
  let newest = since;
  for (const r of inBatch) newest = Math.max(newest, ms(r.at));
  const from = Math.max(since, newest - 2 * windowMs);
  recent.reads = [...earlier, ...inBatch].filter((r) => ms(r.at) >= from);
  recent.from = from;
  recent.lastLeaf = lastLeaf;
  const byUser = new Map<string, AuditRow[]>();
  for (const r of [...earlier, ...inBatch]) {
    const list = byUser.get(r.actor_user_id!) ?? [];
    list.push(r);
    byUser.set(r.actor_user_id!, list);
  }
  const out: NewAlert[] = [];
  const batchStart = batch[0]!.idx;
  for (const [userId, events] of byUser) {
    const previous = await lastBulkReadingEnd(trx, userId);
    // A burst already alerted is not alerted again until a full quiet window has passed.
    let quietAfter = previous ? ms(previous) + t.bulkSeconds * 1000 : -Infinity;
    const counts = new Map<string, number>();
    let left = 0;
    for (let right = 0; right < events.length; right++) {
      const e = events[right]!;
      counts.set(e.resource_id!, (counts.get(e.resource_id!) ?? 0) + 1);
      while (ms(e.at) - ms(events[left]!.at) > t.bulkSeconds * 1000) {
        const id = events[left]!.resource_id!;
        const n = counts.get(id)! - 1;
        if (n === 0) counts.delete(id);
        else counts.set(id, n);
        left++;
      }
      if (counts.size >= t.bulkPersons && e.idx >= batchStart && ms(events[left]!.at) > quietAfter) {
        out.push({
          kind: 'bulk_reading',
          user_id: userId,
          institution_id: e.actor_institution_id,
          window_from: new Date(events[left]!.at),
          window_to: new Date(e.at),
          count: counts.size,
          resource_type: 'person',
        });
        quietAfter = ms(e.at) + t.bulkSeconds * 1000;
        counts.clear();
        left = right + 1;
      }
    }
  }
  return out;
}

/** Probing: many refused attempts by one user within `probingMinutes` (fixed windows). */
async function probing(trx: Trx, batch: AuditRow[], t: AlertThresholds): Promise<NewAlert[]> {
  const width = t.probingMinutes * 60_000;
  const groups = new Map<string, AuditRow[]>();
  for (const r of batch) {
    if (r.outcome !== 'denied' || !r.actor_user_id) continue;
    const key = `${r.actor_user_id}|${Math.floor(ms(r.at) / width)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: NewAlert[] = [];
  for (const [key, rows] of groups) {
    const [userId, slot] = key.split('|') as [string, string];
    const from = new Date(Number(slot) * width);
    const to = new Date(Number(slot) * width + width - 1);
    const already = await refusalsBefore(trx, userId, { from, to }, batch[0]!.idx);
    // Alert once per window: when this batch makes the count cross the threshold.
    if (already < t.probingCount && already + rows.length >= t.probingCount)
      out.push({
        kind: 'probing',
        user_id: userId,
        institution_id: rows[0]!.actor_institution_id,
        window_from: from,
        window_to: to,
        count: already + rows.length,
        outcome: 'denied',
      });
  }
  return out;
}

/** One alert per export and per break-glass opened. */
function eventAlerts(batch: AuditRow[]): NewAlert[] {
  return batch
    .filter((r) => r.outcome === 'success' && (EXPORTS.includes(r.action) || r.action === 'breakGlass.open'))
    .map((r) => ({
      kind: r.action === 'breakGlass.open' ? ('break_glass' as const) : ('export' as const),
      user_id: r.actor_user_id,
      institution_id: r.actor_institution_id,
      window_from: new Date(r.at),
      window_to: new Date(r.at),
      count: 1,
      action: r.action,
      resource_type: r.resource_type,
      resource_id: r.resource_id,
    }));
}

/** A user's surnames: the words of the display name after the first (blind-indexed name keys). */
function surnameTokens(crypto: FieldCrypto, displayName: string): string[] {
  const words = displayName.trim().split(/\s+/).slice(1);
  return textKeys(words.join(' ')).map(nameIndex(crypto));
}

/**
 * A user reading a person who shares one of their surnames (themselves, or likely a relative):
 * compared as blind-index name keys, so no name is decrypted. One alert per (user, person).
 */
async function ownSurname(trx: Trx, crypto: FieldCrypto, batch: AuditRow[]): Promise<NewAlert[]> {
  const reads = batch.filter(
    (r) => r.outcome === 'success' && r.action === 'person.read' && r.resource_id && r.actor_user_id,
  );
  if (reads.length === 0) return [];
  const userIds = [...new Set(reads.map((r) => r.actor_user_id!))];
  const users = await userDisplayNames(trx, userIds);
  const tokens = new Map(users.map((u) => [u.id, surnameTokens(crypto, u.display_name)]));
  const personIds = [...new Set(reads.map((r) => r.resource_id!))];
  const persons = await personNameTokens(trx, personIds);
  const personTokens = new Map(persons.map((p) => [p.id, new Set(p.name_tokens)]));
  const out: NewAlert[] = [];
  const seen = new Set<string>();
  for (const r of reads) {
    const key = `${r.actor_user_id}|${r.resource_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const mine = tokens.get(r.actor_user_id!) ?? [];
    const theirs = personTokens.get(r.resource_id!);
    if (!theirs || !mine.some((token) => theirs.has(token))) continue;
    if (await ownSurnameAlerted(trx, r.actor_user_id!, r.resource_id!)) continue;
    out.push({
      kind: 'own_surname',
      user_id: r.actor_user_id,
      institution_id: r.actor_institution_id,
      window_from: new Date(r.at),
      window_to: new Date(r.at),
      count: 1,
      action: 'person.read',
      resource_type: 'person',
      resource_id: r.resource_id,
    });
  }
  return out;
}

/** A per-user, per-day alert: merged with the same day's alert of the same kind when it exists. */
interface DailyAlert extends NewAlert {
  day: string;
}

/**
 * Made once: building an Intl.DateTimeFormat per audit row cost ~0.1 ms each on a quiet machine and
 * blocked the server's thread for seconds per batch of 5,000 reads under load (bench/README.md).
 */
const hourFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'America/Asuncion',
  hour: '2-digit',
  hourCycle: 'h23',
});

const HOUR_MS = 3_600_000;

/**
 * The hour and day in Paraguay of audit rows' times, formatted once per UTC hour rather than per
 * row (formatting was the job's largest cost per row after reading it: bench/README.md). An hour
 * whose first and last millisecond have the same Paraguay hour and day has them all the way through
 * (local time only jumps at an offset change, and a jump inside the hour changes the local hour
 * between its ends); any other hour (a change of offset inside it, an offset that is not whole
 * hours) is formatted instant by instant.
 */
export class ParaguayHours {
  #bucket = NaN;
  #whole: { hour: number; day: string } | null = null;

  of(at: Date | string): { hour: number; day: string } {
    const t = ms(at);
    const bucket = Math.floor(t / HOUR_MS);
    if (bucket !== this.#bucket) {
      const first = ParaguayHours.exact(bucket * HOUR_MS);
      const last = ParaguayHours.exact(bucket * HOUR_MS + HOUR_MS - 1);
      this.#bucket = bucket;
      this.#whole = first.hour === last.hour && first.day === last.day ? first : null;
    }
    return this.#whole ?? ParaguayHours.exact(t);
  }

  static exact(t: number): { hour: number; day: string } {
    return { hour: Number(hourFormat.format(t)), day: paraguayDayOf(t) };
  }
}

function groupDaily(
  kind: AlertKind,
  rows: AuditRow[],
  clock: ParaguayHours,
  extra: Partial<NewAlert> = {},
): DailyAlert[] {
  const groups = new Map<string, DailyAlert>();
  for (const r of rows) {
    const { day } = clock.of(r.at);
    const key = `${r.actor_user_id}|${day}`;
    const found = groups.get(key);
    if (found) {
      found.count++;
      found.window_to = new Date(r.at);
    } else
      groups.set(key, {
        kind,
        day,
        user_id: r.actor_user_id,
        institution_id: r.actor_institution_id,
        window_from: new Date(r.at),
        window_to: new Date(r.at),
        count: 1,
        ...extra,
      });
  }
  return [...groups.values()];
}

function outOfHours(batch: AuditRow[], t: AlertThresholds, clock: ParaguayHours): DailyAlert[] {
  const rows = batch.filter((r) => {
    if (r.outcome !== 'success' || !r.actor_user_id || !RECORD_READS.includes(r.action)) return false;
    const { hour } = clock.of(r.at);
    return hour < t.hoursFrom || hour >= t.hoursTo;
  });
  return groupDaily('out_of_hours', rows, clock);
}

/** Reads of an own-institution case owned by another unit, by a user not assigned to it. */
async function unassignedCases(trx: Trx, batch: AuditRow[], clock: ParaguayHours): Promise<DailyAlert[]> {
  const reads = batch.filter(
    (r) => r.outcome === 'success' && r.action === 'case.read' && r.resource_id && r.actor_user_id,
  );
  if (reads.length === 0) return [];
  const pairs = await unassignedCaseReads(
    trx,
    reads.map((r) => ({ userId: r.actor_user_id!, caseId: r.resource_id! })),
  );
  const flagged = new Set(pairs.map((p) => `${p.user_id}|${p.case_id}`));
  return groupDaily(
    'unassigned_case',
    reads.filter((r) => flagged.has(`${r.actor_user_id}|${r.resource_id}`)),
    clock,
    { action: 'case.read', resource_type: 'case' },
  );
}

/** Inserts daily alerts, or adds to the open one of the same kind, user and day. */
async function mergeDaily(trx: Trx, alerts: DailyAlert[]): Promise<number> {
  let added = 0;
  for (const { day, ...alert } of alerts) {
    const existing = await openAlertOfDay(trx, alert.kind, alert.user_id, day);
    if (existing) await addToAlert(trx, existing.id, alert.count, alert.window_to);
    else {
      await insertAlerts(trx, [alert]);
      added++;
    }
  }
  return added;
}
