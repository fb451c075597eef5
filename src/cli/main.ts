/**
 * The `nanduti` command. Every command exits non-zero with a one-line reason on failure.
 *   serve | migrate | create-admin | audit verify|checkpoint|key|keygen | witness init|serve | keys rotate |
 *   backup <file> | restore <file> | demo | report | link | linkage run
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { AppError } from '../server/core/errors.js';
import { messageFor } from '../server/core/messages.js';

// Each command imports what it uses when it runs: the server, the database drivers and the
// services are not loaded for `link`, which reads and writes files only (loading them all took
// Node from 40 to 148 MB of memory before a command ran; bench/README.md, issue 15).
const openServices = async (...args: Parameters<typeof import('../server/bootstrap.js').openServices>) =>
  (await import('../server/bootstrap.js')).openServices(...args);

const USAGE = `Usage: nanduti <command>
  serve [--port N] [--host H]     start the server (default)
  migrate                         apply pending database migrations
  create-admin --username U --password-stdin [--display-name N] [--institution CODE] [--json]
                                  create a system administrator (prints the TOTP secret once)
  audit verify [--checkpoint FILE] [--witness URL] [--entry SEQ]
                                  check the whole audit tree against the latest cosigned checkpoint
                                  (or one saved in FILE); --entry: prove one entry's inclusion
  audit checkpoint                sign a checkpoint now and have the witnesses cosign it
  audit key                       print the log's verifier key (to initialise a witness with)
  audit keygen --name ORIGIN      a new checkpoint signing key (private key, then verifier key)
  witness init --state DIR --name NAME --log-key VKEY
                                  create a witness of the log with that verifier key
  witness serve --state DIR [--port N] [--host H]
                                  run the witness (cosigns checkpoints that extend what it saw)
  keys rotate                     new data-encryption key; re-encrypt every personal field
  backup <file>                   back up (embedded: consistent snapshot; PostgreSQL: pg_dump)
  restore <file>                  restore an embedded backup into an empty data directory
  db move --to postgres://…       move the embedded database into an empty PostgreSQL database
  demo [--cases N] [--seed S] [--append] [--password-stdin]
                                  fill the database with synthetic demo data (default 200 cases)
  report --year Y [--format pdf|xlsx|csv|json] [--locale es|en] [--output FILE|-]
                                  the national report of a year, computed from the records
  link --input persons.csv --output clusters.csv [--privacy clk --secret-file F]
  link encode --input persons.csv --output clks.csv --secret-file F
                                  record linkage of CSV files on this machine (docs/LINKAGE.md)
  linkage run [--as USERNAME]     run the national linkage batch on the database (as POST
                                  /api/linkage/runs; as USERNAME, a system administrator or an
                                  analyst of the Mesa, else the first system administrator)
Configuration: PORT, HOST, DATABASE_URL, NANDUTI_DATA_DIR, NANDUTI_MASTER_KEY (see README).`;

/**
 * The lines of USAGE for one command (its entries and their continuation lines), or all of
 * USAGE when the command has none: what `nanduti <command> --help` prints.
 */
