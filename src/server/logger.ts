/**
 * The server log. Personal data never goes here: request bodies, query strings and cookies are not
 * logged, and the redaction list below is a second line of defence.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Logs to stdout (the server) or stderr (CLI commands, whose stdout is their answer). */
export function createLogger(level = process.env.LOG_LEVEL || 'info', fd: 1 | 2 = 1): Logger {
  return pino(
    {
      level,
      base: { app: 'nanduti' },
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          '*.password',
          '*.token',
          '*.totp',
          // A PostgreSQL error's detail quotes the row's values ("Key (x)=(…) already exists").
          'err.detail',
        ],
        censor: '[redacted]',
      },
      serializers: {
        // Only the path: query strings may carry search terms.
        req: (req: { method?: string; url?: string; id?: string }) => ({
          method: req.method,
          path: (req.url ?? '').split('?')[0],
          id: req.id,
        }),
      },
    },
    pino.destination({ fd, sync: true }),
  );
}
