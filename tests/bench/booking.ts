/**
 * `npm run bench:booking`: starts the real app (production build, fresh database, embedded Meilisearch),
 * creates budget holders and one provider service through the use cases, then books over HTTP from N
 * concurrent connections (autocannon) for a fixed time, rotating across the holders. Afterwards it reads
 * the database and checks the money: no budget period below zero, the ledger's own invariants, and every
 * booking's budget portion equal to its holds. Prints figures; asserts nothing.
 *
 * Sizes are chosen so budgets run out during the run: each booking is one 60-minute visit at £20.00, so
 * a holder with £150 every 4 weeks gets 7 bookings fully covered, one split £10 budget + £10 top-up, and
 * then top-ups by card (a 302 to the demo checkout). Both redirects count as a created booking.
 *
 * Run `npx remix build` first. Flags: --connections 50 --duration 20 --holders 200 --allocation 150
 * --workers N (HTTP workers; default WORKERS or one per core) --cpu-prof DIR (the server and each HTTP
 * worker write a CPU profile into DIR when they stop; split it with tests/bench/profile-split.ts).
 * Prints the workers and the load average.
 */
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { count, inArray } from "drizzle-orm";
import { bookings } from "../../db/schema";
import { londonDateOf } from "../../app/domain/london-time";
import { createAppContext, type AppContext } from "../../app/services/context.server";
import { loadBookingForm, makeHolder } from "../support/booking-fixtures";
import { checkMoney } from "../support/ledger-checks";
import { leftoverProcesses, startApp } from "../support/start-app";
import { makeCouncilAdmin, makeFlatRateService, makeProvider } from "../support/storefront-fixtures";
import { cpuProfileEnv, cpuSeconds, percentile } from "./bench-common";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "20" },
    holders: { type: "string", default: "200" },
    /** Pounds per 4 weeks for each holder. */
    allocation: { type: "string", default: "150" },
    workers: { type: "string", default: process.env.WORKERS || String(availableParallelism()) },
    "cpu-prof": { type: "string" },
  },
});
const workers = Number(values.workers);
const connections = Number(values.connections);
const durationSeconds = Number(values.duration);
const holderCount = Number(values.holders);
const allocationPence = Math.round(Number(values.allocation) * 100);
const RATE_PENCE = 2000;

interface Fixtures {
  serviceId: string;
  holderIds: string[];
  cookies: string[];
}

async function createFixtures(ctx: AppContext, today: string): Promise<Fixtures> {
  const council = await makeCouncilAdmin(ctx);
  const staff = await makeProvider(ctx, { name: "Benchmark Home Care", approvedBy: council });
  const serviceId = makeFlatRateService(ctx, staff, "Benchmark home care visits", RATE_PENCE);
  const holderIds: string[] = [];
  const cookies: string[] = [];
  for (let i = 0; i < holderCount; i++) {
    // Period 0 starts today, so every booking in the next week falls in it.
    const holder = await makeHolder(ctx, council, { firstPeriodStart: today, allocationPence });
    const session = await ctx.auth.createSession(holder.userId, {});
    // Double-submit CSRF: any token works as long as the cookie and the form field agree.
    const csrf = `bench-${i}-${session.id.slice(0, 8)}`;
    holderIds.push(holder.userId);
    cookies.push(`csrf=${csrf}; ${ctx.auth.sessionCookieName}=${session.id}`);
  }
  return { serviceId, holderIds, cookies };
}

function bookingCount(ctx: AppContext, holderIds: string[]): number {
  return (
    ctx.database.db.select({ n: count() }).from(bookings).where(inArray(bookings.holderUserId, holderIds)).get()?.n ?? 0
  );
}

/** Waits until no more bookings appear (at most 30 s); true if the count stopped changing. */
async function settled(ctx: AppContext, holderIds: string[]): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  let last = bookingCount(ctx, holderIds);
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    const now = bookingCount(ctx, holderIds);
    if (now === last) return true;
    last = now;
  }
  return false;
}

