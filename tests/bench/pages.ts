/**
 * `npm run bench:pages`: how much JavaScript and CSS four key pages make a browser download. Builds
 * for production (`remix build`), starts the real app (fresh demo data, embedded Meilisearch), fetches
 * each page's HTML, collects every `<script src>`, `<link rel="modulepreload">` and
 * `<link rel="stylesheet">` (plus anything those scripts import statically, which Remix normally
 * preloads already), fetches each asset once and gzips it with zlib at its default level (6), which is
 * what the app's `compression` middleware sends. Route modules loaded later, on navigation, are not
 * counted: they are not part of loading the page.
 *
 * Pages: the home page, the search page, a service page, and that service's booking page signed in as
 * the demo budget holder margaret@example.org. Exits non-zero if the search page's JavaScript is over
 * 150 KB gzipped.
 */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { and, asc, eq } from "drizzle-orm";
import { DEMO_BUDGET_HOLDERS, DEMO_PASSWORD } from "../../app/seed/demo-data";
import { openDatabase } from "../../db/client.server";
import { providers, services } from "../../db/schema";
import { leftoverProcesses, startApp } from "../support/start-app";
import { WebClient } from "../support/web-client";

const SEARCH_JS_BUDGET_BYTES = 150 * 1024;
const HOLDER_EMAIL = DEMO_BUDGET_HOLDERS[0]!.email;

interface Asset {
  url: string;
  kind: "js" | "css";
  raw: number;
  gzip: number;
  compressedByServer: boolean;
}

interface PageWeight {
  name: string;
  path: string;
  js: Asset[];
  css: Asset[];
  /** The page itself (with Remix's inline loader data and route manifest), gzipped. */
  htmlGzip: number;
  /** Scripts found only by following imports, not named in the HTML. */
  notPreloaded: string[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (assets: Asset[], key: "raw" | "gzip") => assets.reduce((total, a) => total + a[key], 0);

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z-:]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    found.set(match[1]!.toLowerCase(), (match[2] ?? match[3] ?? match[4] ?? "").replaceAll("&amp;", "&"));
  }
  return found;
}

/** The scripts and stylesheets an HTML page names, as absolute URLs, each once. */
function assetsNamedIn(html: string, pageUrl: string): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attributes(tag).get("src");
    if (src) js.add(new URL(src, pageUrl).href);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(tag);
    const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    const href = attrs.get("href");
    if (!href) continue;
    if (rel.includes("modulepreload")) js.add(new URL(href, pageUrl).href);
    if (rel.includes("stylesheet")) css.add(new URL(href, pageUrl).href);
  }
  // Remix's inline module script imports the entry and route modules by URL.
  for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const specifier of staticImports(body ?? "")) js.add(new URL(specifier, pageUrl).href);
  }
  return { js: [...js], css: [...css] };
}

/** `import "x"`, `import x from "x"`, `export * from "x"`; not `import("x")`, which loads later. */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(
    /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g,
  )) {
    found.push(match[1]!);
  }
  return found;
}

