/**
 * Several HTTP workers (node:cluster) for `npm start` (issue #17). The primary process prepares the
 * database and Meilisearch, runs the background jobs (exactly one process does: background-jobs.server.ts)
 * and forks WORKERS HTTP processes that share the port. Each worker opens its own SQLite connection
 * (WAL, busy_timeout) and answers requests. Over cluster IPC the primary tells the workers when the
 * indexer has applied changes or a worker answered a form (their page caches drop what they hold), and
 * copies the embedded SMTP server's inbox to them for /dev/mail.
 */
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import type { ReceivedMail } from "../app/services/mail/embedded-smtp.server";

export type ToWorker =
  | { type: "pages-changed" }
  | { type: "mail-inbox"; mails: ReceivedMail[] }
  | { type: "mail-received"; mail: ReceivedMail };

/** Environment the primary gives each worker. */
export const WORKER_ENV = {
  searchHost: "CARE_WORKER_MEILI_HOST",
  searchKey: "CARE_WORKER_MEILI_KEY",
  devMail: "CARE_WORKER_DEV_MAIL",
} as const;

/** WORKERS, or one HTTP worker per core. */
export function workerCount(value = process.env.WORKERS): number {
  if (value === undefined || value.trim() === "") return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new Error(`WORKERS must be a whole number from 1 to 64 (it is "${value}").`);
  }
  return n;
}

export function isWorker(): boolean {
  return cluster.isWorker;
}

export interface WorkerPool {
  broadcast(message: ToWorker): void;
  /** Asks every worker to finish (each writes its search counts) and waits, at most timeoutMs. */
  stop(timeoutMs?: number): Promise<void>;
}

/** What a worker tells the primary. */
export type ToPrimary = { type: "form-answered" };

/** Forks the workers, and forks a new one if one dies (not while stopping). */
export function forkWorkers(options: {
  count: number;
  env: Record<string, string>;
  /** Sent to each worker once it runs (its copy of the dev mail inbox). */
  greeting?: () => ToWorker | null;
  onMessage?: (message: ToPrimary) => void;
}): WorkerPool {
  let stopping = false;
  const fork = () => {
    const worker = cluster.fork(options.env);
    worker.on("online", () => {
      const hello = options.greeting?.();
      if (hello) send(worker, hello);
    });
    worker.on("message", (message: ToPrimary) => options.onMessage?.(message));
    return worker;
  };
  for (let i = 0; i < options.count; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`HTTP worker ${worker.process.pid} stopped (${signal ?? code}); starting another.`);
    fork();
  });
  const workers = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  return {
    broadcast(message) {
      for (const worker of workers()) send(worker, message);
    },
    async stop(timeoutMs = 8_000) {
      stopping = true;
      const running = workers();
      const exited = Promise.all(
        running.map((w) => new Promise((done) => (w.isDead() ? done(null) : w.once("exit", done)))),
      );
      for (const worker of running) worker.process.kill("SIGTERM");
      const timer = new Promise((done) => setTimeout(done, timeoutMs).unref());
      await Promise.race([exited, timer]);
      for (const worker of workers()) if (!worker.isDead()) worker.process.kill("SIGKILL");
    },
  };
}

function send(worker: Worker, message: ToWorker): void {
  if (!worker.isConnected()) return;
  try {
    worker.send(message);
  } catch {
    // the worker is going; a new one gets a greeting of its own
  }
}

/** In a worker: tells the primary (which tells every worker). */
export function tellPrimary(message: ToPrimary): void {
  if (process.connected) process.send?.(message);
}

/** In a worker: messages from the primary. */
export function onPrimaryMessage(handle: (message: ToWorker) => void): void {
  process.on("message", (message: ToWorker) => handle(message));
}

/** In a worker: when the primary is gone (killed), stop too rather than serve without background jobs. */
export function onPrimaryGone(stop: () => void): void {
  process.on("disconnect", stop);
}