export function usageOf(command: string): string {
  const entries: string[][] = [];
  for (const line of USAGE.split('\n').slice(1, -1)) {
    if (/^ {2}\S/.test(line)) entries.push([line]);
    else entries.at(-1)?.push(line);
  }
  const own = entries.filter((lines) => lines[0]!.trim().split(/\s/)[0] === command);
  if (!own.length) return USAGE;
  const lines = own.flatMap(([first, ...more]) => [
    first!.replace(/^ {2}/, '  nanduti '),
    ...more.map((l) => `        ${l}`),
  ]);
  return `Usage:\n${lines.join('\n')}`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(usageOf(command));
    return 0;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 2);
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({
        args: rest,
        options: { port: { type: 'string' }, host: { type: 'string' } },
      });
      const port = values.port ? Number(values.port) : undefined;
      if (port !== undefined && (!Number.isInteger(port) || port <= 0 || port > 65535))
        throw new Error('--port must be 1-65535');
      const { serve } = await import('./serve.js');
      await serve(
        loadConfig(process.env, { ...(port ? { port } : {}), ...(values.host ? { host: values.host } : {}) }),
      );
      return -1; // keeps running
    }
    case 'migrate': {
      const { connect } = await import('../server/db/database.js');
      const { migrateToLatest } = await import('../server/db/migrate.js');
      const db = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrateToLatest(db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          'display-name': { type: 'string' },
          institution: { type: 'string' },
          'password-stdin': { type: 'boolean' },
          json: { type: 'boolean' },
        },
      });
      if (!values.username) throw new Error('--username is required');
      if (!values['password-stdin'])
        throw new Error('--password-stdin is required (the password is read from standard input)');
      const password = await readStdin();
      const { createSystemAdmin } = await import('../server/modules/setup/accounts.service.js');
      const services = await openServices({ config, logger });
      try {
        const admin = await services.db.transaction((trx) =>
          createSystemAdmin(
            trx,
            services.crypto,
            {
              username: values.username!,
              displayName: values['display-name'] ?? values.username!,
              password,
              ...(values.institution ? { institutionCode: values.institution } : {}),
            },
            null,
          ),
        );
        if (values.json) {
          console.log(
            JSON.stringify({
              id: admin.id,
              username: values.username,
              totpSecret: admin.totpSecret,
              otpauthUri: admin.otpauthUri,
            }),
          );
        } else {
          console.log(`Created system administrator ${values.username} (${admin.id}).`);
          console.log(
            `Add this TOTP secret to an authenticator app now; it is not shown again: ${admin.totpSecret}`,
          );
          console.log(admin.otpauthUri);
        }
      } finally {
        await services.db.close();
      }
      return 0;
    }
    case 'audit': {
      const { runAudit } = await import('./audit.js');
      return runAudit(rest, config, logger);
    }
    case 'witness': {
      const { runWitness } = await import('./audit.js');
      return runWitness(rest);
    }
    case 'keys': {
      if (rest[0] !== 'rotate') throw new Error('usage: nanduti keys rotate');
      const { rotateDataKey } = await import('../server/crypto/keyring.js');
      const services = await openServices({ config, logger });
      try {
        const report = await rotateDataKey(services.db, services.masterKey);
        console.log(
          `New data key ${report.newKeyId}; re-encrypted ${report.reencrypted} values in ${report.columns} columns.`,
        );
      } finally {
        await services.db.close();
      }
      return 0;
    }
    case 'db': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { to: { type: 'string' } },
        allowPositionals: true,
      });
      if (positionals[0] !== 'move' || !values.to || !/^postgres(ql)?:\/\//.test(values.to))
        throw new Error('usage: nanduti db move --to postgres://user@host/database');
      const { moveToPostgres } = await import('../server/maintenance/move.js');
      const report = await moveToPostgres(config, values.to, (line) => console.log(`  ${line}`));
      console.log(
        `Moved ${report.rows.toLocaleString('en')} rows in ${report.tables.length} tables ` +
          `(${report.seconds.toFixed(1)} s); counts equal in every table; audit trail intact on the target ` +
          `(${report.auditRowsVerified} rows verified), the move recorded in it.`,
      );
      console.log(
        `Start the servers with DATABASE_URL set to the target and NANDUTI_MASTER_KEY set to the content of ` +
          `${report.masterKeyFile} (keep it secret; without it the encrypted data cannot be read).`,
      );
      return 0;
    }
    case 'backup':
    case 'restore': {
      const file = rest[0];
      if (!file) throw new Error(`usage: nanduti ${command} <file>`);
      const { backup, restore } = await import('../server/maintenance/backup.js');
      console.log(command === 'backup' ? await backup(config, file) : await restore(config, file));
      return 0;
    }
    case 'demo': {
      const { values } = parseArgs({
        args: rest,
        options: {
          cases: { type: 'string', default: '200' },
          seed: { type: 'string', default: '1' },
          append: { type: 'boolean' },
          'password-stdin': { type: 'boolean' },
          'no-linkage': { type: 'boolean' },
        },
      });
      const cases = Number(values.cases);
      if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases must be a positive whole number');
      const password = values['password-stdin'] ? await readStdin() : null;
      const { generateDemo } = await import('../server/demo/demo.js');
      const services = await openServices({ config, logger });
      try {
        let reported = 0;
        const summary = await generateDemo(services, {
          cases,
          seed: values.seed,
          append: values.append ?? false,
          password,
          onProgress: (written, total) => {
            if (written - reported >= 50_000 || (written === total && total >= 50_000)) {
              reported = written;
              console.error(
                `nanduti demo: ${written.toLocaleString('en')} / ${total.toLocaleString('en')} cases`,
              );
            }
          },
        });
        const rows = Object.entries(summary.rows).map(([table, n]) => `${table} ${n.toLocaleString('en')}`);
        console.log(`Demo data (seed ${values.seed}): ${rows.join(', ')}.`);
        console.log(`${summary.seconds.toFixed(1)} s, peak memory ${summary.peakRssMb} MB.`);
        if (!summary.screenings) console.log('No published screening instrument: screenings were left out.');
        // The intake's likely matches are scored with the latest batch's model: run one now.
        if (!values['no-linkage']) {
          const { runDemoLinkage } = await import('../server/demo/demo-linkage.js');
          const run = await runDemoLinkage(services.db, services.crypto);
          if (run)
            console.log(
              `Linkage batch: ${run.persons.toLocaleString('en')} persons, ${run.linksAdded} links, ${run.reviewsAdded} reviews.`,
            );
        }
        if (summary.generatedPassword)
          console.log(`Password of every demo user (shown once): ${summary.generatedPassword}`);
        for (const admin of summary.admins)
          console.log(`TOTP secret of ${admin.username} (${admin.role}): ${admin.totpSecret}`);
      } finally {
        await services.db.close();
      }
      return 0;
    }
    case 'report': {
      const { runReport, reportOptions } = await import('./report.js');
      reportOptions(rest); // refuse bad arguments before opening the database
      const services = await openServices({ config, logger });
      try {
        console.error(`nanduti report: written to ${await runReport(services.db, rest)}`);
      } finally {
        await services.db.close();
      }
      return 0;
    }
    case 'linkage': {
      const { linkageOptions, runLinkageCommand } = await import('./linkage.js');
      linkageOptions(rest); // refuse bad arguments before opening the database
      const services = await openServices({ config, logger });
      try {
        console.log(await runLinkageCommand(services.db, services.crypto, rest));
      } finally {
        await services.db.close();
      }
      return 0;
    }
    case 'link': {
      // Files only: no database, no network.
      const { runLink } = await import('./link.js');
      console.error(`nanduti link: ${runLink(rest)}`);
      return 0;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      throw new Error(`unknown command "${command}". Run \`nanduti help\`.`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    const message =
      error instanceof AppError
        ? messageFor(error.code, 'en', error.params)
        : error instanceof Error
          ? error.message
          : String(error);
    console.error(`nanduti: ${message.split('\n')[0]}`);
    process.exit(1);
  },
);