async function main() {
  console.log("Building for production (remix build)…");
  const buildStarted = performance.now();
  const build = spawnSync(resolve("node_modules/.bin/remix"), ["build"], { encoding: "utf8" });
  if (build.status !== 0) {
    console.error(`remix build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
    process.exit(1);
  }
  console.log(`built in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s`);

  console.log("Starting the app (production build, fresh demo data, embedded Meilisearch)…");
  const app = await startApp();
  const onSignal = () => {
    void app.stop().then(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let searchJsGzip = 0;
  let summary = "";
  try {
    // A bookable service: listed, with published prices.
    const database = openDatabase(join(app.dataDir, "marketplace.sqlite"), { migrate: false });
    const service = database.db
      .select({ id: services.id, title: services.title })
      .from(services)
      .innerJoin(providers, eq(providers.id, services.providerId))
      .where(
        and(
          eq(services.status, "live"),
          eq(services.pricePublished, true),
          eq(providers.accreditationStatus, "approved"),
        ),
      )
      .orderBy(asc(services.title))
      .get();
    database.close();
    if (!service) throw new Error("The demo data has no bookable service.");

    const visitor = new WebClient(app.baseUrl);
    const holder = new WebClient(app.baseUrl);
    const signIn = await holder.post("/sign-in", { email: HOLDER_EMAIL, password: DEMO_PASSWORD });
    if (signIn.status !== 302)
      throw new Error(`Signing in as ${HOLDER_EMAIL} answered ${signIn.status}, not a redirect`);

    const pages = [
      { name: "home", path: "/", client: visitor },
      { name: "search", path: "/search", client: visitor },
      { name: "service", path: `/services/${service.id}`, client: visitor },
      { name: "booking (signed in)", path: `/services/${service.id}/book`, client: holder },
    ];

    const assetCache = new Map<string, Promise<Asset>>();
    const fetchAsset = (url: string, kind: Asset["kind"]) => {
      let cached = assetCache.get(url);
      if (!cached) {
        cached = (async () => {
          const response = await fetch(url);
          if (!response.ok) throw new Error(`${url} answered ${response.status}`);
          const body = Buffer.from(await response.arrayBuffer());
          return {
            url,
            kind,
            raw: body.length,
            gzip: gzipSync(body).length,
            compressedByServer: response.headers.get("content-encoding") === "gzip",
          };
        })();
        assetCache.set(url, cached);
      }
      return cached;
    };
    const scriptSources = new Map<string, string>();

    const weights: PageWeight[] = [];
    for (const page of pages) {
      const response = await page.client.get(page.path);
      if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`);
      const pageUrl = app.baseUrl + page.path;
      const html = await response.text();
      const named = assetsNamedIn(html, pageUrl);
      // Follow static imports, so a chunk Remix forgot to preload would still count.
      const js = new Set(named.js);
      const queue = [...named.js];
      const notPreloaded: string[] = [];
      while (queue.length > 0) {
        const url = queue.shift()!;
        let code = scriptSources.get(url);
        if (code === undefined) {
          code = await (await fetch(url)).text();
          scriptSources.set(url, code);
        }
        for (const specifier of staticImports(code)) {
          const next = new URL(specifier, url).href;
          if (js.has(next)) continue;
          js.add(next);
          notPreloaded.push(next);
          queue.push(next);
        }
      }
      weights.push({
        name: page.name,
        path: page.path,
        js: await Promise.all([...js].map((url) => fetchAsset(url, "js"))),
        css: await Promise.all(named.css.map((url) => fetchAsset(url, "css"))),
        notPreloaded,
        htmlGzip: gzipSync(html).length,
      });
    }

    console.log(`\nService used: "${service.title}" (${service.id}); booking page signed in as ${HOLDER_EMAIL}`);
    console.log(
      "Sizes per page: every script and stylesheet the page loads, each counted once; gzip = zlib level 6.\n",
    );
    const header = ["page", "JS files", "JS raw", "JS gzip", "CSS files", "CSS raw", "CSS gzip", "HTML gzip"];
    const rows = weights.map((w) => [
      `${w.name} ${w.path.length > 30 ? `${w.path.slice(0, 27)}…` : w.path}`,
      String(w.js.length),
      kb(sum(w.js, "raw")),
      kb(sum(w.js, "gzip")),
      String(w.css.length),
      kb(sum(w.css, "raw")),
      kb(sum(w.css, "gzip")),
      kb(w.htmlGzip),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) =>
      cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
    console.log(line(header));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const row of rows) console.log(line(row));

    const assets = [...new Set(weights.flatMap((w) => [...w.js, ...w.css]))].sort((a, b) => b.gzip - a.gzip);
    console.log(`\nAssets (${assets.length}), largest first:`);
    for (const asset of assets) {
      const usedBy = weights.filter((w) => [...w.js, ...w.css].includes(asset)).map((w) => w.name.split(" ")[0]);
      console.log(
        `  ${kb(asset.gzip).padStart(9)} gzip ${kb(asset.raw).padStart(9)} raw  ${new URL(asset.url).pathname}  (${usedBy.join(", ")})`,
      );
    }
    const notPreloaded = [...new Set(weights.flatMap((w) => w.notPreloaded))];
    if (notPreloaded.length > 0) {
      console.log(`\nScripts loaded by imports but not preloaded in the HTML: ${notPreloaded.join(", ")}`);
    }
    // The compression middleware leaves responses under 1 KB as they are; anything bigger should be gzipped.
    const uncompressed = assets.filter((a) => !a.compressedByServer && a.raw >= 1024);
    if (uncompressed.length > 0) {
      console.log(`\nNot sent gzipped by the server: ${uncompressed.map((a) => new URL(a.url).pathname).join(", ")}`);
    }

    const search = weights.find((w) => w.name === "search")!;
    searchJsGzip = sum(search.js, "gzip");
    summary =
      `${weights.map((w) => `${w.name.split(" ")[0]} ${kb(sum(w.js, "gzip"))} JS + ${kb(sum(w.css, "gzip"))} CSS`).join("; ")} (gzip); ` +
      `search page JS ${kb(searchJsGzip)} of a ${kb(SEARCH_JS_BUDGET_BYTES)} budget: ${searchJsGzip <= SEARCH_JS_BUDGET_BYTES ? "within" : "OVER"}`;
  } finally {
    await app.stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    const left = leftoverProcesses(app);
    if (left.length > 0) console.log(`warning: processes still running after stop:\n  ${left.join("\n  ")}`);
  }
  const over = searchJsGzip > SEARCH_JS_BUDGET_BYTES;
  if (over) {
    console.error(
      `\nFAIL: the search page loads ${kb(searchJsGzip)} of JavaScript (gzip), more than the ${kb(SEARCH_JS_BUDGET_BYTES)} budget.`,
    );
  }
  console.log(`\n${summary}`);
  if (over) process.exit(1);
}

await main();
