/**
 * The web server: static files, security headers, sessions, CSRF, then Remix. Used by `server.ts`,
 * and by tests that need the whole stack in one process.
 */
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import express, { type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import type { AppContext } from "../services/context.server";
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  csrfValid,
  isCsrfExempt,
  isMutating,
  newCsrfToken,
  sameToken,
  urlencodedCsrfToken,
} from "./csrf.server";
import type { RequestContext } from "./load-context";
import { bodyFor, storableResponse, type CachedPage, type PageCache } from "./page-cache.server";
import { newNonce, securityHeaders } from "./security-headers.server";

const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

export interface WebServerOptions {
  build: ServerBuild;
  app: AppContext;
  mode: "production" | "development";
  publicDir?: string;
  /** Anonymous search and service pages from memory for a few seconds (see page-cache.server.ts). */
  pageCache?: PageCache;
  /**
   * Requests this process works on at once; more are answered 503 with Retry-After at once rather than
   * queued for seconds (MAX_IN_FLIGHT, default 128). Static files and cached pages do not count.
   */
  maxInFlight?: number;
}

/** The whole body of a small form, read once (the size was checked against MAX_REQUEST_BYTES before). */
async function readBody(req: ExpressRequest): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) throw new Error("Request body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A plain form (urlencoded) posted without the CSRF header: its body is read once, here. */
function isPlainForm(req: ExpressRequest): boolean {
  return (req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded") && !req.headers[CSRF_HEADER];
}

function toFetchRequest(req: ExpressRequest, res: ExpressResponse, body?: Buffer): Request {
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get("host") ?? "localhost"}`);
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  // The bytes as the stream would have given them (UTF-8, as formData decodes them).
  if (body) init.body = body.toString("utf8");
  else if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

function sendCachedPage(res: ExpressResponse, page: CachedPage, csrfToken: string, nonce: string): void {
  res.status(page.status);
  for (const [key, value] of page.headers) res.append(key, value);
  res.set("X-Page-Cache", "hit");
  res.send(bodyFor(page, csrfToken, nonce));
}

async function sendFetchResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) {
    if (key.toLowerCase() !== "set-cookie") res.append(key, value);
  }
  for (const cookie of response.headers.getSetCookie()) res.append("Set-Cookie", cookie);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

function plainPage(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="stylesheet" href="/styles/site.css"></head>
<body><main id="main-content" class="page"><h1>${title}</h1>${body}</main></body></html>`;
}

export function createWebServer(options: WebServerOptions): express.Express {
  const { app: appContext, mode, pageCache } = options;
  const maxInFlight = options.maxInFlight ?? 128;
  let inFlight = 0;
  const publicDir = options.publicDir ?? "public";
  const handleRemix = createRequestHandler(options.build, mode);
  const web = express();
  web.disable("x-powered-by");
  web.use(compression());

  web.use((req, res, next) => {
    const nonce = newNonce();
    res.locals.nonce = nonce;
    res.set(securityHeaders(nonce, { https: appContext.secureCookies }));
    // The Open Referral UK API is public data that other sites' pages may read (issue #16).
    if (req.path.startsWith("/openreferral/") || req.path === "/openreferral") {
      res.set("Cross-Origin-Resource-Policy", "cross-origin");
    }
    next();
  });

  // Fingerprinted Remix assets can be cached forever; everything else briefly.
  web.use("/build", express.static(`${publicDir}/build`, { immutable: true, maxAge: "1y" }));
  web.use(express.static(publicDir, { maxAge: "1h", index: false }));

  web.all("*", async (req, res, next) => {
    // Nothing the site accepts is bigger than a logo and a form; refuse larger bodies before reading them.
    if (Number(req.headers["content-length"] ?? 0) > MAX_REQUEST_BYTES) {
      res
        .status(413)
        .type("html")
        .send(
          plainPage(
            "That file is too big",
            "<p>Files must be smaller than 1 MB. Go back and choose a smaller file.</p>",
          ),
        );
      return;
    }
    try {
      const cookies = parseCookies(req.headers.cookie ?? "");
      let csrfToken = cookies[CSRF_COOKIE];
      if (!csrfToken) {
        csrfToken = newCsrfToken();
        res.append(
          "Set-Cookie",
          serializeCookie(CSRF_COOKIE, csrfToken, {
            httpOnly: true,
            sameSite: "lax",
            secure: appContext.secureCookies,
            path: "/",
          }),
        );
      }
      const nonce = res.locals.nonce as string;
      // Anonymous public pages may come from the page cache; nothing signed in ever does.
      const cacheKey =
        pageCache?.keyFor({
          method: req.method,
          url: new URL(req.originalUrl, "http://localhost"),
          cookieNames: Object.keys(cookies),
          authorization: req.headers.authorization,
        }) ?? null;
      const generation = cacheKey && pageCache ? pageCache.generation() : "";
      if (cacheKey && pageCache) {
        const page = pageCache.get(cacheKey);
        if (page) {
          sendCachedPage(res, page, csrfToken, nonce);
          page.replay?.();
          return;
        }
      }
      if (inFlight >= maxInFlight) {
        res
          .status(503)
          .set("Retry-After", "2")
          .type("html")
          .send(
            plainPage(
              "Sorry, the service is very busy",
              "<p>Too many people are using it at once. Please wait a moment and try again.</p>",
            ),
          );
        return;
      }
      inFlight++;
      res.once("close", () => inFlight--);
      // A form answered here may change what public pages show: they are rendered afresh.
      if (pageCache && isMutating(req.method)) res.on("finish", () => pageCache.formAnswered());
      // A plain form's body is read once: its CSRF token comes from that copy and Remix parses the same
      // bytes, instead of the check parsing a clone of the stream and the route parsing it again.
      const checkCsrf = isMutating(req.method) && !isCsrfExempt(req.path);
      const formBody = checkCsrf && isPlainForm(req) ? await readBody(req) : undefined;
      const request = toFetchRequest(req, res, formBody);
      const csrfOk = !checkCsrf
        ? true
        : formBody
          ? sameToken(urlencodedCsrfToken(formBody), cookies[CSRF_COOKIE])
          : await csrfValid(request, cookies[CSRF_COOKIE]);

      if (!csrfOk) {
        res
          .status(403)
          .type("html")
          .send(
            plainPage(
              "This form has expired",
              `<p class="lead">For your security, we could not accept this form.</p>
<p>This can happen if the page was open for a long time or cookies are blocked. Go back, reload the page and try again.</p>
<p><a href="/">Go to the home page</a></p>`,
            ),
          );
        return;
      }

      // Sessions are checked here once, so every loader and action sees the same signed-in person.
      const { auth } = appContext;
      const sessionId = auth.readSessionCookie(req.headers.cookie ?? "");
      let user: RequestContext["user"] = null;
      let session: RequestContext["session"] = null;
      if (sessionId) {
        const result = await auth.validateSession(sessionId);
        user = result.user;
        session = result.session;
        if (result.session?.fresh) res.append("Set-Cookie", auth.createSessionCookie(result.session.id).serialize());
        if (!result.session) res.append("Set-Cookie", auth.createBlankSessionCookie().serialize());
      }

      const context: RequestContext = {
        app: appContext,
        user,
        session,
        csrfToken,
        cspNonce: nonce,
        ip: req.socket.remoteAddress ?? "unknown",
      };
      if (!cacheKey || !pageCache) {
        await sendFetchResponse(res, await handleRemix(request, context));
        return;
      }
      let skip = false;
      let replay: (() => void) | null = null;
      context.pageCache = { skip: () => void (skip = true), onHit: (work) => void (replay = work) };
      const response = await handleRemix(request, context);
      if (skip || !storableResponse(response)) {
        await sendFetchResponse(res, response);
        return;
      }
      const body = await response.text();
      const headers = [...response.headers.entries()].filter(([key]) => key.toLowerCase() !== "content-length");
      pageCache.set(cacheKey, {
        status: 200,
        headers,
        body,
        csrfToken,
        nonce,
        generation,
        storedAt: Date.now(),
        replay,
      });
      res.status(200);
      for (const [key, value] of headers) res.append(key, value);
      res.set("X-Page-Cache", "miss");
      res.send(body);
    } catch (error) {
      next(error);
    }
  });

  // Last resort: never show a stack trace or SQL to the public.
  web.use((error: unknown, _req: ExpressRequest, res: ExpressResponse, _next: express.NextFunction) => {
    console.error(error);
    if (res.headersSent) return res.end();
    res
      .status(500)
      .type("html")
      .send(plainPage("Sorry, there is a problem with the service", "<p>Please try again later.</p>"));
  });
  return web;
}
