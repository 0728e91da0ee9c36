import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    // Vitest 3.2 `projects` (replaces the deprecated workspace file).
    // `extends: true` makes each project inherit the alias above.
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // One Meilisearch for the whole run (or MEILI_HOST); tests use their own index uids. And a folder
          // for the demo data, seeded once a run and copied into each suite's database.
          globalSetup: ["tests/support/meili-global-setup.ts", "tests/support/demo-template-global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Child processes (Meilisearch, native sqlite) behave better in forks than threads.
          pool: "forks",
        },
      },
    ],
  },
});
