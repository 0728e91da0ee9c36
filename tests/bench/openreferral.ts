/**
 * `npm run bench:openreferral`: how long the Open Referral UK API takes on the 100,000-service bench
 * database (2,000 providers × 50 services, made once by `npm run bench:search`). The production build
 * runs in this process on a copy of that database; each path is fetched --requests times after a first
 * request (printed apart). Prints p50/p95 against the 200 ms target, and the use case alone; asserts nothing.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createAppContext } from "../../app/services/context.server";
import { eq } from "drizzle-orm";
import { serviceAreas } from "../../db/schema";
import { serviceAtLocationId, termOf } from "../../app/domain/openreferral";
import { openReferralIds } from "../../app/services/openreferral/ids.server";
import { directoryChangeStamp, listedServiceIds, listServices } from "../../app/services/openreferral/reading.server";
import { percentile } from "./bench-common";
import { startWebServer } from "../support/web-client";

const TARGET_MS = 200;
const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "30" },
    database: { type: "string", default: "data/bench/search-2000x50.sqlite" },
  },
});
const requests = Math.max(5, Number(values.requests));
const source = resolve(values.database!);

function line(name: string, times: number[], first?: number): string {
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const verdict = p95 < TARGET_MS ? "within" : "MISSES";
  const firstText = first === undefined ? "" : `   (first ${first.toFixed(0)} ms)`;
  return `${name.padEnd(62)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   ${verdict} ${TARGET_MS} ms${firstText}`;
}

async function timedFetch(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; etag: string }> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200 && response.status !== 304) throw new Error(`${url} answered ${response.status}`);
  return { ms, etag: response.headers.get("etag") ?? "" };
}

async function main() {
  if (!existsSync(source)) {
    console.error(`No bench database at ${source}. Run \`npm run bench:search\` once to generate it (minutes).`);
    process.exit(1);
  }
  if (!existsSync(resolve("build/index.js"))) {
    const build = spawnSync(resolve("node_modules/.bin/remix"), ["build"], { encoding: "utf8" });
    if (build.status !== 0) throw new Error(`remix build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const dir = mkdtempSync(join(tmpdir(), "care-bench-openreferral-"));
  const databasePath = join(dir, "marketplace.sqlite");
  copyFileSync(source, databasePath);
  const app = createAppContext({ databasePath, uploadsDir: join(dir, "uploads"), searchCounting: false });
  const web = await startWebServer(app);
  try {
    const listed = listedServiceIds(app);
    const load = () =>
      loadavg()
        .map((n) => n.toFixed(2))
        .join(" ");
    console.log(`${listed.length} listed services; ${requests} requests a path after the first; load ${load()}\n`);
    const homeCare = termOf(openReferralIds, "categories", "home_care").id;
    const lastPage = Math.ceil(listed.length / 100);
    const firstArea = app.database.db
      .select({ localityId: serviceAreas.localityId })
      .from(serviceAreas)
      .where(eq(serviceAreas.serviceId, listed[Math.floor(listed.length / 3)]!))
      .get()!.localityId;
    const paths = [
      "/openreferral/services?per_page=100",
      `/openreferral/services?per_page=100&page=${lastPage}`,
      `/openreferral/services?per_page=100&taxonomy_term_id=${homeCare}`,
      `/openreferral/services/${listed[Math.floor(listed.length / 2)]!}`,
      "/openreferral/service_at_locations?per_page=100",
      `/openreferral/service_at_locations/${serviceAtLocationId(openReferralIds, listed[Math.floor(listed.length / 3)]!, firstArea)}`,
      "/openreferral/services?per_page=100&text=home%20care",
    ];
    for (const path of paths) {
      const first = await timedFetch(web.baseUrl + path);
      const times: number[] = [];
      for (let i = 0; i < requests; i++) times.push((await timedFetch(web.baseUrl + path)).ms);
      console.log(line(`GET ${path.replace(/[0-9a-f-]{36}/, "{id}")}`, times, first.ms));
    }
    const { etag } = await timedFetch(`${web.baseUrl}/openreferral/services?per_page=100`);
    const revalidations: number[] = [];
    for (let i = 0; i < requests; i++) {
      revalidations.push(
        (await timedFetch(`${web.baseUrl}/openreferral/services?per_page=100`, { "If-None-Match": etag })).ms,
      );
    }
    console.log(line("GET /openreferral/services?per_page=100 with If-None-Match (304)", revalidations));
    const useCase: number[] = [];
    const stamp: number[] = [];
    for (let i = 0; i < requests; i++) {
      let started = performance.now();
      directoryChangeStamp(app);
      stamp.push(performance.now() - started);
      started = performance.now();
      listServices(app, { page: 1, perPage: 100 });
      useCase.push(performance.now() - started);
    }
    console.log(line("use case listServices(page 1, 100), no HTTP", useCase));
    console.log(line("use case directoryChangeStamp (ETag), no HTTP", stamp));
    console.log(`\nload average (1, 5, 15 min) at the end: ${load()}`);
  } finally {
    await web.close();
    app.database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
