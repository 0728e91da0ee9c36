/**
 * A tiny browser stand-in for HTTP integration tests: keeps cookies, sends forms with the CSRF token,
 * never follows redirects (so tests can see them).
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createWebServer, type WebServerOptions } from "../../app/http/express-app.server";
import type { AppContext } from "../../app/services/context.server";

export class WebClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (name) this.cookies.set(name.trim(), rest.join("="));
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(this.baseUrl + path, { headers: { cookie: this.cookieHeader() }, redirect: "manual" });
    this.remember(response);
    return response;
  }

  /** Posts a form as a browser without JavaScript would, with the CSRF token unless told otherwise. */
  async post(path: string, fields: Record<string, string>, options: { csrf?: boolean } = {}): Promise<Response> {
    if (!this.cookies.has("csrf")) await this.get("/");
    const body = new URLSearchParams(fields);
    if (options.csrf !== false) body.set("_csrf", this.cookies.get("csrf") ?? "");
    const response = await fetch(this.baseUrl + path, {
      method: "POST",
      body,
      headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }
}

export async function postMultipart(client: WebClient, path: string, form: FormData): Promise<Response> {
  if (!client.cookies.has("csrf")) await client.get("/");
  form.set("_csrf", client.cookies.get("csrf") ?? "");
  return fetch(client.baseUrl + path, {
    method: "POST",
    body: form,
    headers: { cookie: client.cookieHeader() },
    redirect: "manual",
  });
}

/** The whole web stack (the production Remix build) in this process, on a free port. */
export async function startWebServer(
  app: AppContext,
  options: Pick<WebServerOptions, "maxInFlight" | "pageCache"> = {},
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const buildPath = resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const server = createWebServer({ build, app, mode: "production", ...options }).listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  app.internalOrigin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
