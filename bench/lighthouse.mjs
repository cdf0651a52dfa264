// Lighthouse mode of the benchmark (`cargo xtask bench --lighthouse`, issue 15): Lighthouse 12's
// mobile preset (simulated slow 4G, 4× CPU slowdown, a 412 px wide phone) on our page, the two
// incumbents' pages with the same real dataset, the hostile news article with four embeds and a
// long article whose widget is three screens down. Medians of N runs (default 3), each in a fresh
// Chromium, targets interleaved with the first one rotating per run. See bench/README.md.
//
//   node bench/lighthouse.mjs [--reps 3] [--targets ours,vis,tljs,article,long] [--out FILE]
//                             [--baseline DIR]
// --baseline DIR adds our index.html and news article from another build (say main's dist/) to
// the same run, for before/after figures.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { serve } from "../e2e/serve.mjs";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/lib/chromium.mjs";
import { ensure, OUT, ROOT } from "./gen.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const MODULES = path.join(here, "node_modules");

const TARGETS = {
  ours: { label: "ours, index.html (real dataset)", path: "/index.html" },
  vis: { label: "vis-timeline 8.5.4 (same events)", path: "/bench/vis.html?src=/out/vis-real.json" },
  tljs: { label: "TimelineJS 3.9.11 (same events)", path: "/bench/tljs.html?src=/out/tljs-real.json" },
  article: { label: "ours, examples/news-article.html (4 embeds)", path: "/examples/news-article.html" },
  long: { label: "ours, examples/long-article.html (widget 3 screens down)", path: "/examples/long-article.html" },
};

const USAGE = `usage: node bench/lighthouse.mjs [--reps N] [--targets LIST] [--out FILE] [--baseline DIR]
  --reps N        runs per page, medians reported (default 3)
  --targets LIST  some of ${Object.keys(TARGETS).join(",")} (default all)
  --out FILE      JSON results (default bench/out/lighthouse.json)
  --baseline DIR  also our index.html and news article from another build's dist/ (before/after)`;

function parseArgs(argv) {
  const o = { reps: 3, targets: Object.keys(TARGETS), out: path.join(OUT, "lighthouse.json") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (argv[i + 1] === undefined) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--lighthouse") continue;
    else if (a === "--reps") o.reps = Number(val());
    else if (a === "--targets") o.targets = val().split(",").map((s) => s.trim()).filter(Boolean);
    else if (a === "--out") o.out = path.resolve(val());
    else if (a === "--baseline") o.baseline = path.resolve(val());
    else if (a === "-h" || a === "--help") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!(o.reps >= 1)) throw new Error("--reps must be at least 1");
  if (o.baseline) {
    if (!fs.existsSync(path.join(o.baseline, "timeline_bg.wasm"))) throw new Error(`--baseline: no timeline_bg.wasm in ${o.baseline}`);
    const name = path.basename(path.dirname(o.baseline));
    TARGETS["base-ours"] = { label: `baseline (${name}), index.html`, path: "/baseline/index.html" };
    TARGETS["base-article"] = { label: `baseline (${name}), news-article.html`, path: "/baseline/examples/news-article.html" };
    o.targets.push("base-ours", "base-article");
  }
  for (const t of o.targets) if (!TARGETS[t]) throw new Error(`--targets: unknown target ${t}`);
  return o;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`bench: ${e.message}\n${USAGE}`);
  process.exit(2);
}

const median = (xs) => {
  const v = xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

// A snapshot of dist/ (with its .br/.gz copies), so a rebuild during the run cannot mix builds.
const DIST = path.join(OUT, "dist-snapshot-lighthouse");
const source = path.join(ROOT, "dist");
if (!fs.existsSync(path.join(source, "timeline_bg.wasm"))) {
  console.error("bench: dist/ is missing: run `cargo xtask build` first");
  process.exit(1);
}
fs.rmSync(DIST, { recursive: true, force: true });
fs.cpSync(source, DIST, { recursive: true, filter: (src) => path.basename(src) !== ".stage" });
ensure("real");

// Served compressed, as a real host would (else Lighthouse blames us for the host's missing
// compression): our precompressed copies, the incumbents' files compressed at the same settings.
const BASELINE = path.join(OUT, "dist-snapshot-baseline");
if (opts.baseline) {
  fs.rmSync(BASELINE, { recursive: true, force: true });
  fs.cpSync(opts.baseline, BASELINE, { recursive: true, filter: (src) => path.basename(src) !== ".stage" });
}
const server = await serve(
  {
    ...(opts.baseline ? { "/baseline/": BASELINE } : {}),
    "/bench/": path.join(here, "pages"),
    "/out/": OUT,
    "/lib/vis/": path.join(MODULES, "vis-timeline"),
    "/lib/tljs/": path.join(MODULES, "@knight-lab/timelinejs/dist"),
    "/": DIST,
  },
  { compress: true },
);

const FLAGS = [
  "--headless=new",
  ...CHROMIUM_ARGS,
  // No internet here: TimelineJS' font CSS points at another host; fail such requests at once.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

async function run(target, rep) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: FLAGS, logLevel: "silent" });
  try {
    const result = await lighthouse(
      `${server.url}${TARGETS[target].path}`,
      {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance"],
        // Its full-page screenshot makes the viewport as tall as the page, which would bring
        // every lazy widget "near" and load it inside the measured window.
        disableFullPageScreenshot: true,
      },
    );
    const lhr = result.lhr;
    // The whole report, for a look at what Lighthouse saw (open it in the Lighthouse viewer).
    fs.mkdirSync(path.join(OUT, "lighthouse"), { recursive: true });
    fs.writeFileSync(path.join(OUT, "lighthouse", `${target}-${rep}.json`), result.report);
    const audit = (id) => lhr.audits[id]?.numericValue ?? null;
    const requests = lhr.audits["network-requests"]?.details?.items ?? [];
    const widget = requests.filter((r) => /\/(timeline(_bg)?\.(js|wasm|css)|sino-soviet-1950-1965\.json)$/.test(r.url));
    return {
      target,
      performance: lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100),
      fcp_ms: audit("first-contentful-paint"),
      lcp_ms: audit("largest-contentful-paint"),
      tbt_ms: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
      si_ms: audit("speed-index"),
      bytes: audit("total-byte-weight"),
      lcp_element: lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
      widget_files: widget.map((r) => new URL(r.url).pathname),
      runtime_error: lhr.runtimeError?.message ?? null,
      warnings: lhr.runWarnings ?? [],
      lighthouse: lhr.lighthouseVersion,
      user_agent: lhr.environment?.hostUserAgent,
    };
  } finally {
    await chrome.kill();
  }
}

