// Issue 15, the loading side: nothing heavy until a widget is near, no waterfall, something real
// on screen before the wasm, and no layout shift when the widgets mount.
import fs from "node:fs";
import path from "node:path";
import { assert, eq, ready } from "../lib/assert.mjs";
import { until } from "../lib/wait.mjs";

// What a widget costs beyond boot.js: the glue, the wasm, the stylesheet and the bundle.
const HEAVY = /\/(timeline\.js|timeline_bg\.wasm|timeline\.css)$|\.json$/;

export const allow = {
  "a wasm that cannot load: the placeholder says so": [
    /^Failed to load resource: the server responded with a status of 404 \(Not Found\)$/,
    /^timeline: could not start/,
  ],
};

/** Records, before any script of the page, when each widget became ready (ms since navigation). */
async function recordReady(page) {
  await page.addInitScript(() => {
    window.__readyAt = {};
    document.addEventListener(
      "timeline:ready",
      (e) => (window.__readyAt[e.target.id || "main"] ??= performance.now()),
      true,
    );
  });
}

/** Records every layout shift of the page, before any script of it runs. */
async function recordShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__shifts.push({
          value: e.value,
          recent: e.hadRecentInput,
          at: Math.round(e.startTime),
          what: e.sources.map((s) => `${s.node?.id || s.node?.className || s.node?.nodeName} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`).join(", "),
        });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/**
 * Cumulative layout shift as web-vitals counts it (the largest session window: shifts less than
 * 1 s apart, at most 5 s long, ignoring those right after an input) and, stricter, the sum of
 * every shift.
 */
