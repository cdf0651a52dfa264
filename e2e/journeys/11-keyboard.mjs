// Issue 11: the keyboard keeps its place. Tab to a marker, walk, zoom in and out, pan and open:
// after every key focus is on a marker (never <body>), zoom keys keep the same event focused and
// on screen, and the popover that opens belongs to the focused marker.
import { assert, eq, ready } from "../lib/assert.mjs";
import { settled } from "../lib/track.mjs";

const focused = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    const m = a && a.closest && a.closest(".tl-track .tl-marker");
    if (!m) return { id: null, tag: a ? a.tagName : null };
    const vp = m.closest(".tl-viewport").getBoundingClientRect();
    const r = m.querySelector(".tl-marker__icon").getBoundingClientRect();
    return { id: m.getAttribute("data-event-id"), onScreen: r.left >= vp.left && r.right <= vp.right };
  });

export const journeys = {
  async "keyboard: Tab, → →, + + +, − −, Shift + →, Enter keep focus on a marker"({ page, base, shot }) {
    await page.goto(`${base}/index.html?lang=en`);
    await ready(page);
    let f = { id: null };
    for (let i = 0; i < 40 && !f.id; i++) {
      await page.keyboard.press("Tab");
      f = await focused(page);
    }
    assert(f.id, "Tab reaches a marker");
    const steps = [
      ["ArrowRight", "walk"], ["ArrowRight", "walk"],
      ["+", "zoom"], ["+", "zoom"], ["+", "zoom"],
      ["-", "zoom"], ["-", "zoom"],
      ["Shift+ArrowRight", "pan"],
    ];
    const log = [];
    for (const [key, kind] of steps) {
      const before = f.id;
      if (key.length === 1) await page.keyboard.type(key);
      else await page.keyboard.press(key);
      await settled(page);
      f = await focused(page);
      log.push(`${key}: ${f.id ?? f.tag}`);
      assert(f.id, `after ${key} focus is on a marker, not ${f.tag} (${log.join(", ")})`);
      if (kind === "walk") assert(f.id !== before, `${key} moves to the next event`);
      else eq(f.id, before, `${key} keeps the focused event`);
      if (kind === "zoom") assert(f.onScreen, `after ${key} the focused event is on screen`);
    }
    await shot("keyboard-after-zoom-and-pan");
    await page.keyboard.press("Enter");
    const dialog = page.locator('[role="dialog"][data-event-id]');
    await dialog.waitFor();
    eq(await dialog.getAttribute("data-event-id"), f.id, "the popover belongs to the focused marker");
  },

  async "a filter that hides the focused event moves focus to the nearest and says so"({ page, base }) {
    await page.goto(`${base}/index.html?lang=en`);
    await ready(page);
    const first = page.locator(".tl-track .tl-marker").first();
    await page.keyboard.press("Shift");
    await first.focus();
    await page.keyboard.press("ArrowRight");
    await settled(page);
    const id = (await focused(page)).id;
    // Hide the focused event's category with its filter button, then come back to the track.
    const category = await page.evaluate((id) => {
      const m = document.querySelector(`.tl-track [data-event-id="${id}"]`);
      return getComputedStyle(m.querySelector(".tl-marker__icon")).backgroundColor;
    }, id);
    const hidden = await page.evaluate((color) => {
      const chip = [...document.querySelectorAll("[data-timeline] .tl-chip")].find(
        (b) => getComputedStyle(b.querySelector(".tl-chip__icon")).backgroundColor === color,
      );
      if (!chip) return false;
      chip.click();
      return true;
    }, category);
    assert(hidden, `a filter button for the colour ${category}`);
    await page.waitForFunction((id) => !document.querySelector(`.tl-track [data-event-id="${id}"]`), id);
    const notice = await page.waitForFunction(() =>
      [...document.querySelectorAll("[data-timeline] [aria-live]")].map((e) => e.textContent).find((t) => /focus moved to/.test(t)),
    );
    assert(await notice.jsonValue(), "the move is announced");
  },
};
