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

// Every journey fails on a console error or page error it did not expect. Listeners go on every
// page of every context a journey uses (its own, and any it makes with `browser.newContext` or
// `browser.newPage`), pages opened later included (popups, `context.newPage`); messages from
// iframes reach their page's listeners. They are collected, in order, into the journey's
// `errors` array, which journeys may read and also consume (splice out an error they asserted
// on). What is left when the journey returns must match its module's allow-list:
//   export const allow = { "<journey name>": [/regex/, …], "*": [/regex/, …] };
// ("*" applies to every journey of the module). A message from a page other than the journey's
// `page` is prefixed with "[<that page's URL>] ".
function collector() {
  const errors = [];
  const pages = new Set();
  const contexts = new WeakSet();
  const self = { errors, main: null };
  const where = (p) => (p === self.main ? "" : `[${p.url()}] `);
  const watchPage = (p) => {
    if (pages.has(p)) return;
    pages.add(p);
    p.on("console", (m) => m.type() === "error" && errors.push(where(p) + m.text()));
    p.on("pageerror", (e) => errors.push(where(p) + String(e)));
  };
  const watchContext = (c) => {
    if (contexts.has(c)) return c;
    contexts.add(c);
    c.on("page", watchPage);
    c.pages().forEach(watchPage);
    return c;
  };
  // Console events are delivered asynchronously: one round trip to each open page makes sure
  // those sent before it have arrived.
  const flush = () =>
    Promise.all([...pages].filter((p) => !p.isClosed()).map((p) =>
      Promise.race([p.evaluate(() => 0).catch(() => {}), new Promise((r) => setTimeout(r, 1_000))])));
  return Object.assign(self, { watchPage, watchContext, flush });
}

/** The browser as journeys see it: contexts and pages they create are watched too. */
function watchedBrowser(browser, watch) {
  return new Proxy(browser, {
    get(target, key) {
      if (key === "newContext") return async (...a) => watch.watchContext(await target.newContext(...a));
      if (key === "newPage") {
        return async (...a) => {
          const p = await target.newPage(...a);
          watch.watchContext(p.context());
          watch.watchPage(p);
          return p;
        };
      }
      const v = Reflect.get(target, key, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

const allowed = (res, text) => res.some((re) => { re.lastIndex = 0; return re.test(text); });

/** The longest a journey may take: the soak, the longest, takes about 30 s on this machine. */
const JOURNEY_LIMIT_MS = 240_000;

let passed = 0;
let failed = 0;
for (const file of files) {
  const mod = await import(path.join(here, "journeys", file));
  for (const [name, fn] of Object.entries(mod.journeys)) {
    if (filter && !`${file} ${name}`.includes(filter)) continue;
    const allow = [...(mod.allow?.[name] ?? []), ...(mod.allow?.["*"] ?? [])];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const watch = collector();
    watch.watchContext(context);
    const page = await context.newPage();
    watch.main = page; // the journey's own page: its messages carry no prefix
    const { errors } = watch;
    const shot = async (label, p = page) => {
      const f = path.join(out, `${file.replace(".mjs", "")}--${label}.png`);
      await p.screenshot({ path: f, fullPage: true });
      return f;
    };
    const t0 = Date.now();
    let failure = null;
    try {
      // A journey that hangs (a CDP command or an evaluate in a page that never answers has no
      // time limit of its own) fails after JOURNEY_LIMIT_MS instead of holding CI until its end.
      let timer;
      const limit = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`did not finish within ${JOURNEY_LIMIT_MS / 1000} s`)), JOURNEY_LIMIT_MS);
      });
      await Promise.race([
        fn({ page, context, browser: watchedBrowser(browser, watch), base: server.url, shot, errors, serve, dist, root }),
        limit,
      ]).finally(() => clearTimeout(timer));
    } catch (e) {
      failure = String(e.stack || e).split("\n").slice(0, 6).join("\n     ");
    }
    await watch.flush();
    const unexpected = errors.filter((e) => !allowed(allow, e));
    if (!failure && unexpected.length) {
      failure = `${unexpected.length} unexpected console or page error(s) (allow-list: \`allow\` in ${file}):`;
    }
    if (failure) {
      console.log(`FAIL ${file} › ${name}\n     ${failure}`);
      for (const e of unexpected.slice(0, 20)) console.log(`     console: ${e.split("\n").slice(0, 4).join("\n              ")}`);
      if (unexpected.length > 20) console.log(`     console: … and ${unexpected.length - 20} more`);
      try { await shot(`${name.replace(/\W+/g, "-")}-failure`); } catch {}
      failed++;
    } else {
      console.log(`ok   ${file} › ${name} (${Date.now() - t0} ms)`);
      if (errors.length) {
        console.log(`     ${errors.length} expected console error(s), allowed by \`allow\`${process.env.E2E_SHOW_ALLOWED ? ":" : " (E2E_SHOW_ALLOWED=1 lists them)"}`);
        if (process.env.E2E_SHOW_ALLOWED) for (const e of errors) console.log(`     allowed: ${e.split("\n").slice(0, 3).join(" ⏎ ")}`);
      }
      passed++;
    }
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`\ne2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