function cls(shifts) {
  let best = 0;
  let cur = 0;
  let first = null;
  let last = null;
  let sum = 0;
  for (const s of shifts.filter((x) => !x.recent)) {
    sum += s.value;
    if (first !== null && s.at - last < 1000 && s.at - first < 5000) cur += s.value;
    else [cur, first] = [s.value, s.at];
    last = s.at;
    best = Math.max(best, cur);
  }
  return { cls: best, sum };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

async function scrollUntilReady(page, sel) {
  await page.mouse.move(4, 200);
  for (let i = 0; i < 60; i++) {
    if (await page.$(`${sel}[data-ready="true"]`)) return;
    await page.mouse.wheel(0, 300);
    await until(page, (y) => scrollY >= y || innerHeight + scrollY >= document.documentElement.scrollHeight - 1, await page.evaluate(() => scrollY + 1), 1_000);
  }
  await ready(page, sel);
}

export const journeys = {
  async "a widget three screens down costs only boot.js until the reader comes near"({ page, base, browser, errors }) {
    await recordReady(page);
    const requests = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    const sizes = new Map();
    page.on("response", async (r) => {
      const body = await r.body().catch(() => null);
      if (body) sizes.set(new URL(r.url()).pathname, body.length);
    });
    await page.goto(`${base}/examples/long-article.html`);
    await page.waitForLoadState("networkidle");
    assert(await page.$eval("#linimasa", (e) => e.hasAttribute("data-timeline-waiting")), "boot.js has prepared the placeholder");
    const screens = await page.$eval("#linimasa", (e) => e.getBoundingClientRect().top / innerHeight);
    assert(screens >= 3, `the widget starts ${screens.toFixed(1)} screens down`);
    eq(requests.filter((p) => HEAVY.test(p)).join(", "), "", "no glue, wasm, stylesheet or bundle before the reader scrolls");
    assert(requests.some((p) => p.endsWith("/boot.js")), "boot.js was loaded");
    const before = [...sizes].filter(([p]) => !p.startsWith("/examples/")).map(([p, n]) => `${p} ${n} B`);
    console.log(`     before scrolling, of the widget: ${before.join(", ")}`);

    // Scrolled to: ready, with each file fetched once.
    const lazy = [];
    const t0 = await page.evaluate(() => {
      document.querySelector("#linimasa").scrollIntoView();
      return performance.now();
    });
    await ready(page, "#linimasa");
    lazy.push((await page.evaluate(() => window.__readyAt.linimasa)) - t0);
    for (const f of ["/timeline.js", "/timeline_bg.wasm", "/timeline.css", "/data/sino-soviet-1950-1965.json"]) {
      eq(requests.filter((p) => p === f).length, 1, `${f} fetched once`);
    }

    // Against the same page with data-load="eager": from the scroll to ready is no slower than
    // an eager page from navigation to ready (medians of three, alternating).
    const eager = [];
    for (let i = 0; i < 3; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const p = await ctx.newPage();
      await recordReady(p);
      await p.route(`${base}/examples/long-article.html`, async (route) => {
        const resp = await route.fetch();
        const body = (await resp.text()).replace('<div id="linimasa" data-timeline', '<div id="linimasa" data-load="eager" data-timeline');
        await route.fulfill({ response: resp, body });
      });
      await p.goto(`${base}/examples/long-article.html`);
      await ready(p, "#linimasa");
      eager.push(await p.evaluate(() => window.__readyAt.linimasa));
      await ctx.close();
      if (i < 2) {
        const c2 = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const q = await c2.newPage();
        await recordReady(q);
        await q.goto(`${base}/examples/long-article.html`);
        await q.waitForLoadState("networkidle");
        const s = await q.evaluate(() => {
          document.querySelector("#linimasa").scrollIntoView();
          return performance.now();
        });
        await ready(q, "#linimasa");
        lazy.push((await q.evaluate(() => window.__readyAt.linimasa)) - s);
        await c2.close();
      }
    }
    const [l, e] = [median(lazy), median(eager)];
    console.log(`     ready: ${Math.round(l)} ms after the scroll (lazy: ${lazy.map(Math.round).join(", ")}), ${Math.round(e)} ms after navigation (eager: ${eager.map(Math.round).join(", ")})`);
    assert(l <= e * 1.25 + 50, `lazy ${Math.round(l)} ms vs eager ${Math.round(e)} ms`);
    eq(errors.length, 0, `console errors: ${errors.join(" | ")}`);
  },

  async "a link to a widget not loaded yet opens its event"({ page, base }) {
    await page.goto(`${base}/examples/long-article.html`);
    await page.waitForLoadState("networkidle");
    await page.click("#goto-test-ban");
    await ready(page, "#linimasa");
    const dialog = page.locator('#linimasa [role=dialog][data-event-id="test-ban-treaty"]');
    await dialog.waitFor();
    assert(await dialog.isVisible(), "the linked event is open");
    const top = await page.$eval("#linimasa", (e) => e.getBoundingClientRect().top);
    assert(top >= -1 && top < 800, `the widget was scrolled into view (top ${top})`);
  },

  async "the news article's four embeds shift nothing (CLS ≤ 0.01)"({ browser, base, errors }) {
    for (const device of [
      { viewport: { width: 1280, height: 800 } },
      { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75 },
    ]) {
      const ctx = await browser.newContext(device);
      const page = await ctx.newPage();
      await recordShifts(page);
      await page.goto(`${base}/examples/news-article.html`);
      await ready(page, "#linimasa-utama");
      if (device.isMobile) {
        // The first widget fills most of a phone's screen: reach the rest by scrolling.
        await scrollUntilReady(page, "#linimasa-kedua");
      } else {
        await ready(page, "#linimasa-kedua");
      }
      await scrollUntilReady(page, "#linimasa-ketiga");
      await page.frameLocator("iframe[data-timeline-frame]").locator('[data-timeline][data-ready="true"]').waitFor({ timeout: 20_000 });
      // Each widget kept the height reserved for it before it existed.
      const boxes = await page.$$eval("[data-timeline]", (els) =>
        els.map((e) => ({ id: e.id, h: e.getBoundingClientRect().height, reserved: parseFloat(e.style.minHeight) })),
      );
      for (const b of boxes) assert(Math.abs(b.h - b.reserved) <= 1, `${device.viewport.width} px, #${b.id}: ${b.h} px tall, ${b.reserved} px reserved`);
      const frame = await page.$eval("iframe[data-timeline-frame]", (f) => [f.getBoundingClientRect().height, Number(f.getAttribute("height"))]);
      // Two frames after the last widget, so shifts it caused are reported.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const shifts = await page.evaluate(() => window.__shifts);
      const { cls: value, sum } = cls(shifts);
      console.log(`     ${device.viewport.width} px: CLS ${value.toFixed(4)} (sum of all shifts ${sum.toFixed(4)}); iframe ${frame[0]} px (attribute ${frame[1]})`);
      for (const s of shifts) console.log(`       shift ${s.value.toFixed(4)} at ${s.at} ms: ${s.what}`);
      assert(sum <= 0.01, `${device.viewport.width} px: layout shift ${sum.toFixed(4)} > 0.01`);
      await ctx.close();
    }
    eq(errors.length, 0, `console errors: ${errors.join(" | ")}`);
  },

  async "the reserved height holds the widget from 320 to 2560 px"({ browser, base }) {
    const rows = [];
    for (const [width, touch] of [[320, false], [412, true], [768, false], [1280, false], [2560, false]]) {
      for (const lang of ["id", "en"]) {
        const ctx = await browser.newContext({ viewport: { width, height: 800 }, hasTouch: touch, isMobile: touch });
        const page = await ctx.newPage();
        await page.goto(`${base}/index.html?lang=${lang}`);
        await ready(page);
        const r = await page.$eval("[data-timeline]", (el) => {
          const reserved = parseFloat(el.style.minHeight);
          const mounted = el.getBoundingClientRect().height;
          el.style.minHeight = "0";
          const natural = el.querySelector(".tl-root").getBoundingClientRect().height;
          el.style.minHeight = `${reserved}px`;
          return { reserved, mounted, natural };
        });
        rows.push(`${width}${touch ? " touch" : ""} ${lang}: ${r.reserved}/${r.natural.toFixed(0)}`);
        assert(Math.abs(r.mounted - r.reserved) <= 1, `${width} px ${lang}: mounted ${r.mounted} px, reserved ${r.reserved} px`);
        assert(r.natural <= r.reserved + 0.5, `${width} px ${lang}: the widget (${r.natural} px) outgrows its reserved height (${r.reserved} px): update chromePx in boot.js`);
        assert(r.reserved - r.natural <= 80, `${width} px ${lang}: ${(r.reserved - r.natural).toFixed(0)} px of the reserved height left empty`);
        await ctx.close();
      }
    }
    console.log(`     reserved/natural px: ${rows.join("; ")}`);
  },

  async "before the wasm: the static list or a skeleton with the title, and the bundle on its way"({ page, browser, base, root, errors }) {
    const bundle = JSON.parse(fs.readFileSync(path.join(root, "data", "sino-soviet-1950-1965.json"), "utf8"));
    /** Holds the wasm back until `release()`; counts its requests. */
    async function holdWasm(p) {
      const held = { requests: 0 };
      const gate = new Promise((r) => (held.release = r));
      await p.route("**/timeline_bg.wasm", async (route) => {
        held.requests++;
        await gate;
        await route.continue();
      });
      return held;
    }
    // index.html carries the static list of the bundled dataset (`cargo xtask build` puts it in).
    const wasm = await holdWasm(page);
    const requests = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${base}/index.html`);
    const list = page.locator("[data-timeline] > .tl-static");
    await list.locator("h2").waitFor();
    eq(await list.locator("h2").innerText(), bundle.title.id, "the static list's title, before the wasm");
    eq(await list.locator("li.tl-static__event").count(), bundle.events.length, "every event in it");
    const reserved = await page.$eval("[data-timeline]", (e) => e.getBoundingClientRect().height);
    eq(reserved, await page.$eval("[data-timeline]", (e) => parseFloat(e.style.minHeight)), "clipped to the reserved height");
    // No waterfall: the glue, the stylesheet and the bundle did not wait for the wasm.
    for (const f of ["/timeline.js", "/timeline.css", "/data/sino-soviet-1950-1965.json"]) {
      assert(requests.includes(f), `${f} requested while the wasm is still on its way`);
    }
    wasm.release();
    await ready(page);
    eq(await list.isVisible(), false, "the list gives way to the widget");
    eq(await page.$eval("[data-timeline]", (e) => e.getBoundingClientRect().height), reserved, "mounting kept the height");
    eq(wasm.requests, 1, "the wasm is fetched once");

    // In English the Indonesian list is dropped for a skeleton with the English title.
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await ctx.newPage();
    const wasm2 = await holdWasm(p);
    await p.goto(`${base}/index.html?lang=en`);
    const shown = await until(p, (t) => document.querySelector("[data-timeline] .tl-skeleton__title")?.textContent === t, bundle.title.en);
    assert(shown, "the skeleton shows the bundle's title while the wasm is held back");
    eq(await p.locator("[data-timeline] .tl-skeleton [role=status]").innerText(), "Loading the timeline…", "and says it is loading");
    eq(await p.locator("[data-timeline] .tl-static").count(), 0, "no list in the other language");
    wasm2.release();
    await ready(p);
    eq(await p.locator("[data-timeline] .tl-skeleton").count(), 0, "the skeleton is gone");
    await ctx.close();
    eq(errors.length, 0, `console errors: ${errors.join(" | ")}`);
  },

  async "a wasm that cannot load: the placeholder says so"({ page, base }) {
    await page.route("**/timeline_bg.wasm", (route) => route.fulfill({ status: 404, body: "not found" }));
    await page.goto(`${base}/index.html?lang=en`);
    const alert = page.locator("[data-timeline] [role=alert]");
    await alert.waitFor();
    assert(/could not be loaded/.test(await alert.innerText()), "the reader is told");
    eq(await page.$eval("[data-timeline]", (e) => e.hasAttribute("data-timeline-waiting")), false, "no longer waiting");
  },
};
