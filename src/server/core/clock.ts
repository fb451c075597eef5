/**
 * The follow-up clock: the instant and the day in Paraguay against which deadlines are set and
 * judged — a referral's answer deadline and its escalation, a service's due day, a task's overdue
 * state (docs/TASKS.md). In production it is the system clock, nothing else.
 *
 * Tests only: when NODE_ENV is `test`, NANDUTI_CLOCK_OFFSET (`30d`, `-2h`, `+90m`) moves this clock,
 * so that a browser test can let a deadline pass on a real server (it restarts the server with the
 * offset; the background job then escalates as it would days later). Outside tests the variable is
 * ignored. Record times ("when it happened": created_at, escalated_at) stay on the system clock.
 */
import { paraguayToday } from '../../shared/dates.js';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `[+|-]N(m|h|d)` in milliseconds; empty is 0; anything else is refused. */
export function parseClockOffset(value: string | undefined): number {
  const text = (value ?? '').trim();
  if (text === '') return 0;
  const match = /^([+-]?)(\d{1,6})([mhd])$/.exec(text);
  if (!match) throw new Error('NANDUTI_CLOCK_OFFSET: expected e.g. 30d, -2h or +90m');
  const [, sign, amount, unit] = match as unknown as [string, string, string, keyof typeof UNIT_MS];
  return (sign === '-' ? -1 : 1) * Number(amount) * UNIT_MS[unit];
}

/** The offset in force: only under NODE_ENV=test, never in a deployment. */
export function clockOffsetMs(env: NodeJS.ProcessEnv = process.env): number {
  return env.NODE_ENV === 'test' ? parseClockOffset(env.NANDUTI_CLOCK_OFFSET) : 0;
}

const offset = clockOffsetMs();

/** Now, as deadlines see it. */
export function followUpNow(): Date {
  return new Date(Date.now() + offset);
}

/** Today in Paraguay, as deadlines see it. */
export function followUpToday(): string {
  return paraguayToday(followUpNow());
}
