/**
 * `npx tsx tests/bench/profile-split.ts DIR_OR_FILE…`: splits the self time of V8 CPU profiles (written by
 * `npm run bench:load -- --cpu-prof DIR`) into the parts issue #17 asks about: Meilisearch client and HTTP,
 * our query building, Remix, React rendering, compression, SQLite, GC, idle, and the rest. Prints a table of
 * milliseconds and shares of busy time for each profile. Asserts nothing.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** First matching rule wins; order from the most specific. */
const PARTS: [string, (url: string, name: string) => boolean][] = [
  ["idle", (_u, n) => n === "(idle)" || n === "(program)"],
  ["GC", (_u, n) => n === "(garbage collector)"],
  ["compression", (u) => /node_modules\/(compression|compressible)\/|node:zlib/.test(u)],
  ["React render", (u) => /node_modules\/react-dom\//.test(u) || /node_modules\/react\//.test(u)],
  ["Remix", (u) => /node_modules\/@remix-run\//.test(u)],
  ["Meilisearch client", (u) => /node_modules\/meilisearch\//.test(u)],
  ["our search code", (u) => /\/search\/|search-form|search\.server|search-counts/.test(u)],
  ["SQLite / drizzle", (u) => /node_modules\/(better-sqlite3|drizzle-orm)\//.test(u)],
  [
    "HTTP / express",
    (u) => /node_modules\/(express|router|send|serve-static|cookie|finalhandler)\/|node:_http|node:net/.test(u),
  ],
  ["fetch / undici / streams", (u) => /undici|node:internal\/(webstreams|deps\/undici)|web\/streams/.test(u)],
  ["our app (build/)", (u) => /\/build\/index\.js/.test(u)],
  ["lucia / argon2", (u) => /lucia|oslo|argon2/.test(u)],
];

function split(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const { url, functionName } = node.callFrame;
    const part = PARTS.find(([, test]) => test(url, functionName))?.[0] ?? (url ? "other JS" : "native / other");
    totals.set(part, (totals.get(part) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return totals;
}

const files = process.argv.slice(2).flatMap((p) =>
  statSync(p).isDirectory()
    ? readdirSync(p)
        .filter((f) => f.endsWith(".cpuprofile"))
        .map((f) => join(p, f))
    : [p],
);
for (const file of files) {
  const totals = split(JSON.parse(readFileSync(file, "utf8")) as Profile);
  const busy = [...totals].filter(([k]) => k !== "idle").reduce((s, [, v]) => s + v, 0);
  console.log(`${file}: busy ${(busy / 1000).toFixed(1)} s, idle ${((totals.get("idle") ?? 0) / 1000).toFixed(1)} s`);
  for (const [part, ms] of [...totals].sort((a, b) => b[1] - a[1])) {
    if (part === "idle") continue;
    console.log(
      `  ${part.padEnd(26)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${((100 * ms) / busy).toFixed(1).padStart(5)}%`,
    );
  }
}