const started = Date.now();
const runs = [];
try {
  for (let rep = 0; rep < opts.reps; rep++) {
    const order = opts.targets.map((_, i) => opts.targets[(i + rep) % opts.targets.length]);
    for (const t of order) {
      const t0 = Date.now();
      let r;
      try {
        r = await run(t, rep + 1);
      } catch (e) {
        r = { target: t, runtime_error: String(e.message || e) };
      }
      r.rep = rep + 1;
      r.loadavg_1min = Math.round(os.loadavg()[0] * 100) / 100;
      runs.push(r);
      const what = r.runtime_error
        ? `error: ${r.runtime_error}`
        : `performance ${r.performance}, LCP ${Math.round(r.lcp_ms)} ms, TBT ${Math.round(r.tbt_ms)} ms, CLS ${r.cls?.toFixed(3)}, ${Math.round(r.bytes / 1024)} KB`;
      console.error(`bench: lighthouse rep ${rep + 1}/${opts.reps} ${t}: ${what} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }
} finally {
  await server.close();
}

const fmt = (v, d = 0) => (v === null || v === undefined || !Number.isFinite(v) ? "–" : v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }).replace(/,/g, " "));
const summary = opts.targets.map((t) => {
  const ok = runs.filter((r) => r.target === t && !r.runtime_error);
  const m = { target: t, runs: ok.length };
  for (const k of ["performance", "fcp_ms", "lcp_ms", "tbt_ms", "cls", "si_ms", "bytes"]) m[k] = median(ok.map((r) => r[k]));
  return m;
});
const lines = [
  `### Lighthouse ${runs.find((r) => r.lighthouse)?.lighthouse ?? "?"}, mobile preset (medians of ${opts.reps})\n`,
  "| page | performance | FCP (s) | LCP (s) | TBT (ms) | CLS | Speed Index (s) | bytes (KB) |",
  "|---|---:|---:|---:|---:|---:|---:|---:|",
];
for (const m of summary) {
  const partial = m.runs < opts.reps ? ` (${m.runs}/${opts.reps} runs)` : "";
  lines.push(`| ${TARGETS[m.target].label}${partial} | ${fmt(m.performance)} | ${fmt(m.fcp_ms / 1000, 1)} | ${fmt(m.lcp_ms / 1000, 1)} | ${fmt(m.tbt_ms)} | ${fmt(m.cls, 3)} | ${fmt(m.si_ms / 1000, 1)} | ${fmt(m.bytes / 1024)} |`);
}
const long = runs.filter((r) => r.target === "long" && !r.runtime_error);
if (long.length) {
  const files = [...new Set(long.flatMap((r) => r.widget_files))];
  lines.push("", `Long article, before the reader scrolls: the widget's files fetched: ${files.length ? files.join(", ") : "none beyond boot.js"}.`);
}
const errors = runs.filter((r) => r.runtime_error);
if (errors.length) lines.push("", ...errors.map((r) => `Run ${r.rep} of ${r.target}: ${r.runtime_error}`));
lines.push("", `Chromium ${runs.find((r) => r.user_agent)?.user_agent?.match(/Chrome\/([\d.]+)/)?.[1] ?? "?"} headless, Node ${process.version}, ${os.availableParallelism?.() ?? os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; ${((Date.now() - started) / 60000).toFixed(1)} min. Simulated throttling: compare within one run.`);
console.log(lines.join("\n"));
fs.mkdirSync(path.dirname(opts.out), { recursive: true });
fs.writeFileSync(opts.out, JSON.stringify({ date: new Date().toISOString(), settings: opts, summary, runs }, null, 1));
console.error(`bench: results in ${path.relative(process.cwd(), opts.out)}`);
process.exit(errors.length === runs.length ? 1 : 0);
