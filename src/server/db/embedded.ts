/**
 * Embedded PostgreSQL (PGlite) persisted in a directory, made durable at commit.
 *
 * PGlite starts postgres with `-F` (fsync off) and its Node file system has no fsync, so a commit
 * only reaches the OS page cache: a killed process loses nothing, an OS crash or power loss can.
 * We start postgres without `-F`, with `wal_sync_method=fsync`, and give the Node file system a real
 * fsync; every commit then fsyncs the WAL before it is acknowledged, as a PostgreSQL server does.
 * A request transaction's WAL fsync is done off Node's thread and shared by the commits waiting
 * for it (wal-sync.ts). See docs/adr/0002-embedded-durability.md for the measurements.
 */
import { PGlite, types } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { attachWalSync, WalSync } from './wal-sync.js';

interface EmscriptenStream {
  nfd?: number;
  node: unknown;
}
interface EmscriptenModule {
  NODEFS: { stream_ops: Record<string, unknown>; realPath: (node: unknown) => string };
}

class DurableNodeFS extends NodeFS {
  readonly walSync = new WalSync();
  override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, options);
    const preRun = (result.emscriptenOpts.preRun ?? []) as Array<(mod: EmscriptenModule) => void>;
    preRun.push((mod) => {
      mod.NODEFS.stream_ops.fsync = (stream: EmscriptenStream) => {
        if (stream.nfd !== undefined) this.walSync.fsync(mod.NODEFS.realPath(stream.node), stream.nfd);
        return 0;
      };
    });
    result.emscriptenOpts.preRun = preRun;
    return result;
  }
}

/** Type parsers shared with the pg driver so both back-ends return the same JS values. */
export const sharedParsers = {
  int8: (value: string) => Number(value),
  date: (value: string) => value,
};

export function startParams(): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return [...defaults.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync', '-c', 'fsync=on'];
}

/**
 * Opens (creating if needed) the embedded database in `dataDir`, or fills the empty `dataDir` from
 * the archive `loadDataDir` (restore). Callers hold the data-dir lock.
 */
export async function openEmbedded(dataDir: string | null, loadDataDir?: Blob): Promise<PGlite> {
  const parsers = { [types.INT8]: sharedParsers.int8, [types.DATE]: sharedParsers.date };
  if (dataDir === null) {
    const pg = new PGlite({ parsers });
    await pg.waitReady;
    return pg;
  }
  const durable = new DurableNodeFS(dataDir);
  const pg = new PGlite({ fs: durable, startParams: startParams(), parsers, loadDataDir });
  attachWalSync(pg, durable.walSync);
  await pg.waitReady;
  return pg;
}

/** An in-memory database started from a dump (used by tests to avoid initdb per test). */
export async function openFromDump(dump: Blob | File): Promise<PGlite> {
  const parsers = { [types.INT8]: sharedParsers.int8, [types.DATE]: sharedParsers.date };
  const pg = new PGlite({ loadDataDir: dump, parsers });
  await pg.waitReady;
  return pg;
}
