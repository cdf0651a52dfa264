// Issue 12: a TimelineJS timeline imported with `timeline import` (our own fixtures in
// crates/cli/tests/fixtures/: its Google Sheets CSV and its JSON) renders in the widget, opens a
// popover with its plain-text summary, and passes axe with the popover open.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assert, eq, ready } from "../lib/assert.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const axeSource = fs.readFileSync(path.join(here, "..", "node_modules", "axe-core", "axe.min.js"), "utf8");

function imported(root, fixture) {
  return execFileSync(
    "cargo",
    ["run", "-q", "-p", "timeline-cli", "--", "import", `crates/cli/tests/fixtures/${fixture}`, "-o", "-", "--lang", "en"],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "pipe"] },
  );
}

const CASES = [
  ["timelinejs.json", "treaty-1950", "Treaty signed", "In Moscow."],
  ["timelinejs-sheet.csv", "taiwan-strait-crisis", "Taiwan Strait crisis", "Shelling of Jinmen — without Soviet consent."],
];

export const journeys = {
  async "an imported TimelineJS timeline renders, opens a popover and passes axe"({ page, base, root, errors }) {
    for (const [fixture, id, title, summary] of CASES) {
      const bundle = imported(root, fixture);
      const events = JSON.parse(bundle).events.length;
      await page.route(`${base}/__imported.json`, (route) =>
        route.fulfill({ status: 200, contentType: "application/json", body: bundle }),
      );
      // A different query per fixture: the same URL with another fragment would not reload.
      await page.goto(`${base}/index.html?src=/__imported.json&lang=en&fixture=${fixture}#event=${id}`);
      await ready(page);
      const shown = await page.locator(".tl-track [data-event-id]").evaluateAll((els) => new Set(els.map((e) => e.dataset.eventId)).size);
      assert(shown >= 1 && shown <= events, `${fixture}: ${shown} of ${events} events on the track`);
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      eq(await dialog.getAttribute("data-event-id"), id, `${fixture}: the popover's event`);
      const text = await dialog.innerText();
      assert(text.includes(title) && text.includes(summary), `${fixture}: popover text: ${text}`);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () =>
        // eslint-disable-next-line no-undef
        axe.run(document.querySelector("[data-timeline]"), { resultTypes: ["violations"] }),
      );
      const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      eq(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`).join("; "), "", `${fixture}: axe`);
      await page.unroute(`${base}/__imported.json`);
    }
    eq(errors.length, 0, `console errors: ${errors.join(" | ")}`);
  },
};
