// The foundation contract: ready attribute and event, one marker per visible event, no errors.
import fs from "node:fs";
import path from "node:path";
import { assert, eq, ready } from "../lib/assert.mjs";

// Console errors a journey expects (e2e/run.mjs fails a journey on any other).
export const allow = {
  // Chromium logs the failed request of the missing bundle itself.
  "a missing bundle shows a message inside the widget": [
    /^Failed to load resource: the server responded with a status of 404 \(Not Found\)$/,
  ],
};

export const journeys = {
  async "page becomes ready, shows markers, logs no error"({ page, base, shot, errors, root }) {
    await page.addInitScript(() => {
      window.__readyEvents = 0;
      document.addEventListener("timeline:ready", () => window.__readyEvents++);
    });
    await page.goto(`${base}/index.html`);
    await ready(page);
    eq(await page.evaluate(() => window.__readyEvents), 1, "timeline:ready dispatched once");
    const bundle = JSON.parse(
      fs.readFileSync(path.join(root, "data", "sino-soviet-1950-1965.json"), "utf8"),
    );
    const ids = await page.$$eval(".tl-track button[data-event-id]", (els) =>
      els.map((e) => e.getAttribute("data-event-id")),
    );
    const known = new Set(bundle.events.map((e) => e.id));
    assert(ids.length >= 10, `expected many markers, got ${ids.length}`);
    assert(ids.every((id) => known.has(id)), "every marker is a bundle event");
    const clusters = await page.$$eval(".tl-cluster", (els) =>
      els.reduce((n, e) => n + Number(e.textContent.replace("+", "")), 0),
    );
    eq(ids.length + clusters, bundle.events.length, "markers + clustered events = all events");
    const ticks = await page.$$eval(".tl-tick__label", (els) => els.map((e) => e.textContent));
    assert(ticks.includes("1950") && ticks.some((t) => t >= "1960"), `year ticks: ${ticks}`);
    await shot("desktop");
    eq(errors.length, 0, `console errors: ${errors.join(" | ")}`);
  },

  async "another bundle through ?src"({ page, base }) {
    await page.goto(`${base}/index.html?src=fixtures/good/minimal.json`);
    await ready(page);
    const n = await page.$$eval("[data-event-id]", (els) => els.length);
    assert(n >= 1, "the minimal bundle shows its markers");
  },

  async "a missing bundle shows a message inside the widget"({ page, base, shot }) {
    await page.goto(`${base}/index.html?src=does-not-exist.json`);
    const alert = page.locator("[data-timeline] [role=alert]");
    await alert.waitFor({ timeout: 20_000 });
    const text = await alert.innerText();
    assert(/404/.test(text), `mentions the HTTP status: ${text}`);
    await shot("not-found");
  },

  async "phone width renders"({ browser, base }) {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    const page = await ctx.newPage();
    await page.goto(`${base}/index.html`);
    await ready(page);
    await page.screenshot({ path: "e2e/out/01-ready--phone.png", fullPage: true });
    await ctx.close();
  },
};
