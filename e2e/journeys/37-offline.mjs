// Issue 13: the single offline file (`timeline pack`, and dist/offline.html from `cargo xtask
// build`) opens from file:// with the network cut off: it renders, opens a popover and steps
// through presentation mode, under its own strict Content-Security-Policy.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { assert, eq, ready } from "../lib/assert.mjs";
import { until } from "../lib/wait.mjs";

/** Cuts the context off every network: only file: URLs load; anything else is counted. */
async function offline(context) {
  const refused = [];
  await context.setOffline(true);
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    refused.push(url);
    return route.abort();
  });
  return refused;
}

/** Counts the page's CSP violations (there must be none but the one a test provokes). */
async function watchPolicy(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

export const allow = {
  "the policy is in force: an injected inline script does not run": [
    /Executing inline script violates the following Content Security Policy directive/,
  ],
};

export const journeys = {
  async "dist/offline.html renders, opens a popover and presents with no network"({ page, context, dist, shot }) {
    const file = path.join(dist, "offline.html");
    assert(fs.existsSync(file), "cargo xtask build writes dist/offline.html");
    const refused = await offline(context);
    await watchPolicy(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(pathToFileURL(file).href);
    await ready(page);
    eq(await page.locator(".tl-track button[data-event-id]").count() +
      (await page.$$eval(".tl-cluster", (cs) => cs.reduce((n, c) => n + Number(c.textContent.replace(/\D/g, "")), 0))),
      65, "every event of the real dataset is on the track");
    // The static copy inside the placeholder gave way to the widget.
    eq(await page.locator(".tl-static").isVisible(), false, "the no-JavaScript copy is hidden");
    await page.click('.tl-track button[data-event-id="sino-soviet-treaty"]');
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    eq(await dialog.getAttribute("data-event-id"), "sino-soviet-treaty", "the treaty's popover");
    await shot("offline-popover");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    // Presentation mode, as a teacher's clicker drives it.
    await page.getByRole("button", { name: "Mode presentasi" }).click();
    await dialog.waitFor();
    eq(await page.locator(".tl-popover__count").innerText(), "1 / 65", "the first slide");
    await page.keyboard.press("PageDown");
    await page.keyboard.press("PageDown");
    await until(page, () => document.querySelector(".tl-popover__count")?.innerText === "3 / 65");
    await page.keyboard.press("PageUp");
    await until(page, () => document.querySelector(".tl-popover__count")?.innerText === "2 / 65");
    await shot("offline-present");
    await page.keyboard.press("Escape");
    await until(page, () => !document.querySelector("[data-timeline]").hasAttribute("data-mode"));
    eq(refused.join(" "), "", "no request left the page");
    eq((await page.evaluate(() => window.__violations)).join(" | "), "", "no CSP violation");
  },

  async "timeline pack writes a file that works the same, in the chosen language and theme"({ page, context, root }) {
    const out = path.join(root, "e2e", "out", "packed-minimal.html");
    execFileSync(
      "cargo",
      ["run", "-q", "-p", "timeline-cli", "--", "pack", "tests/bundles/good/minimal.json", "-o", out,
        "--lang", "en", "--theme", "contrast", "--dist", "dist"],
      { cwd: root, encoding: "utf8" },
    );
    const refused = await offline(context);
    await watchPolicy(page);
    await page.goto(pathToFileURL(out).href);
    await ready(page);
    eq(await page.locator(".tl-track button[data-event-id]").count(), 1, "one event");
    eq(await page.getAttribute("[data-timeline]", "data-theme"), "contrast", "the theme");
    eq(await page.getAttribute("[data-timeline]", "lang"), "en", "the language");
    eq(await page.title(), "A minimal bundle", "the page is titled after the bundle");
    await page.getByRole("button", { name: "Presentation mode" }).click();
    eq(await page.locator(".tl-popover__count").innerText(), "1 / 1", "presentation mode");
    eq(refused.join(" "), "", "no request left the page");
    eq((await page.evaluate(() => window.__violations)).join(" | "), "", "no CSP violation");
  },

  async "the policy is in force: an injected inline script does not run"({ page, context, dist }) {
    await offline(context);
    await watchPolicy(page);
    await page.goto(pathToFileURL(path.join(dist, "offline.html")).href);
    await ready(page);
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__ran = true";
      document.body.append(s);
    });
    await until(page, () => window.__violations.length > 0);
    eq((await page.evaluate(() => window.__violations)).join(" | "), "script-src-elem inline", "the refusal is reported");
    eq(await page.evaluate(() => window.__ran ?? false), false, "an inline script without its hash is refused");
  },
};
