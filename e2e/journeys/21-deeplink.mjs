// Issue 5: deep links open events and ranges; Back returns to the previous state.
import { assert, eq, ready } from "../lib/assert.mjs";
import { until } from "../lib/wait.mjs";

export const journeys = {
  async "a deep link opens the 1963 test-ban event"({ page, base, shot }) {
    await page.goto(`${base}/index.html?lang=en#event=test-ban-treaty`);
    await ready(page);
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    eq(await dialog.getAttribute("data-event-id"), "test-ban-treaty", "the linked event is open");
    const text = await dialog.innerText();
    assert(/5 August 1963/.test(text), "its date");
    await shot("test-ban");
  },

  async "a range link restores the range, and Back returns to the previous event"({ page, base }) {
    await page.goto(`${base}/index.html?lang=en#range=1958-01..1960-12`);
    await ready(page);
    await until(page, () => {
      const l = document.querySelector(".tl-range-label")?.innerText ?? "";
      return /January 1958/.test(l) && /December 1960/.test(l);
    });
    const label = await page.locator(".tl-range-label").innerText();
    assert(/January 1958/.test(label) && /December 1960/.test(label), `range restored: ${label}`);
    // Open two events one after the other; Back returns to the first.
    await page.click('.tl-track button[data-event-id="great-leap-forward"]');
    // The widget writes the URL once the view settles (a 400 ms debounce): wait for it.
    await until(page, () => /event=great-leap-forward/.test(location.href));
    assert(/event=great-leap-forward/.test(page.url()), `URL has the event: ${page.url()}`);
    await page.getByRole("dialog").getByRole("button", { name: /Next event/ }).click();
    // The next event is open and has its own history entry (Back below depends on it).
    await until(page, () => {
      const id = document.querySelector("[role=dialog]")?.getAttribute("data-event-id");
      return id && id !== "great-leap-forward" && location.hash.includes(`event=${id}`);
    });
    const second = await page.getByRole("dialog").getAttribute("data-event-id");
    assert(second !== "great-leap-forward", "moved on");
    assert(page.url().includes(`event=${second}`), `URL has the second event: ${page.url()}`);
    await page.goBack();
    await until(page, () => document.querySelector("[role=dialog]")?.getAttribute("data-event-id") === "great-leap-forward");
    eq(await page.getByRole("dialog").getAttribute("data-event-id"), "great-leap-forward", "Back restores");
  },

  async "iframe parameters set the event and range"({ page, base }) {
    await page.goto(`${base}/embed.html?lang=en&event=first-nuclear-test&theme=dark`);
    await ready(page);
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    eq(await dialog.getAttribute("data-event-id"), "first-nuclear-test", "event parameter");
    eq(await page.getAttribute("[data-timeline]", "data-theme"), "dark", "theme parameter");
  },
};
