/**
 * The bench database for the council's spend and quality pages: 2,000 generated providers × 50 services
 * (100,000 services) made once by the seed generator, the same use cases as the product, cached in
 * data/bench/market-2000x50.sqlite. Built under another name and renamed when complete, so an
 * interrupted run never leaves half a cache.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createAppContext } from "../../app/services/context.server";
import { seedDemoData } from "../../app/seed/seed.server";

export const BENCH_PROVIDERS = 2000;
export const BENCH_SERVICES_PER_PROVIDER = 50;

export async function marketBenchDatabase(): Promise<string> {
  const dir = resolve("data/bench");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `market-${BENCH_PROVIDERS}x${BENCH_SERVICES_PER_PROVIDER}.sqlite`);
  if (existsSync(path)) {
    console.log(`Reusing ${path}`);
    return path;
  }
  const partial = `${path}.partial`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(partial + suffix, { force: true });
  console.log(`Generating ${BENCH_PROVIDERS} providers × ${BENCH_SERVICES_PER_PROVIDER} services…`);
  const started = Date.now();
  const ctx = createAppContext({ databasePath: partial });
  await seedDemoData(ctx, {
    providers: BENCH_PROVIDERS,
    servicesPerProvider: BENCH_SERVICES_PER_PROVIDER,
    log: (line) => console.log(`  ${line}`),
  });
  ctx.database.close();
  renameSync(partial, path);
  console.log(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve("tests/bench/market-spend-db.ts")) {
  await marketBenchDatabase();
}
