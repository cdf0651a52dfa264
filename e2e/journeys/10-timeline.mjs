// Issue 4 journeys: zoom, pan, keyboard popover, phone bottom sheet.
import { assert, eq, ready } from "../lib/assert.mjs";
import { settled, until } from "../lib/wait.mjs";

const tickLabels = (page) => page.$$eval(".tl-tick__label", (els) => els.map((e) => e.textContent));
const rangeLabel = (page) => page.locator(".tl-range-label").innerText();
/** Waits until the range label no longer reads `before` (the view has started to move). */
const rangeLeft = (page, before) =>
  until(page, (b) => document.querySelector(".tl-range-label")?.innerText !== b, before);

export const journeys = {
  async "Ctrl + wheel zooms into 1958 and the axis turns to months"({ page, base, shot }) {
    await page.goto(`${base}/index.html?lang=en`);
    await ready(page);
    const vp = page.locator(".tl-viewport");
    const box = await vp.boundingBox();
    // Find the x of mid-1958 from the year ticks.
    const x1958 = await page.$$eval(".tl-tick", (els) => {
      const t = els.find((e) => e.textContent.trim() === "1958");
      return t ? t.getBoundingClientRect().left : null;
    });
    assert(x1958 !== null, "a 1958 tick at the whole range");
    const yearPx = box.width / 16.4;
    const x = x1958 + yearPx / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.keyboard.down("Control");
    // Eight notches: about a twelfth of the range, i.e. a year and a half.
    const whole = await rangeLabel(page);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -200);
    await page.keyboard.up("Control");
    await rangeLeft(page, whole);
    await settled(page);
    const labels = await tickLabels(page);
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    assert(labels.filter((l) => months.includes(l)).length >= 3, `month ticks after zoom: ${labels}`);
    assert(labels.includes("1958"), `1958 is on screen: ${labels}`);
    // The page itself did not scroll or zoom.
    eq(await page.evaluate(() => window.scrollY), 0, "page did not scroll on Ctrl+wheel");
    // The era the view lies in is named on screen, though it began years before the view.
    const era = await page.evaluate(() => {
      const vp = document.querySelector(".tl-viewport").getBoundingClientRect();
      return [...document.querySelectorAll(".tl-era__label")]
        .map((l) => ({ text: l.innerText.trim(), r: l.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.left >= vp.left && r.right <= vp.right && r.bottom <= vp.bottom)
        .map(({ text }) => text);
    });
    assert(era.some((t) => /growing strains/i.test(t)), `the 1956–1959 era is named in view: ${era}`);
    await shot("zoomed-1958");
  },

  async "a bare marker shows its title and date while focused"({ page, base, shot }) {
    await page.goto(`${base}/index.html?lang=en`);
    await ready(page);
    const bare = page.locator(".tl-marker:not(:has(.tl-marker__label))").first();
    eq(await bare.count(), 1, "the whole range has bare markers");
    const name = await bare.getAttribute("aria-label");
    assert(/^.{4,}, .*19[56]\d/.test(name), `the name has a title and a date: ${name}`);
    const drawn = () => bare.evaluate((el) => getComputedStyle(el, "::after").content);
    eq(await drawn(), "none", "no name drawn before focus");
    // A key press first, so the programmatic focus counts as keyboard focus (:focus-visible).
    await page.keyboard.press("Shift");
    await bare.focus();
    eq(await drawn(), JSON.stringify(name), "the focused bare marker draws its accessible name");
    await shot("bare-marker-focused");
  },

  async "a plain wheel scrolls the page, not the timeline"({ page, base }) {
    await page.setViewportSize({ width: 1280, height: 400 });
    await page.goto(`${base}/index.html?lang=en`);
    await ready(page);
    const before = await rangeLabel(page);
    const box = await page.locator(".tl-viewport").boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.wheel(0, 300);
    // The page scrolls (and the hint lights up) where the timeline would otherwise have zoomed.
    await until(page, () => window.scrollY > 0 && !!document.querySelector(".tl-hint--shown"));
    await settled(page);
    eq(await rangeLabel(page), before, "view unchanged by a plain wheel");
    assert((await page.evaluate(() => window.scrollY)) > 0, "the page scrolled");
    assert(await page.locator(".tl-hint--shown").count() === 1, "the zoom hint is emphasised");
  },

  async "a drag pans the view"({ page, base, shot }) {
    await page.goto(`${base}/index.html?lang=en`);
    await ready(page);
    // Zoom in first (button), then drag right-to-left: later dates come into view.
    const whole = await rangeLabel(page);
    await page.getByRole("button", { name: "Zoom in" }).click();
    await page.getByRole("button", { name: "Zoom in" }).click();
    await rangeLeft(page, whole);
    await settled(page);
    const before = await rangeLabel(page);
    const box = await page.locator(".tl-viewport").boundingBox();
    const y = box.y + box.height - 12;
    await page.mouse.move(box.x + 700, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 700 - i * 40, y);
    await page.mouse.up();
    await rangeLeft(page, before);
    const after = await rangeLabel(page);
    assert(after !== before, `drag changed the view: ${before} → ${after}`);
    assert((await page.locator("[role=dialog]").count()) === 0, "a drag opens no popover");
    await shot("dragged");
  },

  async "keyboard alone opens the 1950 treaty, shows its source, Esc returns focus"({ page, base, shot }) {
    await page.goto(`${base}/index.html?lang=id`);
    await ready(page);
    let id = null;
    for (let i = 0; i < 40 && !id; i++) {
      await page.keyboard.press("Tab");
      id = await page.evaluate(() => document.activeElement?.getAttribute("data-event-id"));
    }
    assert(id, "Tab reaches the events");
    for (let i = 0; i < 5 && id !== "sino-soviet-treaty"; i++) {
      await page.keyboard.press("ArrowRight");
      await until(page, (was) => document.activeElement?.getAttribute("data-event-id") !== was, id);
      id = await page.evaluate(() => document.activeElement?.getAttribute("data-event-id"));
    }
    eq(id, "sino-soviet-treaty", "arrow keys reach the treaty");
    const name = await page.evaluate(() => document.activeElement.getAttribute("aria-label"));
    assert(/14 Februari 1950/.test(name), `marker name has the date: ${name}`);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    eq(await dialog.getAttribute("data-event-id"), "sino-soviet-treaty", "dialog is the treaty's");
    const text = await dialog.innerText();
    assert(/14 Februari 1950/.test(text), "date at day precision");
    assert(/Uni Soviet dan Republik Rakyat China/.test(text), "the quoted excerpt");
    assert(/Liputan6\.com/.test(text), "its source");
    assert(/Catatan redaksi/.test(text), "the editor's note");
    assert(/sumber/i.test(text) && /kutipan/i.test(text), "sources and excerpts under their own headings");
    const cites = dialog.locator(".tl-cites a");
    assert((await cites.count()) >= 2, "the treaty cites at least two sources");
    for (const a of await cites.all()) {
      eq(await a.getAttribute("target"), "_blank", "a source opens in a new tab");
      eq(await a.getAttribute("rel"), "noopener noreferrer", "without handing over the page");
      assert(/^https:\/\//.test(await a.getAttribute("href")), "at an https address");
      assert(/membuka tab baru/.test(await a.textContent()), "and says so to screen readers");
    }
    assert(await page.evaluate(() => !!document.activeElement.closest("[role=dialog]")), "focus in dialog");
    await shot("treaty-popover");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await until(page, () => document.activeElement?.getAttribute("data-event-id") === "sino-soviet-treaty");
    eq(
      await page.evaluate(() => document.activeElement?.getAttribute("data-event-id")),
      "sino-soviet-treaty",
      "focus back on the marker",
    );
  },

  async "phone: the popover is a bottom sheet inside the screen"({ browser, base }) {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    const page = await ctx.newPage();
    await page.goto(`${base}/index.html?lang=en`);
    await ready(page);
    const marker = page.locator(".tl-track button[data-event-id]").first();
    await marker.tap();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    assert(await dialog.evaluate((d) => d.classList.contains("tl-popover--sheet")), "sheet class");
    const box = await dialog.boundingBox();
    assert(box.x >= 0 && box.x + box.width <= 376, `sheet inside the screen: ${JSON.stringify(box)}`);
    await page.screenshot({ path: "e2e/out/10-timeline--phone-sheet.png", fullPage: true });
    await ctx.close();
  },
};