async function main() {
  console.log(
    `Booking benchmark: ${connections} connections for ${durationSeconds} s, ${holderCount} holders with £${(allocationPence / 100).toFixed(2)} per 4 weeks, £${(RATE_PENCE / 100).toFixed(2)} per booking`,
  );
  console.log("Starting the app (production build, fresh database, embedded Meilisearch)…");
  const app = await startApp({
    env: { WORKERS: String(workers), ...cpuProfileEnv(values["cpu-prof"]) },
    startTimeoutMs: 300_000,
  });
  let ctx: AppContext | null = null;
  const onSignal = () => {
    void app.stop().then(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    ctx = createAppContext({ databasePath: join(app.dataDir, "marketplace.sqlite"), secureCookies: false });
    const today = londonDateOf(new Date());
    const setupStarted = performance.now();
    const { serviceId, holderIds, cookies } = await createFixtures(ctx, today);
    console.log(
      `created ${holderIds.length} holders and 1 service in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
    );

    // One look at the booking page as the first holder: proves the session cookie works, warms the route.
    const probe = await fetch(`${app.baseUrl}/services/${serviceId}/book`, {
      headers: { cookie: cookies[0]! },
      redirect: "manual",
    });
    if (probe.status !== 200) throw new Error(`The booking page answered ${probe.status} for a signed-in holder`);

    let sent = 0;
    const bodyFor = (i: number) => {
      const cookie = cookies[i % cookies.length]!;
      const csrf = /csrf=([^;]+)/.exec(cookie)![1]!;
      const round = Math.floor(i / cookies.length);
      return {
        cookie,
        body: loadBookingForm(csrf, today, round).toString(),
      };
    };

    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let finished: (result: autocannon.Result) => void = () => {};
    let failed: (error: unknown) => void = () => {};
    const done = new Promise<autocannon.Result>((resolveDone, rejectDone) => {
      finished = resolveDone;
      failed = rejectDone;
    });
    const cpuBefore = cpuSeconds(app.pid);
    const instance = autocannon(
      {
        url: app.baseUrl,
        connections,
        duration: durationSeconds,
        timeout: 30,
        requests: [
          {
            method: "POST",
            path: `/services/${serviceId}/book`,
            setupRequest: (request) => {
              const { cookie, body } = bodyFor(sent++);
              return {
                ...request,
                headers: { ...request.headers, cookie, "content-type": "application/x-www-form-urlencoded" },
                body,
              };
            },
          },
        ],
      },
      (error: unknown, result) => (error ? failed(error) : finished(result)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
    console.log(`Booking for ${durationSeconds} s…`);
    const result = await done;
    const cpuAfter = cpuSeconds(app.pid);
    const elapsedSeconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;

    const redirects = statuses.get(302) ?? 0;
    const errors = [...statuses].filter(([code]) => code !== 302).reduce((sum, [, n]) => sum + n, 0);
    const sorted = [...latencies].sort((a, b) => a - b);
    const p = (q: number) => percentile(sorted, q).toFixed(0);
    const perSecond = redirects / elapsedSeconds;
    console.log(`requests: ${latencies.length} in ${elapsedSeconds.toFixed(1)} s`);
    console.log(`bookings/s: ${perSecond.toFixed(0)}`);
    // CPU per booking is steadier than bookings/s on a shared machine, whose other load moves throughput.
    const cpuMs = (seconds: number) => ((seconds * 1000) / Math.max(1, latencies.length)).toFixed(2);
    console.log(
      `CPU per booking: server ${cpuMs(cpuAfter.server - cpuBefore.server)} ms, its other processes ${cpuMs(cpuAfter.children - cpuBefore.children)} ms`,
    );
    console.log(`latency: p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms, max ${p(100)} ms`);
    const otherCodes = [...statuses].filter(([code]) => code !== 302).map(([code, n]) => `${n}×${code}`);
    console.log(
      `errors: ${errors + result.errors + result.timeouts}${otherCodes.length ? ` (${otherCodes.join(", ")})` : ""}; connection errors ${result.errors}, timeouts ${result.timeouts}`,
    );

    // autocannon stops with requests still in flight; let the server finish them before counting.
    const drained = await settled(ctx, holderIds);
    // One read transaction, so every check sees the same snapshot of the database.
    const check = ctx.database.sqlite.transaction(() => checkMoney(ctx!.database.db, holderIds))();
    console.log(
      `bookings in the database: ${check.bookings} (${check.requested} covered by the budget, ${check.awaitingPayment} waiting for a top-up); ${redirects} answered within the run, the rest were in flight when it ended${drained ? "" : " (still changing after 30 s)"}`,
    );
    console.log(
      `money: £${(check.budgetPence / 100).toFixed(2)} from budgets, £${(check.topUpPence / 100).toFixed(2)} in top-ups; budgets total £${((holderIds.length * allocationPence) / 100).toFixed(2)}`,
    );
    console.log(
      `checks: ${check.overspentPeriods} periods below zero; ${check.invariantProblems.length} ledger invariant problems; ${check.holdMismatches.length} bookings whose budget portion differs from their holds`,
    );
    for (const line of [...check.invariantProblems, ...check.holdMismatches].slice(0, 10)) console.log(`  ${line}`);
    const ledgerProblems = check.invariantProblems.length + check.holdMismatches.length;
    console.log(
      `workers ${workers}; load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(" ")}`,
    );
    console.log(
      `bookings ${redirects} in ${elapsedSeconds.toFixed(1)} s (${perSecond.toFixed(0)}/s); p95 ${p(95)} ms; overspent budgets ${check.overspentHolders}; ledger problems ${ledgerProblems}`,
    );
  } finally {
    ctx?.database.close();
    await app.stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    const left = leftoverProcesses(app);
    if (left.length > 0) console.log(`warning: processes still running after stop:\n  ${left.join("\n  ")}`);
  }
}

await main();
