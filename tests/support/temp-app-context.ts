/** A fresh SQLite file per suite, migrated, removed afterwards. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAppContext, type AppContext } from "../../app/services/context.server";

export function tempAppContext(): AppContext & { cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "care-db-"));
  const ctx = createAppContext({ databasePath: join(dir, "test.sqlite"), secureCookies: false });
  return {
    ...ctx,
    cleanup() {
      ctx.database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
