// Issue 5: deep links open events and ranges; Back returns to the previous state.
import { assert, eq, ready } from "../lib/assert.mjs";

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
    await page.waitForTimeout(200);
    const label = await page.locator(".tl-range-label").innerText();
    assert(/January 1958/.test(label) && /December 1960/.test(label), `range restored: ${label}`);
    // Open two events one after the other; Back returns to the first.
    await page.click('.tl-track button[data-event-id="great-leap-forward"]');
    await page.waitForTimeout(700);
    assert(/event=great-leap-forward/.test(page.url()), `URL has the event: ${page.url()}`);
    await page.getByRole("dialog").getByRole("button", { name: /Next event/ }).click();
    await page.waitForTimeout(700);
    const second = await page.getByRole("dialog").getAttribute("data-event-id");
    assert(second !== "great-leap-forward", "moved on");
    await page.goBack();
    await page.waitForTimeout(300);
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
