// End-to-end journeys against the release build in dist/, driving Debian's Chromium with
// playwright-core (no browser download). Screenshots go to e2e/out/ (ignored by git).
//   node e2e/run.mjs            all journeys
//   node e2e/run.mjs popover    journeys whose name contains "popover"
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./serve.mjs";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./lib/chromium.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const dist = path.join(root, "dist");
const out = path.join(here, "out");
fs.mkdirSync(out, { recursive: true });


if (!fs.existsSync(path.join(dist, "index.html"))) {
  console.error("dist/ is missing: run `cargo xtask build` first");
  process.exit(1);
}

const filter = process.argv[2] || "";
const files = fs
  .readdirSync(path.join(here, "journeys"))
  .filter((f) => f.endsWith(".mjs"))
  .sort();

const roots = { "/fixtures/": path.join(root, "tests", "bundles"), "/examples/": path.join(root, "examples"), "/": dist };
const server = await serve(roots);
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});

let passed = 0;
let failed = 0;
for (const file of files) {
  const mod = await import(path.join(here, "journeys", file));
  for (const [name, fn] of Object.entries(mod.journeys)) {
    if (filter && !`${file} ${name}`.includes(filter)) continue;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    const shot = async (label, p = page) => {
      const f = path.join(out, `${file.replace(".mjs", "")}--${label}.png`);
      await p.screenshot({ path: f, fullPage: true });
      return f;
    };
    const t0 = Date.now();
    try {
      await fn({ page, context, browser, base: server.url, shot, errors, serve, dist, root });
      console.log(`ok   ${file} › ${name} (${Date.now() - t0} ms)`);
      passed++;
    } catch (e) {
      console.log(`FAIL ${file} › ${name}\n     ${String(e.stack || e).split("\n").slice(0, 6).join("\n     ")}`);
      try { await shot(`${name.replace(/\W+/g, "-")}-failure`); } catch {}
      failed++;
    }
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`\ne2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
