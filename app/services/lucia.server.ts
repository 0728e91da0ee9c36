/** lucia v3 session manager over the drizzle SQLite tables. */
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan } from "lucia";
import type { Db } from "../../db/client.server";
import { sessions, users } from "../../db/schema";
import type { Role } from "../domain/roles";

export function createLucia(db: Db, secureCookies: boolean) {
  const adapter = new DrizzleSQLiteAdapter(db, sessions, users);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(2, "w"),
    sessionCookie: {
      name: "session",
      expires: false,
      attributes: { secure: secureCookies, sameSite: "lax" },
    },
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      role: attributes.role,
      providerId: attributes.providerId,
    }),
  });
}

export type Auth = ReturnType<typeof createLucia>;

declare module "lucia" {
  interface Register {
    Lucia: Auth;
    DatabaseUserAttributes: {
      email: string;
      name: string;
      role: Role;
      providerId: string | null;
    };
  }
}
