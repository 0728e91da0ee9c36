import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetHolders, providers, searchOutbox, users } from "../../db/schema";
import { MAX_FAILURES_PER_ACCOUNT } from "../../app/domain/sign-in-throttle";
import { createCouncilAdmin, signIn, signOut, signUp } from "../../app/services/accounts.server";
import { tempAppContext } from "../support/temp-app-context";

const ctx = tempAppContext();
afterAll(() => ctx.cleanup());

function sessionIdFrom(cookie: string): string {
  const id = ctx.auth.readSessionCookie(cookie);
  if (!id) throw new Error(`no session id in ${cookie}`);
  return id;
}

describe("sign up", () => {
  it("creates a budget holder with a profile and a signed-in session", async () => {
    const result = await signUp(ctx, {
      role: "budget_holder",
      name: "Margaret Ellis",
      email: "  Margaret.Ellis@Example.org ",
      password: "a long enough password",
      area: "Wigan",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const user = ctx.database.db.select().from(users).where(eq(users.id, result.userId)).get();
    expect(user?.email).toBe("margaret.ellis@example.org");
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    const profile = ctx.database.db.select().from(budgetHolders).where(eq(budgetHolders.userId, result.userId)).get();
    expect(profile).toMatchObject({ preferredName: "Margaret", area: "Wigan" });
    const { user: sessionUser } = await ctx.auth.validateSession(sessionIdFrom(result.sessionCookie));
    expect(sessionUser?.role).toBe("budget_holder");
  });

  it("refuses an email address that is already taken, whatever its letter case", async () => {
    const result = await signUp(ctx, {
      role: "family_member",
      name: "Someone Else",
      email: "MARGARET.ELLIS@example.org",
      password: "another long password",
    });
    expect(result).toMatchObject({ ok: false, field: "email" });
  });

  it("creates the provider organisation, pending approval, and tells the search outbox", async () => {
    const result = await signUp(ctx, {
      role: "provider_staff",
      name: "Joanne Price",
      email: "joanne@brightside.example",
      password: "a long enough password",
      providerName: "Brightside Home Care",
      providerType: "home_care_agency",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const user = ctx.database.db.select().from(users).where(eq(users.id, result.userId)).get();
    expect(user?.providerId).toBeTruthy();
    const provider = ctx.database.db.select().from(providers).where(eq(providers.id, user!.providerId!)).get();
    expect(provider).toMatchObject({
      name: "Brightside Home Care",
      slug: "brightside-home-care",
      accreditationStatus: "pending",
    });
    const outbox = ctx.database.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, provider!.id)).all();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: "provider", operation: "upsert", processedAt: null });
  });

  it("gives a second provider with the same name its own address", async () => {
    const result = await signUp(ctx, {
      role: "provider_staff",
      name: "Other Person",
      email: "other@brightside2.example",
      password: "a long enough password",
      providerName: "Brightside Home Care",
      providerType: "home_care_agency",
    });
    expect(result.ok).toBe(true);
    const slugs = ctx.database.db
      .select({ slug: providers.slug })
      .from(providers)
      .all()
      .map((r) => r.slug);
    expect(slugs.sort()).toEqual(["brightside-home-care", "brightside-home-care-2"]);
  });
});

describe("sign in and out", () => {
  beforeAll(async () => {
    await createCouncilAdmin(ctx, {
      name: "Helen Carter",
      email: "helen@council.example",
      password: "council password 1",
    });
  });

  it("signs in with the right password and refuses a wrong one with the same message as an unknown email", async () => {
    const ok = await signIn(ctx, { email: "Helen@Council.example", password: "council password 1", ip: "10.0.0.1" });
    expect(ok).toMatchObject({ ok: true, role: "council_admin" });
    const wrong = await signIn(ctx, { email: "helen@council.example", password: "nope", ip: "10.0.0.1" });
    const unknown = await signIn(ctx, { email: "nobody@council.example", password: "nope", ip: "10.0.0.1" });
    expect(wrong).toMatchObject({ ok: false, reason: "invalid" });
    expect(unknown).toMatchObject({ ok: false, reason: "invalid" });
    if (!wrong.ok && !unknown.ok) expect(wrong.message).toBe(unknown.message);
  });

  it("gives a new session id at every sign-in and ends the one the browser came with (no session fixation)", async () => {
    const first = await signIn(ctx, { email: "helen@council.example", password: "council password 1", ip: "10.0.0.2" });
    if (!first.ok) throw new Error("sign-in failed");
    const firstId = sessionIdFrom(first.sessionCookie);
    const second = await signIn(ctx, {
      email: "helen@council.example",
      password: "council password 1",
      ip: "10.0.0.2",
      previousSessionId: firstId,
    });
    if (!second.ok) throw new Error("sign-in failed");
    const secondId = sessionIdFrom(second.sessionCookie);
    expect(secondId).not.toBe(firstId);
    expect((await ctx.auth.validateSession(firstId)).session).toBeNull();
    expect((await ctx.auth.validateSession(secondId)).session).not.toBeNull();
  });

  it("signing out ends the session on the server", async () => {
    const result = await signIn(ctx, {
      email: "helen@council.example",
      password: "council password 1",
      ip: "10.0.0.3",
    });
    if (!result.ok) throw new Error("sign-in failed");
    const id = sessionIdFrom(result.sessionCookie);
    const blank = await signOut(ctx, id);
    expect(blank).toMatch(/^session=;/);
    expect((await ctx.auth.validateSession(id)).session).toBeNull();
  });

  it(`blocks an account after ${MAX_FAILURES_PER_ACCOUNT} failed tries in 15 minutes, even with the right password`, async () => {
    await signUp(ctx, {
      role: "family_member",
      name: "Sam Ellis",
      email: "sam@example.org",
      password: "sam's long password",
    });
    const now = Date.now();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const attempt = await signIn(
        ctx,
        { email: "sam@example.org", password: `guess ${i}`, ip: `10.1.0.${i}` },
        now + i,
      );
      expect(attempt).toMatchObject({ ok: false, reason: "invalid" });
    }
    const blocked = await signIn(
      ctx,
      { email: "sam@example.org", password: "sam's long password", ip: "10.9.9.9" },
      now + 100,
    );
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    if (!blocked.ok) expect(blocked.message).toMatch(/wait 15 minutes/);
    // Once the window has passed, the right password works again.
    const later = await signIn(
      ctx,
      { email: "sam@example.org", password: "sam's long password", ip: "10.9.9.9" },
      now + 15 * 60 * 1000 + 10,
    );
    expect(later.ok).toBe(true);
  });
});
