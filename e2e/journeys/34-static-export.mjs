// The no-JavaScript version (`timeline export --html`, crates/cli): readable with JavaScript off,
// free of serious or critical axe violations, and, inside a placeholder, hidden once the widget
// has mounted (mounting appends the widget; style/timeline.css hides `.tl-static` then).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assert, eq, ready } from "../lib/assert.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const axeSource = fs.readFileSync(path.join(here, "..", "node_modules", "axe-core", "axe.min.js"), "utf8");

function exportHtml(root, lang) {
  return execFileSync(
    "cargo",
    ["run", "-q", "-p", "timeline-cli", "--", "export", "data/sino-soviet-1950-1965.json", "--html", "--lang", lang],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 },
  );
}

function hostPage(fragment, lang, script) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Static export</title></head>
<body><main><h1>Article</h1>
<div data-timeline data-src="data/sino-soviet-1950-1965.json" data-lang="${lang}">${fragment}</div>
</main>${script ? '<script type="module" src="boot.js"></script>' : ""}</body></html>`;
}

async function routeHost(page, base, body) {
  await page.route(`${base}/__static-host.html`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }),
  );
}

export const journeys = {
  async "the static export reads without JavaScript and passes axe"({ browser, page, base, root, errors }) {
    for (const lang of ["id", "en"]) {
      const fragment = exportHtml(root, lang);
      // JavaScript off: the content is all there.
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      const p = await noJs.newPage();
      await routeHost(p, base, hostPage(fragment, lang, true));
      await p.goto(`${base}/__static-host.html`);
      eq(await p.locator(".tl-static li.tl-static__event").count(), 65, `${lang}: one item per event`);
      assert(await p.locator(".tl-static h2").isVisible(), `${lang}: the title is shown`);
      await noJs.close();
      // axe over the static version alone (no widget script on this page).
      await routeHost(page, base, hostPage(fragment, lang, false));
      await page.goto(`${base}/__static-host.html`);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () =>
        // eslint-disable-next-line no-undef
        axe.run(document.querySelector("[data-timeline]"), { resultTypes: ["violations"] }),
      );
      const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      eq(bad.map((v) => v.id).join(", "), "", `${lang}: serious or critical axe violations`);
    }
    eq(errors.length, 0, `console errors: ${errors.join(" | ")}`);
  },

  async "inside a placeholder, the widget takes over when it mounts"({ page, base, root, errors }) {
    await routeHost(page, base, hostPage(exportHtml(root, "id"), "id", true));
    await page.goto(`${base}/__static-host.html`);
    await ready(page);
    eq(await page.locator(".tl-static").isVisible(), false, "the static copy is hidden after mount");
    assert((await page.locator(".tl-track button[data-event-id]").count()) > 0, "the widget's markers are shown");
    eq(errors.length, 0, `console errors: ${errors.join(" | ")}`);
  },
};
