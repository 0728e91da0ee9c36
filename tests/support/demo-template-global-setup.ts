/** Integration globalSetup: a folder for this run's demo data copies (./demo-data-template.ts). */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "care-demo-templates-"));
  project.provide("demoTemplates", dir);
  return () => rm(dir, { recursive: true, force: true });
}
