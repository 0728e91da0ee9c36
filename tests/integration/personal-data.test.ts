/**
 * Personal data stays private: no account email, phone number or invite address of a person (budget
 * holder, family member, provider staff, council admin) reaches a search document, the search index
 * or any page the public can open. A provider's own business contact details are public by design.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { budgetHolders, familyLinks, providers, services, users } from "../../db/schema";
import { searchConnection } from "../../app/services/context.server";
import { SEARCH_DOCUMENT_LABELS } from "../../app/services/search-labels";
import { withDemoData } from "../support/demo-data-template";
import { buildServiceDocuments } from "../../search/documents.server";
import { rebuildIndex } from "../../search/reindex.server";
import { applyIndexSettings } from "../../search/settings.server";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer, WebClient } from "../support/web-client";

const meili = inject("meili");
const indexUid = `services_private_${randomBytes(4).toString("hex")}`;
const ctx = tempAppContext();
ctx.search = searchConnection({ ...meili, indexUid });
let web: Awaited<ReturnType<typeof startWebServer>>;
/** Every piece of personal contact data in the database, each at least 6 characters long. */
let secrets: string[] = [];

beforeAll(async () => {
  await withDemoData(ctx);
  const { db } = ctx.database;
  // Give every budget holder a phone number, so there is something to leak.
  const holders = db.select({ userId: budgetHolders.userId }).from(budgetHolders).all();
  holders.forEach((h, i) => {
    db.update(budgetHolders)
      .set({ phone: `07700 9${String(i).padStart(5, "0")}` })
      .where(eq(budgetHolders.userId, h.userId))
      .run();
  });
  const businessContacts = new Set(
    db
      .select({ email: providers.contactEmail })
      .from(providers)
      .all()
      .map((p) => p.email.toLowerCase()),
  );
  secrets = [
    ...db
      .select({ email: users.email })
      .from(users)
      .all()
      .map((u) => u.email),
    ...db
      .select({ phone: budgetHolders.phone })
      .from(budgetHolders)
      .all()
      .map((h) => h.phone ?? ""),
    ...db
      .select({ email: familyLinks.invitedEmail })
      .from(familyLinks)
      .all()
      .map((l) => l.email),
  ].filter((s) => s.length >= 6 && !businessContacts.has(s.toLowerCase()));
  await applyIndexSettings(ctx.search!.client, indexUid);
  await rebuildIndex({ db, client: ctx.search!.client, indexUid, labels: SEARCH_DOCUMENT_LABELS });
  web = await startWebServer(ctx);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await ctx.search?.client.deleteIndex(indexUid).waitTask();
  ctx.cleanup();
});

function leaksIn(text: string): string[] {
  const lower = text.toLowerCase();
  const phoneDigits = lower.replace(/\s+/g, "");
  return secrets.filter((s) => lower.includes(s.toLowerCase()) || phoneDigits.includes(s.replace(/\s+/g, "")));
}

describe("personal data", () => {
  it("has something to look for: emails of every kind of account and holders' phone numbers", () => {
    expect(secrets.some((s) => s.endsWith("@example.org"))).toBe(true);
    expect(secrets.some((s) => s.startsWith("07700 9"))).toBe(true);
    expect(secrets.some((s) => s === "admin@council.example")).toBe(true);
    expect(secrets.some((s) => s.startsWith("staff@"))).toBe(true);
  });

  it("is never in a search document, as built or as stored in Meilisearch", async () => {
    const ids = ctx.database.db
      .select({ id: services.id })
      .from(services)
      .all()
      .map((r) => r.id);
    const built = [...buildServiceDocuments(ctx.database.db, ids, SEARCH_DOCUMENT_LABELS).values()];
    expect(built.length).toBeGreaterThan(10);
    expect(leaksIn(JSON.stringify(built))).toEqual([]);
    const stored = await ctx.search!.client.index(indexUid).getDocuments({ limit: 10_000 });
    expect(stored.results.length).toBeGreaterThan(10);
    expect(leaksIn(JSON.stringify(stored.results))).toEqual([]);
  });

  it("is never on a page the public can open, reviews and provider pages included", async () => {
    const visitor = new WebClient(web.baseUrl);
    const serviceIds = ctx.database.db
      .select({ id: services.id })
      .from(services)
      .all()
      .map((r) => r.id);
    const slugs = ctx.database.db
      .select({ slug: providers.slug })
      .from(providers)
      .all()
      .map((r) => r.slug);
    const paths = [
      "/",
      "/search",
      "/search?sort=quality",
      "/search?q=margaret",
      "/search?q=example.org",
      "/services",
      "/how-we-rank",
      "/sign-in",
      "/sign-up",
      ...serviceIds.flatMap((id) => [`/services/${id}`, `/services/${id}?sort=lowest`]),
      ...slugs.map((slug) => `/providers/${slug}`),
    ];
    let pagesSeen = 0;
    for (const path of paths) {
      const response = await visitor.get(path);
      if (response.status !== 200) continue;
      pagesSeen++;
      expect(leaksIn(await response.text()), path).toEqual([]);
    }
    // Most services and providers are public; the few that are not (pending, paused) answer 404.
    expect(pagesSeen).toBeGreaterThan(paths.length * 0.8);
  });
});
