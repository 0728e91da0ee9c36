import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, inject, it } from "vitest";
import { createSearchClient, createSearchGateway } from "../../search/client.server";
import { findFreePort, startMeilisearch } from "../../search/meili-process.server";
import { servicesIndexSettings } from "../../search/settings";
import { applyIndexSettings } from "../../search/settings.server";

const meili = inject("meili");
const client = createSearchClient(meili);

// Each test gets its own index so tests can run against a shared server.
const created: string[] = [];
function uniqueIndexUid(): string {
  const uid = `services_test_${randomBytes(6).toString("hex")}`;
  created.push(uid);
  return uid;
}

afterEach(async () => {
  for (const uid of created.splice(0)) await client.deleteIndexIfExists(uid);
});

/** Dead includes zombies: an orphan re-parented to init may wait a moment to be reaped. */
async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  // Field 3, after the parenthesised command name.
  return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
}

async function waitUntilDead(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isAlive(pid))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !(await isAlive(pid));
}

describe("search gateway and index settings", () => {
  it("reports the server healthy", async () => {
    const gateway = createSearchGateway({ ...meili, indexUid: uniqueIndexUid() });
    expect(await gateway.health()).toBe(true);
  });

  it("reports an unreachable server unhealthy instead of throwing", async () => {
    const gateway = createSearchGateway({ host: `http://127.0.0.1:${await findFreePort()}`, apiKey: "x" });
    expect(await gateway.health()).toBe(false);
  });

  it("applies the services settings, idempotently", async () => {
    const indexUid = uniqueIndexUid();
    const gateway = createSearchGateway({ ...meili, indexUid });
    await gateway.applySettings();

    const index = await client.getRawIndex(indexUid);
    expect(index.primaryKey).toBe("id");
    const settings = await client.index(indexUid).getSettings();
    expect(settings.filterableAttributes).toContain("qualityScore");
    expect(settings.sortableAttributes).toEqual(
      expect.arrayContaining(["weekdayRatePence", "qualityScore", "stars", "reviewCount"]),
    );
    expect(settings.rankingRules?.at(-1)).toBe("qualityScore:desc");
    expect(settings.searchableAttributes).toEqual(servicesIndexSettings.settings.searchableAttributes);
    expect(settings.searchableAttributes).toContain("providerName");
    expect(settings.typoTolerance?.enabled).toBe(true);
    expect(settings.synonyms?.["home help"]).toContain("domiciliary care");

    await gateway.applySettings();
    expect(await client.index(indexUid).getSettings()).toEqual(settings);
    expect((await client.getRawIndex(indexUid)).primaryKey).toBe("id");
  });

  it("refuses an index whose primary key differs", async () => {
    const indexUid = uniqueIndexUid();
    await client.createIndex(indexUid, { primaryKey: "uuid" }).waitTask();
    await expect(applyIndexSettings(client, indexUid)).rejects.toThrow(/primary key "uuid"/);
  });

  it("finds documents despite typos and through care synonyms", async () => {
    const indexUid = uniqueIndexUid();
    await applyIndexSettings(client, indexUid);
    const task = await client
      .index(indexUid)
      .addDocuments([
        {
          id: "svc-1",
          title: "Domiciliary care visits",
          category: "domiciliary care",
          description: "Carers visit you at home for personal care and medication prompts.",
          providerName: "Riverside Care Ltd",
          areas: ["Leeds"],
          qualityScore: 80,
        },
        {
          id: "svc-2",
          title: "Garden tidy-ups",
          category: "gardening",
          description: "Lawn mowing and hedge trimming.",
          providerName: "Green Fingers",
          areas: ["Leeds"],
          qualityScore: 60,
        },
        {
          id: "svc-3",
          title: "Weekend short breaks",
          category: "respite",
          description: "Overnight stays by the sea.",
          providerName: "Seaview House",
          areas: ["Scarborough"],
          qualityScore: 70,
        },
      ])
      .waitTask();
    expect(task.status).toBe("succeeded");

    const typo = await client.index(indexUid).search("domicilary");
    expect(typo.hits.map((h) => h.id)).toContain("svc-1");

    const synonym = await client.index(indexUid).search("home help");
    expect(synonym.hits.map((h) => h.id)).toEqual(["svc-1"]);

    const respite = await client.index(indexUid).search("respite");
    expect(respite.hits.map((h) => h.id)).toContain("svc-3");
  });
});

describe("embedded Meilisearch process", () => {
  it("starts, answers /health, and stops (idempotently) without leaving a process", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "care-meili-proc-"));
    try {
      const running = await startMeilisearch({ dataDir });
      expect(running.host).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(running.masterKey.length).toBeGreaterThanOrEqual(32);
      const res = await fetch(`${running.host}/health`);
      expect(await res.json()).toEqual({ status: "available" });

      await Promise.all([running.stop(), running.stop()]);
      await running.stop();
      expect(() => process.kill(running.pid, 0)).toThrow();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("fails clearly when the port is taken, and cleans up", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "care-meili-proc-"));
    try {
      const port = Number(new URL(meili.host).port);
      // Only meaningful against the embedded server on loopback.
      if (!port || !meili.host.includes("127.0.0.1")) return;
      await expect(startMeilisearch({ dataDir, port })).rejects.toThrow(
        /address already in use|another server owns this port/i,
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("does not outlive its parent Node process, even after SIGKILL", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "care-meili-orphan-"));
    const moduleUrl = new URL("../../search/meili-process.server.ts", import.meta.url).href;
    const script = join(dataDir, "start.mjs");
    await writeFile(
      script,
      `const { startMeilisearch } = await import(${JSON.stringify(moduleUrl)});\n` +
        `const running = await startMeilisearch({ dataDir: ${JSON.stringify(join(dataDir, "meili"))} });\n` +
        `console.log(JSON.stringify({ pid: running.pid, host: running.host }));\n` +
        `setInterval(() => {}, 1000);\n`,
    );
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let meiliPid: number | undefined;
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once("line", resolve);
        child.once("exit", (code) => reject(new Error(`child exited (${code}) before reporting: ${stderr}`)));
      });
      const reported = JSON.parse(firstLine) as { pid: number; host: string };
      meiliPid = reported.pid;
      expect(await isAlive(meiliPid)).toBe(true);
      expect((await fetch(`${reported.host}/health`)).ok).toBe(true);

      const childExited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await childExited;

      expect(await waitUntilDead(meiliPid, 5_000)).toBe(true);
    } finally {
      child.kill("SIGKILL");
      // Never leave a server behind, even if the assertion failed.
      if (meiliPid !== undefined && (await isAlive(meiliPid))) process.kill(meiliPid, "SIGKILL");
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
