// Issue 5: classroom presentation mode, stepped with PageDown like a clicker; filters apply.
import { assert, eq, ready } from "../lib/assert.mjs";
import { until } from "../lib/wait.mjs";

export const journeys = {
  async "presentation mode steps with PageDown and shows progress"({ page, base, shot }) {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${base}/index.html?lang=en`);
    await ready(page);
    await page.getByRole("button", { name: "Presentation mode" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    const first = await dialog.getAttribute("data-event-id");
    const count = () => page.locator(".tl-popover__count").innerText();
    eq(await count(), "1 / 65", "progress at the first step");
    await page.keyboard.press("PageDown");
    await page.keyboard.press("PageDown");
    // The third step is shown and announced.
    await until(page, () =>
      document.querySelector(".tl-popover__count")?.innerText === "3 / 65" &&
      [...document.querySelectorAll("[data-timeline] [aria-live=polite]")].some((e) => e.textContent.includes("3 of 65")));
    eq(await count(), "3 / 65", "two clicks later");
    // A screen reader hears each step: its title, date and place in a polite live region.
    const title = await page.locator(".tl-popover__title").innerText();
    const heard = await page.$$eval("[data-timeline] [aria-live=polite]", (els) => els.map((e) => e.textContent));
    assert(heard.some((t) => t.startsWith(title) && t.includes("3 of 65")), `announced: ${JSON.stringify(heard)} (title ${title})`);
    assert((await dialog.getAttribute("data-event-id")) !== first, "a new event");
    const size = await page.$eval("[data-timeline]", (e) => parseFloat(getComputedStyle(e).fontSize));
    assert(size >= 24, `large type: ${size}px`);
    await page.keyboard.press("PageUp");
    await until(page, () => document.querySelector(".tl-popover__count")?.innerText === "2 / 65");
    eq(await count(), "2 / 65", "PageUp steps back");
    await shot("present");
    await page.keyboard.press("Escape");
    await until(page, () => !document.querySelector("[data-timeline]").hasAttribute("data-mode"));
    eq(await page.getAttribute("[data-timeline]", "data-mode"), null, "Esc leaves");
  },

  async "a fullscreen slide fits a 1280×720 projector without scrolling the page"({ page, base, shot }) {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${base}/index.html`);
    await ready(page);
    await page.getByRole("button", { name: "Mode presentasi" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await until(page, () => !!document.fullscreenElement);
    eq(await page.evaluate(() => !!document.fullscreenElement), true, "fullscreen granted");
    const count = () => page.locator(".tl-popover__count").innerText();
    const at = await count();
    assert(/^1 \/ \d+$/.test(at), `the first step: ${at}`);
    for (let i = 0; i < 3; i++) await page.keyboard.press("PageDown");
    // The fourth step is shown, its marker is the open one, and the card is laid out on screen.
    await until(page, () => {
      const d = document.querySelector("[role=dialog]");
      const id = d?.getAttribute("data-event-id");
      const t = document.querySelector(".tl-popover__title")?.getBoundingClientRect();
      const b = d?.getBoundingClientRect();
      return /^4 \//.test(document.querySelector(".tl-popover__count")?.innerText ?? "") &&
        document.querySelector(`.tl-track [data-event-id="${id}"]`)?.getAttribute("aria-expanded") === "true" &&
        b.bottom <= 721 && b.height >= 150 && t && t.bottom <= 720;
    });
    assert(/^4 \//.test(await count()), `three PageDowns later: ${await count()}`);
    const box = await dialog.boundingBox();
    assert(box.y + box.height <= 720 + 1, `the event card ends on screen: ${JSON.stringify(box)}`);
    assert(box.height >= 150, `the card has room to read: ${box.height}px`);
    // Its title and date are in view; longer text scrolls inside the card.
    const title = await page.locator(".tl-popover__title").boundingBox();
    assert(title.y + title.height <= 720, "the title is on screen");
    // The current event is marked on the track too.
    const id = await dialog.getAttribute("data-event-id");
    eq(await page.getAttribute(`.tl-track [data-event-id="${id}"]`, "aria-expanded"), "true", "its marker is the open one");
    await shot("present-720p");
  },

  async "filters apply to the steps"({ page, base }) {
    await page.goto(`${base}/index.html?lang=en&mode=present`);
    await ready(page);
    await page.getByRole("button", { name: "Leave presentation" }).click();
    // Keep only nuclear events.
    for (const name of ["Treaties & agreements", "Summits & visits", "War & military", "Ideology & polemics", "Economy, aid & advisers"]) {
      await page.getByRole("button", { name: new RegExp(`^${name.replace(/[&,]/g, ".")}`) }).click();
    }
    await page.getByRole("button", { name: "Presentation mode" }).click();
    await page.getByRole("dialog").waitFor();
    eq(await page.locator(".tl-popover__count").innerText(), "1 / 7", "seven nuclear steps");
  },
};
