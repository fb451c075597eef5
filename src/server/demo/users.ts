/**
 * Demo staff: users of every role in the institutions of the response, all active with one known
 * demo password (hashed once), administrators with TOTP enrolled. Usernames like
 * `pnptu.caseworker1`. Existing demo users are kept as they are (`--append`).
 */
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { Trx } from '../db/database.js';
import { usernameKey } from '../modules/auth/auth.service.js';
import { generateTotpSecret } from '../modules/auth/totp.js';
import { ROLES_REQUIRING_TOTP, type Role } from '../../shared/roles.js';
import type { DemoInstitution } from './context.js';
import type { Rng } from './prng.js';
import { FEMALE_NAMES, MALE_NAMES, SURNAME_TABLE } from './vocabulary.js';

/** Institutions that own demo cases (MESA coordinates and only reads statistics). */
export const CASE_INSTITUTIONS = [
  'PNPTU',
  'MP-UFETESI',
  'MINMUJER',
  'MINNA',
  'MTESS',
  'MRE',
  'DGM',
  'NGO-LUNANUEVA',
];
/** Also the providers' institutions that own no case (health, IOM), so referrals to them are answered. */
export const DEMO_INSTITUTIONS = [...CASE_INSTITUTIONS, 'MSPBS', 'INT-OIM', 'MESA'];

const SLUG: Record<Role, string> = {
  system_admin: 'sysadmin',
  institution_admin: 'admin',
  case_worker: 'caseworker',
  supervisor: 'supervisor',
  prosecutor: 'prosecutor',
  analyst: 'analyst',
  dpo: 'dpo',
};

/** How many users of each role an institution gets. */
function staffing(code: string): Array<[Role, number]> {
  if (code === 'MESA')
    return [
      ['system_admin', 1],
      ['institution_admin', 1],
      ['analyst', 2],
      ['dpo', 1],
    ];
  const roles: Array<[Role, number]> = [
    ['institution_admin', 1],
    ['case_worker', 3],
    ['supervisor', 1],
    ['analyst', 1],
  ];
  if (code === 'MP-UFETESI') roles.push(['prosecutor', 2]);
  return roles;
}

export interface DemoAdmin {
  username: string;
  role: Role;
  totpSecret: string;
}

export interface DemoStaff {
  institutions: Map<string, DemoInstitution>;
  created: number;
  /** Administrators created now, with their TOTP secrets (printed once; demo only). */
  admins: DemoAdmin[];
}

/** Creates the missing demo users and loads every institution's units and case staff. */
export async function ensureDemoStaff(
  trx: Trx,
  crypto: FieldCrypto,
  passwordHash: string,
  ids: Rng,
  names: Rng,
): Promise<DemoStaff> {
  const institutions = await trx
    .selectFrom('institutions')
    .select(['id', 'code', 'kind', 'authorities'])
    .where('code', 'in', DEMO_INSTITUTIONS)
    .execute();
  const missing = DEMO_INSTITUTIONS.filter((code) => !institutions.some((i) => i.code === code));
  if (missing.length)
    throw new Error(`The institutions ${missing.join(', ')} are missing; run the migrations first.`);
  const planned = institutions.flatMap((institution) =>
    staffing(institution.code).flatMap(([role, count]) =>
      Array.from({ length: count }, (_, i) => ({
        institution,
        role,
        username: `${institution.code.toLowerCase()}.${SLUG[role]}${i + 1}`,
      })),
    ),
  );
  const keys = planned.map((p) => usernameKey(p.username));
  const existing = new Set(
    (await trx.selectFrom('users').select('username_key').where('username_key', 'in', keys).execute()).map(
      (u) => u.username_key,
    ),
  );
  const admins: DemoAdmin[] = [];
  const rows = [];
  for (const { institution, role, username } of planned) {
    const female = names.chance(0.6);
    const displayName = `${names.pick(female ? FEMALE_NAMES : MALE_NAMES)} ${SURNAME_TABLE.draw(names)}`;
    if (existing.has(usernameKey(username))) continue;
    const totpSecret = ROLES_REQUIRING_TOTP.includes(role) ? generateTotpSecret() : null;
    if (totpSecret) admins.push({ username, role, totpSecret });
    rows.push({
      id: ids.uuid(),
      institution_id: institution.id,
      unit_id: null,
      username,
      username_key: usernameKey(username),
      display_name: displayName,
      email: null,
      role,
      status: 'active',
      password_hash: passwordHash,
      totp_secret: totpSecret ? crypto.encrypt(totpSecret, 'users.totp_secret') : null,
      totp_enabled: totpSecret !== null,
      totp_last_step: null,
      locked_until: null,
    });
  }
  if (rows.length) await trx.insertInto('users').values(rows).execute();

  const units = await trx
    .selectFrom('units')
    .select(['id', 'institution_id', 'department'])
    .orderBy('code')
    .execute();
  const staff = await trx
    .selectFrom('users')
    .select(['id', 'institution_id', 'role'])
    .where('status', '=', 'active')
    .where('role', 'in', ['case_worker', 'supervisor'])
    .where('username_key', 'in', keys)
    .orderBy('username_key')
    .execute();
  const result = new Map<string, DemoInstitution>();
  for (const institution of institutions) {
    result.set(institution.code, {
      id: institution.id,
      code: institution.code,
      kind: institution.kind,
      units: units.filter((u) => u.institution_id === institution.id),
      staff: staff.filter((u) => u.institution_id === institution.id).map((u) => u.id),
      supervisors: staff
        .filter((u) => u.institution_id === institution.id && u.role === 'supervisor')
        .map((u) => u.id),
      authorities: institution.authorities,
    });
  }
  for (const code of CASE_INSTITUTIONS) {
    if (!result.get(code)?.staff.length) throw new Error(`No active case staff in ${code}.`);
  }
  return { institutions: result, created: rows.length, admins };
}
