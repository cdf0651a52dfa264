// Issue 5: embedding on a hostile news page, goto links, iframe, mount function, languages.
import { assert, eq, ready } from "../lib/assert.mjs";
import { until } from "../lib/wait.mjs";

export const journeys = {
  async "news article: hostile CSS, two widgets, goto links, iframe"({ page, base, shot, errors }) {
    await page.goto(`${base}/examples/news-article.html`);
    await ready(page, "#linimasa-utama");
    await ready(page, "#linimasa-kedua");
    // Both widgets render their own language; buttons survive `button { display: none }`.
    const zoomIn = page.locator("#linimasa-utama").getByRole("button", { name: "Perbesar", exact: true });
    assert(await zoomIn.isVisible(), "Indonesian zoom button visible despite host CSS");
    const zoomIn2 = page.locator("#linimasa-kedua").getByRole("button", { name: "Zoom in", exact: true });
    assert(await zoomIn2.isVisible(), "English zoom button in the second widget");
    // Markers are laid out (absolute positions survive `div { position: relative !important }`).
    const tops = await page.$$eval("#linimasa-utama .tl-track button[data-event-id]", (els) =>
      els.slice(0, 8).map((e) => e.getBoundingClientRect().height),
    );
    assert(tops.every((h) => h > 10 && h < 60), `marker heights sane: ${tops}`);
    const fontSize = await page.$eval("#linimasa-utama .tl-hint", (e) => getComputedStyle(e).fontSize);
    eq(fontSize, "12px", "host `* { font: 40px serif }` does not reach the widget");
    // The widget's CSS does not change the host page.
    eq(await page.$eval(".after", (e) => getComputedStyle(e).fontSize), "20px", "host paragraph untouched");
    await page.click("#host-counter");
    eq(await page.textContent("#host-counter"), "Tombol milik halaman: 1", "host button works");
    // Two widgets do not interfere: zooming one leaves the other.
    const label1 = () => page.locator("#linimasa-utama .tl-range-label").innerText();
    const label2 = () => page.locator("#linimasa-kedua .tl-range-label").innerText();
    const before1 = await label1();
    const before2 = await label2();
    await zoomIn.click();
    // The first widget's zoom has reached the screen (its range label moved) before the second
    // is looked at.
    await until(page, (b) => document.querySelector("#linimasa-utama .tl-range-label")?.innerText !== b, before1);
    assert((await label1()) !== before1, `the first widget zoomed: ${before1}`);
    eq(await label2(), before2, "second widget unchanged by the first's zoom");
    // A link in the article opens the event in the named widget.
    await page.click('a[data-timeline-goto="sino-soviet-treaty"]');
    const dialog = page.locator("#linimasa-utama [role=dialog]");
    await dialog.waitFor();
    eq(await dialog.getAttribute("data-event-id"), "sino-soviet-treaty", "goto opened the treaty");
    await page.click('button[data-timeline-goto="test-ban-treaty"]');
    const dialog2 = page.locator("#linimasa-kedua [role=dialog]");
    await dialog2.waitFor();
    eq(await dialog2.getAttribute("data-event-id"), "test-ban-treaty", "goto targets the second widget");
    // The iframe reports its height.
    const frame = page.locator("iframe[data-timeline-frame]");
    await page.waitForFunction(() => {
      const f = document.querySelector("iframe[data-timeline-frame]");
      return f && f.style.height && parseInt(f.style.height, 10) > 300;
    }, null, { timeout: 20_000 });
    const fh = await frame.evaluate((f) => f.style.height);
    assert(parseInt(fh, 10) > 300, `iframe resized to content: ${fh}`);
    // The third widget, mounted by the host's own script, in the contrast theme: far down the
    // page, it loads when the reader comes near it.
    await page.$eval("#linimasa-ketiga", (e) => e.scrollIntoView());
    await ready(page, "#linimasa-ketiga");
    eq(await page.getAttribute("#linimasa-ketiga", "data-theme"), "contrast", "mounted by the host");
    await shot("news-article");
    eq(errors.length, 0, `console errors: ${errors.join(" | ")}`);
  },

  async "the mount function renders into an element built by the host"({ page, base }) {
    await page.goto(`${base}/embed.html?src=data/sino-soviet-1950-1965.json`);
    await ready(page);
    await page.evaluate(async () => {
      const el = document.createElement("div");
      el.id = "dyn";
      document.body.append(el);
      const mod = await import("./boot.js");
      (await mod.ready).mount(el, { src: "data/sino-soviet-1950-1965.json", lang: "en", theme: "contrast" });
    });
    await ready(page, "#dyn");
    eq(await page.getAttribute("#dyn", "data-theme"), "contrast", "theme applied");
    eq(await page.getAttribute("#dyn", "lang"), "en", "language applied");
  },

  async "from 320 to 2560 px wide the widget fits its container"({ browser, base }) {
    for (const [width, touch] of [[320, false], [320, true], [768, false], [2560, false]]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, hasTouch: touch, isMobile: touch });
      const page = await ctx.newPage();
      await page.goto(`${base}/index.html?lang=id`);
      await ready(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `${width}px: page scrolls sideways by ${overflow}px`);
      const markers = await page.locator(".tl-track button[data-event-id]").count();
      assert(markers >= 8, `${width}px: ${markers} markers`);
      // Every control is in view, whole (a phone's controls wrap instead of scrolling).
      const cut = await page.$$eval(".tl-controls button", (bs) => {
        const root = document.querySelector(".tl-root").getBoundingClientRect();
        return bs.filter((b) => { const r = b.getBoundingClientRect(); return r.left < root.left || r.right > root.right + 0.5 || b.scrollWidth > b.clientWidth + 1; })
          .map((b) => b.getAttribute("aria-label"));
      });
      eq(cut.length, 0, `${width}px: controls cut or outside the widget: ${cut}`);
      // The title is read whole, not cut by its line clamp.
      const title = await page.$eval(".tl-title", (t) => ({ text: t.innerText, cut: t.scrollHeight - t.clientHeight }));
      assert(title.cut <= 1, `${width}px: the title "${title.text}" is cut by ${title.cut}px`);
      await page.screenshot({ path: `e2e/out/20-embed--width-${width}${touch ? "-touch" : ""}.png` });
      await ctx.close();
    }
  },

  async "data-height: a shorter track gets fewer rows, all inside it"({ page, base }) {
    await page.goto(`${base}/embed.html?src=data/sino-soviet-1950-1965.json`);
    await ready(page);
    await page.evaluate(async () => {
      const el = document.createElement("div");
      el.id = "short";
      el.setAttribute("data-height", "180");
      document.body.append(el);
      const mod = await import("./boot.js");
      (await mod.ready).mount(el, { src: "data/sino-soviet-1950-1965.json", lang: "en" });
    });
    await ready(page, "#short");
    // The track may be laid out again once the widget has measured itself: wait for the state
    // checked below (a shorter track with every marker inside it), then check it.
    await until(page, () => {
      const vp = document.querySelector("#short .tl-viewport")?.getBoundingClientRect();
      if (!vp || Math.abs(vp.height - 180) > 2) return false;
      return [...document.querySelectorAll("#short .tl-track button")].every((e) => e.getBoundingClientRect().bottom <= vp.bottom + 1);
    });
    const vp = await page.locator("#short .tl-viewport").boundingBox();
    assert(Math.abs(vp.height - 180) <= 2, `track height ${vp.height}`);
    const outside = await page.$$eval("#short .tl-track button", (els, bottom) =>
      els.filter((e) => e.getBoundingClientRect().bottom > bottom + 1).length, vp.y + vp.height);
    eq(outside, 0, "every marker and cluster inside the shorter track");
  },

  async "language: attribute, page language, and the switcher"({ page, base }) {
    await page.goto(`${base}/index.html`);
    await ready(page);
    eq(await page.getAttribute("[data-timeline]", "lang"), "id", "Indonesian from <html lang>");
    assert(await page.getByRole("button", { name: "Perbesar", exact: true }).isVisible(), "Indonesian names");
    await page.getByRole("button", { name: "EN", exact: true }).click();
    assert(await page.getByRole("button", { name: "Zoom in", exact: true }).isVisible(), "English after switch");
    const ticks = await page.$$eval(".tl-tick__label", (els) => els.map((e) => e.textContent));
    assert(ticks.includes("1950"), "ticks still there");
  },
};
