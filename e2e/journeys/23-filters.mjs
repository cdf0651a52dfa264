// Issue 5: category filters, search, the event list.
import { assert, eq, ready } from "../lib/assert.mjs";
import { until } from "../lib/wait.mjs";

export const journeys = {
  async "a category filter hides its events"({ page, base }) {
    await page.goto(`${base}/index.html?lang=en`);
    await ready(page);
    const chip = page.getByRole("button", { name: /^Nuclear/ });
    eq(await chip.getAttribute("aria-pressed"), "true", "chip starts on");
    await chip.click();
    eq(await chip.getAttribute("aria-pressed"), "false", "chip off");
    assert((await page.locator('.tl-track [data-event-id="first-nuclear-test"]').count()) === 0, "nuclear event hidden");
    assert(/58 events/.test(await page.locator(".tl-search__count").innerText()), "count updated");
  },

  async "search is case- and accent-insensitive and says how many match"({ page, base, shot }) {
    await page.goto(`${base}/index.html?lang=id`);
    await ready(page);
    await page.getByRole("searchbox", { name: "Cari peristiwa" }).fill("KHRUSHCHËV");
    await until(page, () =>
      /^\d+ dari 65 peristiwa cocok$/.test(document.querySelector(".tl-search__count")?.innerText ?? "") &&
      document.querySelector(".tl-marker--dim"));
    const count = await page.locator(".tl-search__count").innerText();
    assert(/^\d+ dari 65 peristiwa cocok$/.test(count), `count: ${count}`);
    const dim = await page.locator(".tl-marker--dim").count();
    assert(dim > 0, "non-matching markers dimmed");
    await shot("search");
  },

  async "the event list shows every event with headings and excerpts"({ page, base, shot }) {
    await page.goto(`${base}/index.html?lang=en`);
    await ready(page);
    await page.getByRole("button", { name: "Event list" }).click();
    const headings = page.locator(".tl-list h3");
    eq(await headings.count(), 65, "one heading per event");
    assert(await page.locator(".tl-list blockquote").first().isVisible(), "excerpts in the list");
    const treaty = page.locator('.tl-list [data-list-event-id="sino-soviet-treaty"]');
    assert((await treaty.locator(".tl-list__notes li").count()) >= 2, "the treaty's sources as numbered notes");
    await page.emulateMedia({ media: "print" });
    const printed = await treaty
      .locator(".tl-list__notes a")
      .first()
      .evaluate((a) => getComputedStyle(a, "::after").content);
    assert(/https:\/\//.test(printed), `print writes the address out: ${printed}`);
    await page.emulateMedia({ media: "screen" });
    assert(!(await page.locator(".tl-viewport").isVisible()), "track hidden in list mode");
    await shot("list");
  },
};
