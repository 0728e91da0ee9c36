/**
 * One HTTP process: the Remix build behind the web server (app/http/express-app.server.ts), plus the jobs
 * each HTTP process keeps for itself: its in-memory market rates figures (refreshed every minute) and its
 * anonymous search counts (written every few seconds, added to what other processes wrote). With
 * several workers each runs this; with WORKERS=1 the one process does.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createWebServer } from "../app/http/express-app.server";
import type { PageCache } from "../app/http/page-cache.server";
import type { AppContext } from "../app/services/context.server";
import { allRateFigures } from "../app/services/market/rates.server";
import { settleSearchCounts, startSearchCounting } from "../app/services/market/search-counts.server";

export interface RunningHttp {
  stop(): Promise<void>;
}

export async function startHttp(
  app: AppContext,
  options: {
    port: number;
    host: string;
    mode: "production" | "development";
    pageCache?: PageCache;
    onListening?: () => void;
  },
): Promise<RunningHttp> {
  const build = (await import(pathToFileURL(resolve("build/index.js")).href)) as ServerBuild;
  const web = createWebServer({
    build,
    app,
    mode: options.mode,
    pageCache: options.pageCache,
    maxInFlight: Number(process.env.MAX_IN_FLIGHT) || 128,
  });
  const { host, port } = options;
  app.internalOrigin = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  // The market rates figures take one pass over the catalogue; do it before the first council page asks.
  allRateFigures(app);
  const httpServer = web.listen(port, host, options.onListening);

  // The market rates figures catch up from the search outbox rows since they were last read; reading them
  // every minute keeps that catch-up small and well inside the day processed rows are kept, so no council
  // page or provider form has to wait for a full pass over the catalogue.
  const ratesRefresh = setInterval(() => {
    try {
      allRateFigures(app);
    } catch (error) {
      console.error("Market rates figures could not be refreshed, will try again in a minute:", error);
    }
  }, 60_000);
  ratesRefresh.unref();

  // Anonymous search counts (unmet demand) are written every few seconds and once more on stop.
  const searchCounting = startSearchCounting(app, {
    intervalMs: Number(process.env.SEARCH_COUNTS_FLUSH_MS) || 5_000,
  });

  return {
    async stop() {
      clearInterval(ratesRefresh);
      await new Promise<void>((done) => {
        httpServer.close(() => done());
        httpServer.closeAllConnections();
      });
      // Searches still having their prices compared are counted before the last write.
      await settleSearchCounts(app);
      searchCounting.stop();
    },
  };
}
