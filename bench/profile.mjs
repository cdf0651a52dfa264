// Where a zoom frame goes: the benchmark's scripted interaction (20 wheel zoom-ins, a 500 px
// drag, 20 zoom-outs, one input every 50 ms) on our release build, recorded as a Chrome trace
// and summarised by what the renderer's main thread did (script, style, layout, paint, …).
// A diagnostic, not a budget: `cargo xtask bench` owns the budgets.
//
//   node bench/profile.mjs [--n 1000] [--cpu 4] [--trace FILE]
//
// --cpu N throttles the CPU N× (DevTools' Emulation.setCPUThrottlingRate, as a mid-range
// phone); --trace keeps the raw trace for chrome://tracing or DevTools' Performance panel.
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../e2e/serve.mjs";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/lib/chromium.mjs";
import { ensure, OUT, ROOT } from "./gen.mjs";
import { interactionSteps } from "./steps.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const n = opt("--n", "1000");
const cpu = Number(opt("--cpu", "1"));
const traceFile = opt("--trace", null);

ensure(n);
const server = await serve({ "/out/": OUT, "/": path.resolve(opt("--dist", path.join(ROOT, "dist"))) });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
await page.addInitScript(() => {
  window.__ready = false;
  addEventListener("timeline:ready", () => (window.__ready = true), { capture: true });
});
await page.goto(`${server.url}/index.html?src=/out/ours-${n}.json`);
await page.waitForFunction(() => window.__ready, null, { timeout: 60_000 });
await page.waitForTimeout(300);
const cdp = await page.context().newCDPSession(page);
if (cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });

const box = await page.locator(".tl-viewport").boundingBox();
const x = Math.round(box.x + box.width / 2);
const y = Math.round(box.y + Math.min(box.height / 2, 120));

// Frame intervals from rAF, as the benchmark measures them.
await page.evaluate(() => {
  const rec = (window.__rec = { frames: [], last: null, stop: false });
  const loop = (t) => {
    if (rec.last !== null) rec.frames.push(t - rec.last);
    rec.last = t;
    if (!rec.stop) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
});

const sampling = args.includes("--js");
if (sampling) {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
}
const chunks = [];
cdp.on("Tracing.dataCollected", (e) => chunks.push(...e.value));
const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
await cdp.send("Tracing.start", {
  transferMode: "ReportEvents",
  traceConfig: { includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink", "cc"] },
});

const steps = interactionSteps(cdp, x, y);
const t0 = Date.now();
const pending = [];
for (let i = 0; i < steps.length; i++) {
  const wait = t0 + i * 50 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  pending.push(steps[i]());
}
await Promise.all(pending);
await page.waitForTimeout(500);
const cpuProfile = sampling ? (await cdp.send("Profiler.stop")).profile : null;
await cdp.send("Tracing.end");
await done;
const frames = await page.evaluate(() => ((window.__rec.stop = true), window.__rec.frames));
await browser.close();
server.close();
if (traceFile) fs.writeFileSync(traceFile, JSON.stringify({ traceEvents: chunks }));

// Self time per event name on the renderer main thread (complete events, nested ones
// subtracted from their parents).
const main = chunks.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
// Thread time (tdur: CPU time the thread ran) where the trace has it: wall time counts the
// waits of a machine shared with other work.
const useCpu = process.argv.includes("--wall") ? false : chunks.some((e) => e.tdur !== undefined);
const mine = chunks
  .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur)
  .map((e) => (useCpu ? { ...e, wall: e.dur, dur: e.tdur ?? 0, ts: e.tts ?? e.ts } : e))
  .filter((e) => e.dur > 0);
mine.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const self = new Map();
const stack = [];
for (const e of mine) {
  while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
  if (stack.length) {
    const p = stack[stack.length - 1];
    self.set(p.name, (self.get(p.name) ?? 0) - e.dur);
  }
  self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
  stack.push(e);
}
const total = [...self.values()].reduce((a, b) => a + Math.max(0, b), 0);
const sorted = frames.slice().sort((a, b) => a - b);
const p95 = sorted[Math.floor(0.95 * (sorted.length - 1))];
console.log(`${n} events, CPU ×${cpu}: ${frames.length} frames, p95 ${p95?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms, >50 ms: ${frames.filter((f) => f > 50).length}`);
console.log(`renderer main thread busy ${(total / 1000).toFixed(0)} ms of ${useCpu ? "CPU (thread time)" : "wall time"}; self time by event:`);
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14)) {
  console.log(`  ${name.padEnd(34)} ${(us / 1000).toFixed(1).padStart(8)} ms  ${((100 * us) / total).toFixed(1).padStart(5)} %`);
}
// Style recalcs: how many elements each touched.
const styles = mine.filter((e) => e.name === "UpdateLayoutTree");
const counts = styles.map((e) => e.args?.elementCount ?? e.args?.data?.elementCount ?? 0);
if (styles.length) console.log(`style recalcs: ${styles.length}, elements restyled per recalc: median ${counts.sort((a, b) => a - b)[counts.length >> 1]}, max ${counts.at(-1)}`);
const layouts = mine.filter((e) => e.name === "Layout");
const dirty = layouts.map((e) => e.args?.beginData?.dirtyObjects ?? 0).sort((a, b) => a - b);
if (layouts.length) console.log(`layouts: ${layouts.length}, dirty objects per layout: median ${dirty[dirty.length >> 1]}, max ${dirty.at(-1)}`);
if (errors.length) console.log(`page errors: ${errors.join("; ")}`);

// --js: where script time goes, by function (self time from the sampling profiler).
if (cpuProfile) {
  const byId = new Map(cpuProfile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const dt = cpuProfile.timeDeltas;
  cpuProfile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const name = `${f.functionName || "(anonymous)"} ${f.url ? f.url.split("/").pop() : ""}`;
    selfUs.set(name, (selfUs.get(name) ?? 0) + (dt[i + 1] ?? 0));
  });
  const all = [...selfUs.values()].reduce((a, b) => a + b, 0);
  // Inclusive time of our own functions (a name containing "timeline::" or "timeline_core::").
  const parent = new Map();
  for (const n of cpuProfile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  cpuProfile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n).callFrame.functionName;
      if (!/timeline(_core)?::|tachys::view::keyed|reactive_graph::effect/.test(f)) continue;
      const key = f.replace(/::h[0-9a-f]{16}$/, "");
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + (dt[i + 1] ?? 0));
    }
  });
  console.log("inclusive time of our functions (sampled):");
  for (const [name, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${name.slice(0, 100).padEnd(100)} ${(us / 1000).toFixed(1).padStart(8)} ms`);
  }
  console.log("script self time by function (sampled):");
  for (const [name, us] of [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${name.slice(0, 70).padEnd(70)} ${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / all).toFixed(1).padStart(5)} %`);
  }
}
