/** `nanduti serve`: open the database, listen, print the set-up link on an empty database. */
import type { Config } from '../server/config.js';
import { openServices } from '../server/bootstrap.js';
import { startAuditSequencer } from '../server/audit/sequencer.js';
import { scheduleCheckpoints } from '../server/audit/checkpoint.js';
import { scheduleEmbeddedStatistics } from '../server/db/statistics.js';
import { buildApp } from '../server/http/app.js';
import { scheduleStatisticsRefresh } from '../server/statistics-engine/refresh-job.js';
import { scheduleNotificationJobs } from '../server/modules/notifications/notification-jobs.js';
import { schedulePrivacyJobs } from '../server/modules/privacy/privacy-jobs.js';
import { ensureSetupLink } from '../server/modules/setup/accounts.service.js';

export async function serve(config: Config): Promise<void> {
  const services = await openServices({ config });
  const app = await buildApp(services);
  const stopStatistics = scheduleEmbeddedStatistics(services.db, services.logger);
  const stopNotifications = scheduleNotificationJobs(services.db, services.config, services.logger);
  const stopSequencer = startAuditSequencer(services.db, services.logger);
  const stopFacts = scheduleStatisticsRefresh(services.db, services.logger);
  const stopPrivacy = schedulePrivacyJobs(services.db, services.crypto, services.logger);
  const stopCheckpoints = scheduleCheckpoints(services.db, services.config, services.logger);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    stopStatistics();
    stopNotifications();
    stopSequencer();
    stopFacts();
    stopPrivacy();
    stopCheckpoints();
    services.logger.info({ signal }, 'shutting down');
    await app.close();
    await services.db.close();
    await services.readDb?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const mode = config.databaseUrl ? 'PostgreSQL' : `embedded PostgreSQL in ${config.dataDir}`;
  console.log(`Ñandutí is serving ${config.publicUrl} (${mode}).`);
  const setupLink = await ensureSetupLink(services.db, config.publicUrl);
  if (setupLink) {
    console.log(
      'No administrator exists yet. Open this one-time link (valid 24 hours) to create the first one:',
    );
    console.log(`  ${setupLink}`);
    console.log('Or run: nanduti create-admin --username USER --password-stdin');
  }
}
