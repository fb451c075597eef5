/**
 * `runLinkage` on a real database: `npx tsx bench/linkage/database.ts [--size 100000] [--setting
 * moderate] [--dir D]` makes a fresh embedded database in D (default a new temporary directory),
 * stores `size` registrations of the harder generator's setting as persons (encrypted as intake
 * stores them), then runs the national batch through the service (read and decrypt every person,
 * link, write the links and the review queue, recompute the clusters, audit) and prints the time of
 * each step and the process's peak memory, as one JSON line. Only synthetic records.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openServices } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { createLogger } from '../../src/server/logger.js';
import { hashPassword } from '../../src/server/modules/auth/password.js';
import { runLinkage } from '../../src/server/modules/linkage/linkage.service.js';
import { personColumns, type PersonInput } from '../../src/server/modules/persons/person-record.js';
import { hardPopulation } from './hard.js';

const args = process.argv.slice(2);
const flag = (key: string, fallback: string) => {
  const at = args.indexOf(`--${key}`);
  return at >= 0 ? args[at + 1]! : fallback;
};
const size = Number(flag('size', '100000'));
const setting = flag('setting', 'moderate');
const dir = flag('dir', fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-linkage-db-')));
process.env.NANDUTI_DATA_DIR = path.join(dir, 'data');

const lap = (() => {
  let wall = performance.now();
  let cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    const out = {
      wallS: Math.round(performance.now() - wall) / 1000,
      cpuS: Math.round((used.user + used.system) / 1000) / 1000,
    };
    wall = performance.now();
    cpu = process.cpuUsage();
    return out;
  };
})();

const config = loadConfig();
const services = await openServices({ config, logger: createLogger('warn') });
const institutions = new Map(
  (
    await services.db.transaction((trx) => trx.selectFrom('institutions').select(['id', 'code']).execute())
  ).map((r) => [r.code, r.id] as const),
);
const fallback = institutions.get('PNPTU')!;
const { records } = hardPopulation(Math.ceil(size / 2.2) + 10, setting);
const persons = records.slice(0, size);
const generated = lap();

// The persons as intake stores them, 1,000 rows per statement.
for (let at = 0; at < persons.length; at += 1_000) {
  const rows = persons.slice(at, at + 1_000).map((p) => {
    const input = {
      givenNames: p.givenNames || 'NN',
      firstSurname: p.firstSurname ?? null,
      secondSurname: p.secondSurname ?? null,
      aliases: [...(p.aliases ?? [])],
      pseudonym: false,
      dateOfBirth: p.dateOfBirth
        ? `${p.dateOfBirth.replace(/-/g, '').slice(0, 4)}-${p.dateOfBirth.replace(/-/g, '').slice(4, 6)}-${p.dateOfBirth.replace(/-/g, '').slice(6, 8)}`
        : null,
      birthYear: p.dateOfBirth ? null : (p.birthYear ?? null),
      estimatedAge: p.estimatedAge ?? null,
      ageApproximate: p.estimatedAge !== null && p.estimatedAge !== undefined,
      sex: p.sex === 'Female' || p.sex === 'Male' ? p.sex : 'Unknown',
      nationalities: [...(p.nationalities ?? [])],
      documentType: p.documentNumber ? 'CedulaPY' : null,
      documentNumber: p.documentNumber ?? null,
      residenceDepartment: p.department ?? null,
      residenceDistrict: p.district ?? null,
      languages: [],
      interpreterNeeded: false,
      indigenous: false,
    } as unknown as PersonInput;
    return {
      ...personColumns(services.crypto, input),
      owner_institution_id: institutions.get(p.source) ?? fallback,
      created_by: null,
    };
  });
  await services.db.transaction((trx) => trx.insertInto('persons').values(rows).execute());
}
const stored = lap();

// A system administrator to run the batch as (a random password: nobody signs in).
const mesa = institutions.get('MESA')!;
const userId = await services.db.transaction(async (trx) => {
  const row = await trx
    .insertInto('users')
    .values({
      institution_id: mesa,
      unit_id: null,
      username: 'bench.linkage',
      username_key: 'bench.linkage',
      display_name: 'Linkage benchmark',
      email: null,
      role: 'system_admin',
      status: 'active',
      password_hash: await hashPassword(crypto.randomBytes(24).toString('base64')),
      totp_secret: null,
      totp_enabled: false,
      totp_last_step: null,
      locked_until: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
});
lap();
const actor = {
  userId,
  username: 'bench.linkage',
  displayName: 'Linkage benchmark',
  role: 'system_admin' as const,
  institutionId: mesa,
  institutionCode: 'MESA',
  sessionId: 'bench',
  locale: 'es' as const,
};
const summary = await services.db.transaction((trx) =>
  runLinkage({ trx, actor, requestId: 'bench', purpose: 'bench' }, services.crypto),
);
const linked = lap();
await services.db.close();
console.log(
  JSON.stringify({
    size,
    setting,
    dir,
    openAndGenerate: generated,
    stored,
    runLinkage: linked,
    summary: { ...summary, id: undefined },
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
