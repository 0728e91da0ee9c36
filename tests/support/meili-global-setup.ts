/**
 * Integration globalSetup: one Meilisearch for the whole run. Uses MEILI_HOST
 * (and MEILI_MASTER_KEY) when set, otherwise an embedded server in a temp dir.
 * Tests read the connection with inject('meili').
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { connectMeilisearch } from "../../search/connection.server";

declare module "vitest" {
  export interface ProvidedContext {
    meili: { host: string; apiKey: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // No temp dir needed for an external server.
  const dataDir = process.env.MEILI_HOST ? null : await mkdtemp(join(tmpdir(), "care-meili-test-"));
  try {
    const connection = await connectMeilisearch({ dataDir: dataDir ?? tmpdir() });
    project.provide("meili", { host: connection.host, apiKey: connection.apiKey });
    return async () => {
      await connection.embedded?.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    };
  } catch (error) {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
