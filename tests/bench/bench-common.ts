/** Pieces the benchmark scripts share: the percentile they all report and what people type in search. */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { seededRandom } from "../../app/seed/seed.server";
import { LOCALITIES } from "../../db/localities";
import { emptyParams, type SearchParams } from "../../search/query-types";

/** The p-th percentile (nearest rank) of values sorted ascending; 0 for none. */
export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? 0;
}

/** Words people type into search, as the council's own search logs suggest. */
export const SEARCH_WORDS = [
  "home care",
  "personal care",
  "day centre",
  "respite",
  "short break",
  "personal assistant",
  "PA",
  "meals",
  "cleaning",
  "shopping help",
  "befriending",
  "supported living",
  "advocacy",
  "grab rail",
  "sitting service",
  "lunch club",
  "home help",
  "domiciliary care",
  "care at home",
  "bathing",
] as const;

/** The same with the typing mistakes search must forgive. */
export const SEARCH_TYPOS = [
  "domicilary",
  "persnal care",
  "respit",
  "day center",
  "asistant",
  "befrending",
  "cleanning",
  "suported living",
  "meels",
  "advocasy",
] as const;

/** A fixed mix of what people type and tick: plain words, typos, filters, facets and sorts. */
export function queryMix(n: number): SearchParams[] {
  const random = seededRandom(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const words = SEARCH_WORDS;
  const typos = SEARCH_TYPOS;
  const categories = [
    "home_care",
    "personal_care",
    "day_opportunities",
    "respite",
    "supported_living",
    "community_access",
    "personal_assistant",
    "domestic_help",
    "meals",
    "equipment",
    "advocacy",
  ];
  const sorts = ["best", "best", "quality", "price_asc", "price_desc", "reviews"] as const;
  const mix: SearchParams[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 6;
    const locality = pick(LOCALITIES);
    const area = { id: locality.id, latitude: locality.latitude, longitude: locality.longitude };
    const q = kind === 1 ? pick(typos) : kind === 5 ? "" : pick(words);
    mix.push(
      emptyParams({
        q,
        categories: kind === 2 || kind === 5 ? [pick(categories)] : [],
        area: kind >= 3 ? area : null,
        maxHourlyPence: kind === 3 ? 1800 + Math.floor(random() * 1200) : null,
        weekends: kind === 4,
        cqcRatings: kind === 4 ? ["good", "outstanding"] : [],
        publishedOnly: kind === 2,
        sort: kind === 5 ? "distance" : pick(sorts),
        page: 1 + Math.floor(random() * 2),
      }),
    );
  }
  return mix;
}

/**
 * The environment that makes the server and each HTTP worker write a V8 CPU profile into `dir` when they
 * stop (tests/bench/cpu-profile.mjs); nothing without a folder. For `--cpu-prof DIR` flags.
 */
export function cpuProfileEnv(dir: string | undefined): Record<string, string> {
  if (!dir) return {};
  return {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${resolve("tests/bench/cpu-profile.mjs")}`,
    CPU_PROFILE_DIR: resolve(dir),
  };
}

/**
 * CPU seconds used so far by the server (with its HTTP workers) and, separately, by the other processes it
 * started (Meilisearch).
 */
export function cpuSeconds(serverPid: number): { server: number; children: number } {
  const stats = new Map<number, { ppid: number; seconds: number; worker: boolean }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name, which is in brackets and may hold spaces: state, ppid, … utime, stime.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
      // Clock ticks: 100 a second on Linux.
      const worker = readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("server.ts");
      stats.set(Number(entry), {
        ppid: Number(fields[1]),
        seconds: (Number(fields[11]) + Number(fields[12])) / 100,
        worker,
      });
    } catch {
      // the process ended while we looked
    }
  }
  let children = 0;
  let server = stats.get(serverPid)?.seconds ?? 0;
  for (const [, s] of stats) {
    if (s.ppid !== serverPid) continue;
    if (s.worker) server += s.seconds;
    else children += s.seconds;
  }
  return { server, children };
}
