// Frame time in Chromium against the production build: `vite preview` on port 4319 (started and
// stopped here), each scenario loaded through `window.__topicscope.load(...)` and played at 1x for
// 10 s while requestAnimationFrame timestamps and 'longtask' entries are recorded in the page.
// Headless Chromium with --disable-gpu rasterizes in software.
import { type ChildProcess, spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { productionBuild, REPO_ROOT } from "./build";
import type { RunContext } from "./engine";
import type { Measured } from "./figures";
import { classroomScenario, largeScenario } from "./scenarios";
import { percentile } from "./stats";

const PORT = 4319;
const URL = `http://127.0.0.1:${PORT}/`;
const FRAME_MS = 1000 / 60;

export interface FrameSample {
  /** requestAnimationFrame timestamps (ms). */
  frames: number[];
  /** Durations of 'longtask' entries (ms). */
  longTasks: number[];
  /** Simulated µs the worker reached when the window ended. */
  nowUs: number;
  /** Wall ms between play(1) and the end of the window. */
  playedMs: number;
}

export interface FrameStats {
  p50: number;
  p95: number;
  p99: number;
  over16_7: number;
  dropped: number;
  longTasks: number;
  simProgressPct: number;
}

export function frameStats(sample: FrameSample): FrameStats {
  const deltas = sample.frames.slice(1).map((t, i) => t - sample.frames[i]!);
  return {
    p50: percentile(deltas, 50),
    p95: percentile(deltas, 95),
    p99: percentile(deltas, 99),
    over16_7: deltas.filter((d) => d > 16.7).length,
    dropped: deltas.reduce((n, d) => n + Math.max(0, Math.round(d / FRAME_MS) - 1), 0),
    longTasks: sample.longTasks.length,
    simProgressPct: (sample.nowUs / 1000 / sample.playedMs) * 100,
  };
}

/**
 * Runs in the page: observes long tasks, calls play(1), collects requestAnimationFrame timestamps
 * for `ms`, then pauses and reads how far the worker got. Plain JavaScript source (not a compiled
 * function) because tsx's name-keeping helper does not exist in the page.
 */
const RECORD_FRAMES = `async (ms) => {
  const frames = [];
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: "longtask" });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  window.__topicscope.play(1);
  const start = performance.now();
  await new Promise((resolve) => {
    function tick(t) {
      frames.push(t);
      if (t - start < ms) requestAnimationFrame(tick);
      else resolve();
    }
    requestAnimationFrame(tick);
  });
  const playedMs = performance.now() - start;
  for (const entry of observer.takeRecords()) longTasks.push(entry.duration);
  observer.disconnect();
  // advanceTo(0) pauses and reports where the worker is without moving it.
  const { nowUs } = await window.__topicscope.advanceTo(0);
  return { frames, longTasks, nowUs, playedMs };
}`;

async function startPreview(outDir: string): Promise<ChildProcess> {
  const child = spawn(
    "npx",
    ["vite", "preview", "--host", "127.0.0.1", "--port", String(PORT), "--strictPort", "--outDir", outDir],
    { cwd: REPO_ROOT, stdio: ["ignore", "ignore", process.stderr], detached: true },
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`vite preview exited with ${child.exitCode} (port ${PORT} taken?)`);
    try {
      if ((await fetch(URL)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stopPreview(child);
  throw new Error(`vite preview did not answer on ${URL}`);
}

function stopPreview(child: ChildProcess): void {
  // npx starts vite as a child: end the whole process group we created (detached: true).
  if (child.pid !== undefined && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
  }
}

export async function measureFrames(ctx: RunContext): Promise<Measured> {
  const outDir = await productionBuild(ctx);
  const playMs = ctx.quick ? 2_000 : 10_000;
  const preview = await startPreview(outDir);
  const cleanup = () => stopPreview(preview);
  process.on("exit", cleanup);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    ctx.log(`frames: Chromium ${browser.version()} (headless, --disable-gpu: software rendering)`);
    const out: Measured = {};
    let totalLongTasks = 0;
    for (const bench of [classroomScenario(), largeScenario()]) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      const pageErrors: string[] = [];
      page.on("pageerror", (e) => pageErrors.push(e.message));
      page.on("console", (m) => m.type() === "error" && pageErrors.push(m.text()));
      await page.goto(URL);
      await page.waitForSelector("[data-testid=scene]");
      const errors = await page.evaluate((s) => window.__topicscope!.load(s), bench.scenario);
      if (errors.length > 0) throw new Error(`${bench.name}: load failed: ${errors.join("; ")}`);
      await page.waitForTimeout(500);
      const sample = (await page.evaluate(`(${RECORD_FRAMES})(${playMs})`)) as FrameSample;
      await page.close();
      if (pageErrors.length > 0) ctx.log(`frames ${bench.name}: page errors: ${pageErrors.join(" | ")}`);
      const s = frameStats(sample);
      ctx.log(
        `frames ${bench.name}: ${sample.frames.length} frames in ${(sample.playedMs / 1000).toFixed(1)} s; p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ${s.over16_7} > 16.7 ms, ${s.dropped} vsyncs missed, ${s.longTasks} long tasks (${sample.longTasks.map((d) => d.toFixed(0)).join(", ")} ms), sim reached ${(sample.nowUs / 1e6).toFixed(2)} s`,
      );
      totalLongTasks += s.longTasks;
      if (bench.name === "classroom") {
        Object.assign(out, {
          frameP50MsClassroom: s.p50,
          frameP95MsClassroom: s.p95,
          frameP99MsClassroom: s.p99,
          framesOver16_7msClassroom: s.over16_7,
          droppedFramesClassroom: s.dropped,
          longTasksClassroom: s.longTasks,
          simProgressPctClassroom: s.simProgressPct,
        } satisfies Measured);
      } else {
        Object.assign(out, {
          frameP50MsLarge: s.p50,
          frameP95MsLarge: s.p95,
          frameP99MsLarge: s.p99,
          framesOver16_7msLarge: s.over16_7,
          droppedFramesLarge: s.dropped,
          longTasksLarge: s.longTasks,
          simProgressPctLarge: s.simProgressPct,
        } satisfies Measured);
      }
    }
    out.longTasksOver50ms = totalLongTasks;
    return out;
  } finally {
    await browser.close();
    cleanup();
    process.off("exit", cleanup);
  }
}
