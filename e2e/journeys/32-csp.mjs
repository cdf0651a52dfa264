// The release build under the strict Content-Security-Policy hosts are told to use
// (docs/security.md): default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'.
// dist/ is served again with that header on every HTML page; the widget must become ready,
// show markers, open a popover, zoom, show its error and panic panels, and work in a sandboxed
// iframe, with no console error and no `securitypolicyviolation` event.
import path from "node:path";
import { assert, eq, ready } from "../lib/assert.mjs";
import { settled, until } from "../lib/wait.mjs";
import { STRICT_CSP } from "../serve.mjs";
import { imported, loaded, picture, routePictures, serveBundle } from "../lib/media.mjs";

/** Collects violations in every frame, before any script of the page runs. */
async function watch(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

async function violations(frame) {
  return frame.evaluate(() => window.__violations);
}

async function strictServer({ serve, dist, root }, options = {}) {
  return serve(
    { "/fixtures/": path.join(root, "tests", "bundles"), "/": dist },
    { csp: STRICT_CSP, ...options },
  );
}

// Console errors each journey expects; e2e/run.mjs fails a journey on any other.
export const allow = {
  // The injected fault at its end: the panic message and the trap it ends in.
  "hostile bundles, error and panic panels under the strict CSP": [/panicked at[\s\S]*injected fault/, /RuntimeError: unreachable/],
};

/** What a host adds to the policy for event images from `https://example.org` (README, docs/security.md). */
const WITH_IMAGES = `${STRICT_CSP}; img-src 'self' https://example.org`;

export const journeys = {
  async "the widget works under the strict CSP"(ctx) {
    const { page, shot, errors } = ctx;
    const server = await strictServer(ctx);
    try {
      await watch(page);
      const resp = await page.goto(`${server.url}/index.html?lang=en`);
      eq(resp.headers()["content-security-policy"], STRICT_CSP, "the page is served with the policy");
      await ready(page);
      // The listener works: an inline script is refused and reported.
      await page.evaluate(() => {
        const s = document.createElement("script");
        s.textContent = "window.__inline = 1";
        document.body.append(s);
      });
      await page.waitForFunction(() => window.__violations.length > 0);
      eq(await page.evaluate(() => window.__inline), undefined, "inline script blocked");
      await page.evaluate(() => (window.__violations = []));
      const refused = errors.splice(0);
      assert(refused.length === 1 && /Content Security Policy/.test(refused[0]), `the refusal is logged: ${refused}`);

      const markers = page.locator(".tl-track button[data-event-id]");
      assert((await markers.count()) >= 10, "markers are shown");
      const id = await markers.first().getAttribute("data-event-id");
      await markers.first().click();
      const dialog = page.locator(`[role=dialog][data-event-id="${id}"]`);
      await dialog.waitFor();
      assert((await dialog.innerText()).length > 20, "the popover has content");
      await shot("popover");
      await page.keyboard.press("Escape");

      const label = () => page.locator(".tl-range-label").innerText();
      const ticks = () => page.$$eval(".tl-tick__label", (els) => els.map((e) => e.textContent).join(" "));
      // The axis and the range label, as one string, read in the page.
      const axis = () => [...document.querySelectorAll(".tl-tick__label, .tl-range-label")].map((e) => e.textContent).join(" ");
      const before = await ticks();
      const beforeLabel = await label();
      await page.getByRole("button", { name: "Zoom in", exact: true }).click();
      await page.getByRole("button", { name: "Zoom in", exact: true }).click();
      await until(page, ([t, l]) =>
        [...document.querySelectorAll(".tl-tick__label")].map((e) => e.textContent).join(" ") !== t &&
        document.querySelector(".tl-range-label").innerText !== l, [before, beforeLabel]);
      assert((await ticks()) !== before, "zoom in changes the axis");
      assert((await label()) !== beforeLabel, "zoom in changes the visible range");
      await settled(page);
      const zoomedIn = await page.evaluate(axis);
      await page.getByRole("button", { name: "Zoom out", exact: true }).click();
      await until(page, (a) => [...document.querySelectorAll(".tl-tick__label, .tl-range-label")]
        .map((e) => e.textContent).join(" ") !== a, zoomedIn);
      assert((await page.evaluate(axis)) !== zoomedIn, "zoom out changes the axis");
      await settled(page);
      // Ctrl + wheel over the viewport zooms too (non-passive listener, no inline handler).
      const beforeWheel = await page.evaluate(axis);
      const vp = await page.locator(".tl-viewport").boundingBox();
      await page.mouse.move(vp.x + vp.width / 2, vp.y + vp.height / 2);
      await page.keyboard.down("Control");
      await page.mouse.wheel(0, -400);
      await page.keyboard.up("Control");
      await until(page, (a) => [...document.querySelectorAll(".tl-tick__label, .tl-range-label")]
        .map((e) => e.textContent).join(" ") !== a, beforeWheel);
      assert((await page.evaluate(axis)) !== beforeWheel, "Ctrl + wheel zooms");
      await settled(page);
      await shot("zoomed");
      eq((await violations(page)).length, 0, `no violation: ${(await violations(page)).join(" | ")}`);
      eq(errors.length, 0, `no console error: ${errors.join(" | ")}`);
    } finally {
      await server.close();
    }
  },

  async "hostile bundles, error and panic panels under the strict CSP"(ctx) {
    const { page, errors } = ctx;
    const server = await strictServer(ctx);
    try {
      await watch(page);
      await page.goto(`${server.url}/fixtures/hostile/host.html?src=/fixtures/hostile/canary.json`);
      await page.waitForFunction(() => document.querySelectorAll('[data-timeline][data-ready="true"]').length === 2);
      await page.locator('#slot-en .tl-track button[data-event-id="treaty-1950"]').click();
      await page.locator("#slot-en [role=dialog]").waitFor();
      eq(await page.evaluate(() => window.__pwned), undefined, "canary unset");
      eq((await violations(page)).length, 0, `host page: ${(await violations(page)).join(" | ")}`);

      await page.goto(`${server.url}/index.html?src=fixtures/broken/trailing-comma.json&lang=en`);
      await page.locator("[data-timeline] [role=alert]").waitFor();
      eq((await violations(page)).length, 0, `error panel: ${(await violations(page)).join(" | ")}`);
      eq(errors.length, 0, `no console error: ${errors.join(" | ")}`);

      // The panic panel is plain DOM; it must need nothing the policy forbids either.
      await page.addInitScript(() => {
        window.__armFault = () => {
          const original = Document.prototype.createElement;
          Document.prototype.createElement = function () {
            Document.prototype.createElement = original;
            throw new Error("injected fault");
          };
        };
      });
      await page.goto(`${server.url}/index.html?lang=en`);
      await ready(page);
      await page.evaluate(() => window.__armFault());
      await page.locator(".tl-track button[data-event-id]").first().click();
      await page.locator("[data-timeline] > [data-error=panic]").waitFor({ timeout: 5_000 });
      eq((await violations(page)).length, 0, `panic panel: ${(await violations(page)).join(" | ")}`);
    } finally {
      await server.close();
    }
  },

  async "event images load where the policy's img-src names their host, and give way to their text where it does not"(ctx) {
    const { page, root, errors } = ctx;
    const bundle = imported(root, "timelinejs.json");
    await watch(page);
    for (const [csp, allowed] of [[WITH_IMAGES, true], [STRICT_CSP, false]]) {
      const server = await strictServer(ctx, { csp });
      try {
        await routePictures(page, server.url);
        await serveBundle(page, server.url, bundle);
        const resp = await page.goto(`${server.url}/index.html?src=/__imported.json&lang=en#event=treaty-1950`);
        eq(resp.headers()["content-security-policy"], csp, "the page is served with the policy");
        await ready(page);
        await page.getByRole("dialog").waitFor();
        if (allowed) {
          await loaded(page, "[role=dialog] .tl-media");
          eq((await picture(page, "[role=dialog] .tl-media")).naturalWidth, 640, "the image loads under img-src");
          eq((await violations(page)).length, 0, `no violation: ${(await violations(page)).join(" | ")}`);
        } else {
          // Refused by default-src 'self': the reader gets the text alternative instead.
          await page.locator("[role=dialog] .tl-media__failed").waitFor();
          eq(await page.locator("[role=dialog] .tl-media__failed").innerText(),
            "The image could not be loaded: Zhou Enlai signs the treaty", "the text in its place");
          // Chromium reports a refused lazy image twice (a plain <img loading=lazy> in static
          // HTML too), so: at least one report, and every one is this image under img-src.
          const seen = await violations(page);
          assert(seen.length >= 1 && seen.every((v) => /^img-src blocked https:\/\/example\.org\/treaty\.jpg/.test(v)),
            `img-src violations only: ${seen.join(" | ")}`);
          const refused = errors.splice(0);
          assert(refused.length >= 1 && refused.every((e) => /Content Security Policy/.test(e) && e.includes("treaty.jpg")),
            `the refusal is logged: ${refused}`);
        }
        await page.unrouteAll({ behavior: "wait" });
        await page.context().unrouteAll({ behavior: "wait" });
      } finally {
        await server.close();
      }
    }
    eq(errors.length, 0, `no console error: ${errors.join(" | ")}`);
  },

  async "a sandboxed iframe (allow-scripts only) works under the strict CSP"(ctx) {
    const { page, shot, errors } = ctx;
    // An opaque-origin document loads module scripts, wasm and data in CORS mode: the host
    // serving the embed must send Access-Control-Allow-Origin (docs/security.md).
    const server = await strictServer(ctx, { cors: true });
    try {
      await watch(page);
      await page.goto(`${server.url}/fixtures/hostile/sandbox.html`);
      const frame = page.frameLocator("iframe[data-timeline-frame]");
      await frame.locator('[data-timeline][data-ready="true"]').waitFor({ timeout: 20_000 });
      const child = page.frames().find((f) => f !== page.mainFrame());
      eq(await child.evaluate(() => self.origin), "null", "the frame has an opaque origin");
      const marker = frame.locator(".tl-track button[data-event-id]").first();
      await marker.click();
      await frame.locator("[role=dialog]").waitFor();
      await shot("sandboxed");
      eq((await violations(child)).length, 0, `frame: ${(await violations(child)).join(" | ")}`);
      eq((await violations(page)).length, 0, `page: ${(await violations(page)).join(" | ")}`);
      await page.locator("#host-button").click();
      eq(await page.locator("#host-count").innerText(), "1", "the host's button works");
      eq(errors.length, 0, `no console error: ${errors.join(" | ")}`);
    } finally {
      await server.close();
    }
  },
};
