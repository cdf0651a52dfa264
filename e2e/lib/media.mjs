// Event media in journeys: TimelineJS fixtures imported with the `timeline` command, their
// https images answered by the test server (e2e/serve.mjs, /__media/WxH.png), and what a
// reader's browser actually made of an image (loaded or not, its box on screen).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const axeSource = fs.readFileSync(path.join(here, "..", "node_modules", "axe-core", "axe.min.js"), "utf8");

/** The bundle `timeline import` makes of a fixture in crates/cli/tests/fixtures/, as text. */
export function imported(root, fixture) {
  return execFileSync(
    "cargo",
    ["run", "-q", "-p", "timeline-cli", "--", "import", `crates/cli/tests/fixtures/${fixture}`, "-o", "-", "--lang", "en"],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "pipe"] },
  );
}

/** Serves `bundle` (text) to `page` at `${base}/__imported.json`. */
export async function serveBundle(page, base, bundle) {
  await page.route(`${base}/__imported.json`, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: bundle }),
  );
}

/**
 * The pictures behind the fixtures' image addresses, by file name (W×H of the PNG the test
 * server draws). Other https://example.org/ addresses get 800×600.
 */
export const PICTURES = { "treaty.jpg": [640, 427], "jinmen.jpg": [480, 640] };

/**
 * Answers every `https://example.org/…` request of `page` (every page of its context) with a
 * picture fetched from the test server at `base`. Bundles admit only https images, and the
 * loopback server speaks http, so the browser's request is intercepted and answered with the
 * server's bytes; the page's Content-Security-Policy still judges the https address.
 * Returns `{ requests, referrers, asked, hold }`: the image addresses asked for so far, in order,
 * and the `Referer` each was sent with (null for none); `asked(href)`,
 * a promise of that address being asked for; and `hold()`, which keeps the answers back until
 * the function it returns is called (to measure the box an image has before it loads).
 */
export async function routePictures(page, base) {
  const requests = [];
  const referrers = [];
  const waiting = [];
  let gate = null;
  await page.context().route("https://example.org/**", async (route) => {
    const url = new URL(route.request().url());
    requests.push(url.href);
    referrers.push(route.request().headers()["referer"] ?? null);
    for (const w of waiting.splice(0)) {
      if (w.href === url.href) w.resolve();
      else waiting.push(w);
    }
    if (gate) await gate.promise;
    const [w, h] = PICTURES[path.basename(url.pathname)] ?? [800, 600];
    const response = await route.fetch({ url: `${base}/__media/${w}x${h}.png` });
    await route.fulfill({ response });
  });
  return {
    requests,
    referrers,
    /** Resolves once `href` has been asked for (at once if it already was). */
    asked(href) {
      if (requests.includes(href)) return Promise.resolve();
      return new Promise((resolve) => waiting.push({ href, resolve }));
    },
    hold() {
      let release;
      gate = { promise: new Promise((r) => (release = r)) };
      return () => {
        gate = null;
        release();
      };
    },
  };
}

/** What the browser made of the first `<img>` under `sel`: attributes, load state, box. */
export async function picture(page, sel) {
  return page.$eval(sel, (root) => {
    const img = root.querySelector("img");
    if (!img) return null;
    const r = img.getBoundingClientRect();
    const attr = (n) => img.getAttribute(n);
    return {
      src: attr("src"),
      alt: attr("alt"),
      loading: attr("loading"),
      referrerpolicy: attr("referrerpolicy"),
      width: attr("width"),
      height: attr("height"),
      complete: img.complete,
      naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight,
      box: { x: r.left, y: r.top, w: r.width, h: r.height },
    };
  });
}

/** Waits until the first `<img>` under `sel` has loaded (or failed): its `complete` flag. */
export async function loaded(page, sel, timeout = 10_000) {
  await page.waitForFunction((sel) => {
    const img = document.querySelector(sel)?.querySelector("img");
    return !!img && img.complete;
  }, sel, { timeout, polling: "raf" });
}

/** Two boxes the same to half a pixel. */
export function sameBox(a, b) {
  return ["x", "y", "w", "h"].every((k) => Math.abs(a[k] - b[k]) <= 0.5);
}

/** axe-core over the widget: serious and critical violations, as one line (empty when none). */
export async function axeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document.querySelector("[data-timeline]"), { resultTypes: ["violations"] }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`)
    .join("; ");
}
