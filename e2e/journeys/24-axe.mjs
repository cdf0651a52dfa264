// Issue 5: axe-core finds no serious or critical violations, in every theme and mode.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assert } from "../lib/assert.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const axeSource = fs.readFileSync(path.join(here, "..", "node_modules", "axe-core", "axe.min.js"), "utf8");

async function audit(page, label) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document.querySelector("[data-timeline]"), { resultTypes: ["violations"] }),
  );
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert(
    bad.length === 0,
    `${label}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`).join("; ")}`,
  );
}

export const journeys = {};
for (const theme of ["light", "dark", "contrast"]) {
  journeys[`axe: ${theme} theme, track and popover`] = async ({ page, base }) => {
    await page.goto(`${base}/index.html?lang=en&theme=${theme}`);
    await page.waitForSelector('[data-ready="true"]');
    await audit(page, `${theme} track`);
    await page.click('.tl-track button[data-event-id="sino-soviet-treaty"]');
    await page.getByRole("dialog").waitFor();
    await audit(page, `${theme} popover`);
  };
}
journeys["axe: list view and presentation mode"] = async ({ page, base }) => {
  await page.goto(`${base}/index.html?lang=id`);
  await page.waitForSelector('[data-ready="true"]');
  await page.getByRole("button", { name: "Daftar peristiwa" }).click();
  await audit(page, "list");
  await page.getByRole("button", { name: "Daftar peristiwa" }).click();
  await page.getByRole("button", { name: "Mode presentasi" }).click();
  await page.getByRole("dialog").waitFor();
  await audit(page, "present");
};
