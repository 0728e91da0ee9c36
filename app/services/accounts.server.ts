/**
 * Accounts: sign up, sign in, sign out, and making council admins. Each use case is one transaction.
 */
import { randomUUID } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { immediateTransaction } from "../../db/client.server";
import { budgetHolders, providers, signInAttempts, users } from "../../db/schema";
import type { ProviderTypeKey } from "../domain/provider-types";
import type { Role, SelfSignUpRole } from "../domain/roles";
import { decideSignIn, SIGN_IN_WINDOW_MS } from "../domain/sign-in-throttle";
import { uniqueSlug } from "../domain/slug";
import type { AppContext } from "./context.server";
import { enqueueSearchChange } from "./outbox.server";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./passwords.server";

export interface SignUpInput {
  role: SelfSignUpRole;
  name: string;
  email: string;
  password: string;
  /** Budget holders: the locality they live in. */
  area?: string;
  /** Provider staff: the organisation they are signing up. */
  providerName?: string;
  providerType?: ProviderTypeKey;
}

export type FieldError = { ok: false; field: string; message: string };
export type SignedIn = { ok: true; userId: string; role: Role; sessionCookie: string };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function emailTaken(ctx: AppContext, email: string): boolean {
  return ctx.database.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get() !== undefined;
}

/**
 * Creates the account (and, for provider staff, the provider organisation, pending approval).
 * `passwordHash` may be given by the demo-data generator so thousands of accounts need not be hashed.
 */
export async function createAccount(
  ctx: AppContext,
  input: SignUpInput | (Omit<SignUpInput, "role"> & { role: Role }),
  options: { passwordHash?: string } = {},
): Promise<{ ok: true; userId: string; providerId: string | null } | FieldError> {
  const email = normaliseEmail(input.email);
  if (emailTaken(ctx, email)) {
    return {
      ok: false,
      field: "email",
      message: "An account with this email address already exists. Sign in instead.",
    };
  }
  const passwordHash = options.passwordHash ?? (await hashPassword(input.password));
  const now = Date.now();
  return immediateTransaction(ctx.database, (tx) => {
    // Checked again inside the write lock: two sign-ups with one address cannot both win.
    if (emailTaken(ctx, email)) {
      return {
        ok: false,
        field: "email",
        message: "An account with this email address already exists. Sign in instead.",
      } as const;
    }
    const userId = randomUUID();
    let providerId: string | null = null;
    if (input.role === "provider_staff") {
      providerId = randomUUID();
      const providerName = (input.providerName ?? "").trim();
      const slug = uniqueSlug(
        providerName,
        (candidate) =>
          tx.select({ id: providers.id }).from(providers).where(eq(providers.slug, candidate)).get() !== undefined,
      );
      tx.insert(providers)
        .values({
          id: providerId,
          slug,
          name: providerName,
          type: input.providerType ?? "home_care_agency",
          accreditationStatus: "pending",
          updatedAt: now,
        })
        .run();
      enqueueSearchChange(tx, "provider", providerId, "upsert");
    }
    tx.insert(users)
      .values({
        id: userId,
        email,
        passwordHash,
        name: input.name.trim(),
        role: input.role,
        providerId,
        createdAt: now,
      })
      .run();
    if (input.role === "budget_holder") {
      tx.insert(budgetHolders)
        .values({ userId, preferredName: input.name.trim().split(/\s+/)[0] ?? input.name, area: input.area ?? null })
        .run();
    }
    return { ok: true, userId, providerId } as const;
  });
}

export async function signUp(ctx: AppContext, input: SignUpInput): Promise<SignedIn | FieldError> {
  const created = await createAccount(ctx, input);
  if (!created.ok) return created;
  return { ok: true, userId: created.userId, role: input.role, sessionCookie: await startSession(ctx, created.userId) };
}

async function startSession(ctx: AppContext, userId: string): Promise<string> {
  const session = await ctx.auth.createSession(userId, {});
  return ctx.auth.createSessionCookie(session.id).serialize();
}

export type SignInResult =
  | SignedIn
  | { ok: false; reason: "invalid"; message: string }
  | { ok: false; reason: "throttled"; message: string; retryAfterMs: number };

/**
 * Checks the password, with a rate limit per account and per network address. A fresh session is
 * created every time (never reusing one that came with the request), so a planted session id is useless.
 */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string; ip: string; previousSessionId?: string | null },
  now = Date.now(),
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const { db } = ctx.database;
  const since = now - SIGN_IN_WINDOW_MS;
  const failuresWhere = (column: typeof signInAttempts.email | typeof signInAttempts.ip, value: string) =>
    db
      .select({ at: signInAttempts.attemptedAt })
      .from(signInAttempts)
      .where(and(eq(column, value), eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, since)))
      .all()
      .map((r) => r.at);
  const decision = decideSignIn({
    now,
    accountFailures: failuresWhere(signInAttempts.email, email),
    ipFailures: failuresWhere(signInAttempts.ip, input.ip),
  });
  if (!decision.allowed) {
    return { ok: false, reason: "throttled", message: decision.message, retryAfterMs: decision.retryAfterMs };
  }

  const user = db.select().from(users).where(eq(users.email, email)).get();
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  db.insert(signInAttempts).values({ email, ip: input.ip, succeeded: valid, attemptedAt: now }).run();
  if (!user || !valid) {
    return {
      ok: false,
      reason: "invalid",
      message: "The email address or password is not right. Check them and try again.",
    };
  }
  if (input.previousSessionId) await ctx.auth.invalidateSession(input.previousSessionId);
  return { ok: true, userId: user.id, role: user.role, sessionCookie: await startSession(ctx, user.id) };
}

/** Ends the session on the server, so the old cookie is worthless even if copied. */
export async function signOut(ctx: AppContext, sessionId: string): Promise<string> {
  await ctx.auth.invalidateSession(sessionId);
  return ctx.auth.createBlankSessionCookie().serialize();
}

/** Council admins are never made by sign-up: only by the seed or `npm run create-admin`. */
export async function createCouncilAdmin(
  ctx: AppContext,
  input: { name: string; email: string; password: string },
): Promise<{ ok: true; userId: string } | FieldError> {
  const created = await createAccount(ctx, { ...input, role: "council_admin" });
  return created.ok ? { ok: true, userId: created.userId } : created;
}
