/**
 * Preloaded into the server by `npm run bench:load -- --cpu-prof DIR` (through NODE_OPTIONS, which
 * refuses --cpu-prof itself): profiles the whole process and writes DIR/server-<pid>.cpuprofile on exit,
 * for Chrome DevTools or speedscope.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";
import process from "node:process";

const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 1000 });
  session.post("Profiler.start");
  // In-process inspector calls answer synchronously, so this still works inside an "exit" handler.
  process.on("exit", () => {
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
