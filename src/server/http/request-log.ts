/**
 * The per-request log lines. Fastify's own write two lines per request at `info` (the production
 * level): "incoming request" and "request completed", each a synchronous write to stdout (logger.ts)
 * — a system call per line, on the server's one thread. This writes one line per request, when it
 * ends, holding what both said (method, path, request id, status, time); errors as before.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {
    // Logged once, on completion (requestCompleted).
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const fields = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else reply.log.info(fields, 'request completed');
  }
}
