/**
 * Starts the real marketplace (server.ts on the production build) on a free port with a fresh
 * database and its own embedded Meilisearch, for e2e tests and benchmarks.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface RunningApp {
  baseUrl: string;
  dataDir: string;
  pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited early (code ${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The app did not answer at ${url} within ${timeoutMs} ms:\n${output()}`);
}

export async function startApp(
  options: {
    env?: Record<string, string>;
    startTimeoutMs?: number;
    /**
     * A database file to start on, copied to the app's database path (env DATABASE_PATH, or one in its
     * data folder), instead of an empty database the app fills with demo data.
     */
    database?: string;
  } = {},
): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "care-app-"));
  const databasePath = options.env?.DATABASE_PATH ?? join(dataDir, "marketplace.sqlite");
  if (options.database) copyFileSync(options.database, databasePath);
  const port = await freePort();
  let log = "";
  const child = spawn(process.execPath, ["--import", "tsx", resolve("server.ts")], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_PATH: databasePath,
      MEILI_DATA_DIR: join(dataDir, "meili"),
      QUIET: "1",
      // Mail goes to the app's embedded SMTP server (and /dev/mail), never to a real one.
      SMTP_URL: "",
      NODE_ENV: "production",
      // One process unless a test or benchmark asks for HTTP workers (WORKERS=2): deterministic and light.
      WORKERS: "1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    // A child killed by a signal (a crash test's SIGKILL) has a signalCode and no exitCode.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(baseUrl, child, options.startTimeoutMs ?? 60_000, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir, pid: child.pid ?? -1, stop };
}

/**
 * Processes still alive that belong to this app: the server itself, its HTTP workers (children running
 * server.ts), or anything started with its data folder.
 */
export function leftoverProcesses(app: Pick<RunningApp, "pid" | "dataDir">): string[] {
  const left: string[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      if (Number(entry) === app.pid || cmdline.includes(app.dataDir) || isWorkerOf(entry, app.pid, cmdline)) {
        left.push(`${entry} ${cmdline}`);
      }
    } catch {
      // the process ended while we looked
    }
  }
  return left;
}

function isWorkerOf(pid: string, serverPid: number, cmdline: string): boolean {
  if (!cmdline.includes("server.ts")) return false;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(") ") + 2).split(" ")[1]) === serverPid;
}

/** The HTTP worker processes of a server started with WORKERS > 1 (children running server.ts). */
export function workerPids(app: Pick<RunningApp, "pid">): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      if (isWorkerOf(entry, app.pid, cmdline)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}
