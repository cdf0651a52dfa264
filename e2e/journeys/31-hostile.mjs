// Hostile content, end to end: bundles whose every text is markup, script URLs, template
// syntax, bidi overrides, zero-width characters or 19 000-character words, each rendered in a
// host page with two widgets (Indonesian and English) and each event's popover opened.
// Nothing may run (the canary window.__pwned stays unset, no dialog opens), no markup from a
// bundle may become an element, only http(s) links may exist (with rel="noopener noreferrer"),
// nothing may escape the widget's box, and the host page around it must keep working.
import fs from "node:fs";
import path from "node:path";
import { assert, eq } from "../lib/assert.mjs";

const HOST = "fixtures/hostile/host.html";

/**
 * Overflows found in parts of the UI this journey's author does not own, reported to their
 * owners: printed as notes instead of failing. Remove an entry once it is fixed.
 *   .tl-chip / .tl-chips — the category filter chips (src/ui/toolbar.rs, style/timeline.css)
 *     neither wrap nor cut a long category label: a 19 000-character label makes a chip
 *     ~200 000 px wide, clipped by .tl-root.
 *   .tl-era__label — era labels (src/ui/timeline.rs, style/timeline.css) are not cut to their
 *     band; clipped by the viewport, so they do not escape, but overlap the next band.
 */
// Selectors of elements known to overflow (none now: chip labels and the title are cut).
const KNOWN = "";
const notes = new Set();

/** Elements a bundle's text could smuggle in; the widget itself creates none of them. */
const FOREIGN = "script, img, iframe, style, object, embed, link, meta, svg[onload], b[onmouseover]";

async function setUp(page) {
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    window.__pwned = undefined;
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return dialogs;
}

async function openHost(page, base, bundle) {
  await page.goto(`${base}/${HOST}?src=/fixtures/hostile/${bundle}`);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-timeline][data-ready="true"]').length === 2,
    null, { timeout: 20_000 });
}

/** The ids of the bundle's events, from the file. */
function eventIds(root, bundle) {
  const b = JSON.parse(fs.readFileSync(path.join(root, "tests", "bundles", "hostile", bundle), "utf8"));
  return b.events.map((e) => e.id);
}

/**
 * Opens the popover of `id` in the widget of slot `slot` (its marker, or the cluster that
 * holds it, is clicked) and returns the dialog locator.
 */
async function openPopover(page, slot, id) {
  const marker = page.locator(`#${slot} .tl-track button[data-event-id="${id}"]`);
  // A focused marker shows its label in full, over its neighbours: move focus to the host.
  await page.locator("#host-before").click();
  let clicked = false;
  if (await marker.count()) {
    clicked = await marker.click({ timeout: 2_000 }).then(() => true, () => false);
  }
  if (!clicked) {
    // Keyboard: focus the first marker, walk to the event.
    await page.locator(`#${slot} .tl-track button[data-event-id]`).first().focus();
    for (let i = 0; i < 20; i++) {
      const now = await page.evaluate(() => document.activeElement?.getAttribute("data-event-id"));
      if (now === id) break;
      await page.keyboard.press("ArrowRight");
    }
    await page.keyboard.press("Enter");
  }
  const dialog = page.locator(`#${slot} [role=dialog][data-event-id="${id}"]`);
  await dialog.waitFor({ timeout: 5_000 });
  return dialog;
}

/**
 * Text that does not wrap shows up as an element wider than the box that clips or scrolls it.
 * For every element inside the widget, finds its nearest ancestor that clips (overflow not
 * visible; the widget's own element when none) and reports it when it sticks out sideways, or
 * out of the bottom or top when that ancestor does not scroll. Markers, axis and overview
 * content are placed by date and clipped by design; their labels are checked by width.
 */
async function escapes(page, slot) {
  const { out, notes: found } = await page.evaluate(({ slot, known }) => {
    const host = document.querySelector(`#${slot} [data-timeline]`);
    const out = [];
    const notes = [];
    const clipOf = (el) => {
      for (let a = el.parentElement; a && a !== host; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== "visible" || s.overflowY !== "visible") return a;
      }
      return host;
    };
    const name = (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`;
    for (const el of host.querySelectorAll("*")) {
      if (el.closest(".tl-track, .tl-axis, .tl-overview, .tl-sr-only, .tl-era")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const clip = clipOf(el);
      const c = clip.getBoundingClientRect();
      const s = getComputedStyle(clip);
      const scrollsY = /auto|scroll/.test(s.overflowY);
      const sideways = r.left < c.left - 1 || r.right > c.right + 1;
      const vertical = !scrollsY && (r.top < c.top - 1 || r.bottom > c.bottom + 1);
      if (sideways || vertical) {
        if (known && el.closest(known)) {
          notes.push(name(el.closest(known)));
          continue;
        }
        out.push(`${name(el)} ${Math.round(r.left)}..${Math.round(r.right)} x ${Math.round(r.top)}..${Math.round(r.bottom)} outside ${name(clip)} ${Math.round(c.left)}..${Math.round(c.right)} x ${Math.round(c.top)}..${Math.round(c.bottom)}`);
      }
    }
    for (const label of host.querySelectorAll(".tl-era__label")) {
      const band = label.closest(".tl-era").getBoundingClientRect();
      if (label.getBoundingClientRect().width > band.width + 1) notes.push("span.tl-era__label");
    }
    return { out, notes };
  }, { slot, known: KNOWN });
  for (const n of found) {
    if (!notes.has(n)) console.log(`     note: ${n} overflows its box (known, owned elsewhere; see KNOWN in 31-hostile.mjs)`);
    notes.add(n);
  }
  return out;
}

/** A screenshot of the viewport around `locator` (full-page shots of huge widgets are useless). */
async function viewShot(page, locator, label) {
  await locator.scrollIntoViewIfNeeded().catch(() => {});
  await page.screenshot({ path: path.join("e2e", "out", `31-hostile--${label}.png`) });
}

async function checkSafe(page, dialogs, label) {
  eq(await page.evaluate(() => window.__pwned), undefined, `${label}: the canary stays unset`);
  eq(dialogs.length, 0, `${label}: no dialog opened (${dialogs.join(", ")})`);
  const foreign = await page.evaluate((sel) =>
    [...document.querySelectorAll("[data-timeline]")].flatMap((w) =>
      [...w.querySelectorAll(sel)].map((e) => e.outerHTML.slice(0, 80))), FOREIGN);
  eq(foreign.length, 0, `${label}: no element made from bundle text: ${foreign.join(" | ")}`);
  const links = await page.$$eval("[data-timeline] a", (as) =>
    as.map((a) => ({ href: a.getAttribute("href"), rel: a.getAttribute("rel") })));
  for (const l of links) {
    assert(/^https?:\/\//.test(l.href), `${label}: only http(s) links: ${l.href}`);
    eq(l.rel, "noopener noreferrer", `${label}: rel of ${l.href}`);
  }
  const attrs = await page.evaluate(() =>
    [...document.querySelectorAll("[data-timeline] *")].flatMap((e) =>
      [...e.attributes].filter((a) => /^on/i.test(a.name) || (a.name === "style" && /url\(|expression/i.test(a.value)))
        .map((a) => `${e.tagName} ${a.name}=${a.value}`)));
  eq(attrs.length, 0, `${label}: no event-handler attribute or style url: ${attrs.join(" | ")}`);
  eq((await page.evaluate(() => window.__violations)).length, 0, `${label}: no CSP violation`);
  // The host page still works.
  const before = Number(await page.locator("#host-count").innerText());
  await page.locator("#host-button").click();
  eq(Number(await page.locator("#host-count").innerText()), before + 1, `${label}: the host's button works`);
  assert(await page.locator("#host-after").isVisible(), `${label}: the host's text after the widgets is visible`);
  const hscroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(hscroll <= 0, `${label}: the page does not scroll sideways (${hscroll}px too wide)`);
}

/** Renders `bundle`, opens every event's popover in both widgets, checks, screenshots. */
async function render(ctx, bundle, extra = async () => {}) {
  const { page, base, errors, root } = ctx;
  const dialogs = await setUp(page);
  await openHost(page, base, bundle);
  const name = bundle.replace(".json", "");
  for (const slot of ["slot-id", "slot-en"]) {
    for (const id of eventIds(root, bundle)) {
      const dialog = await openPopover(page, slot, id);
      await extra(page, slot, id, dialog);
      const out = await escapes(page, slot);
      eq(out.length, 0, `${name} ${slot} ${id}: nothing escapes its box:\n${out.slice(0, 6).join("\n")}`);
      await viewShot(page, dialog, `${name}-${slot}-${id}`);
      await page.keyboard.press("Escape");
    }
  }
  await checkSafe(page, dialogs, name);
  eq(errors.length, 0, `${name}: console errors: ${errors.join(" | ")}`);
}

export const journeys = {
  async "script, markup and URLs in every text stay text"(ctx) {
    await render(ctx, "canary.json", async (page, slot, id, dialog) => {
      if (id !== "treaty-1950") return;
      const text = await dialog.innerText();
      if (slot === "slot-en") {
        assert(text.includes("Treaty <img src=x onerror=window.__pwned=1>"), `title as text: ${text}`);
        assert(text.includes("data:text/html,<script>window.__pwned=1</script>"), "summary as text");
        assert(text.includes("&lt;img src=x onerror=window.__pwned=1&gt; &amp; &#x3C;b&#x3E;"),
          "entities are not decoded");
      } else {
        assert(text.includes("<script>window.__pwned=1</script> javascript:window.__pwned=1"), `summary as text: ${text}`);
      }
      assert(text.includes("</blockquote><script>window.__pwned=1</script>"), "excerpt as text");
      // The hostile-but-valid source URL is a link, set as an attribute, never parsed.
      const href = await dialog.locator("a").getAttribute("href");
      assert(href.startsWith("https://example.org/\"><script>"), `href kept verbatim: ${href}`);
      // Source 0 has no URL: its caption is plain text, not a link.
      eq(await dialog.locator("a").count(), 1, "only the http(s) source is a link");
    });
  },

  async "the older markup corpus stays text"(ctx) {
    await render(ctx, "markup.json");
  },

  async "bidi overrides and zero-width characters stay inside their text"(ctx) {
    const bundle = JSON.parse(fs.readFileSync(path.join(ctx.root, "tests/bundles/hostile/bidi-and-zero-width.json"), "utf8"));
    await render(ctx, "bidi-and-zero-width.json", async (page, slot, id, dialog) => {
      if (id !== "treaty-1950" || slot !== "slot-en") return;
      const title = await dialog.locator(".tl-popover__title").evaluate((e) => e.firstChild.textContent);
      eq(title, bundle.events[0].title.en, "the title's characters are kept exactly");
    });
    // An override left open in a bundle title must not reorder the host's text after it.
    const order = await ctx.page.evaluate(() => {
      const p = document.getElementById("host-after");
      const range = document.createRange();
      const t = p.firstChild;
      range.setStart(t, 0); range.setEnd(t, 1);
      const first = range.getBoundingClientRect().left;
      range.setStart(t, t.length - 1); range.setEnd(t, t.length);
      return [first, range.getBoundingClientRect().left];
    });
    assert(order[0] < order[1], `the host's paragraph still reads left to right: ${order}`);
  },

  async "19 000-character words wrap inside the popover and labels"(ctx) {
    await render(ctx, "word-19000.json", async (page, slot, id, dialog) => {
      const r = await dialog.boundingBox();
      assert(r.width <= 420, `the popover keeps its width: ${r.width}`);
      const widest = await dialog.evaluate((d) =>
        Math.max(...[...d.querySelectorAll("*")].map((e) => e.getBoundingClientRect().right - d.getBoundingClientRect().right)));
      assert(widest <= 1, `nothing sticks out of the popover: ${widest}px`);
    });
    const labels = await ctx.page.$$eval("[data-timeline] .tl-marker__label", (ls) =>
      ls.map((l) => l.getBoundingClientRect().width));
    // Titles are drawn whole where they fit, up to the core's MAX_LABEL_PX (480) plus padding.
    assert(labels.every((w) => w <= 490.5), `labels are cut to their maximum width: ${labels}`);
  },

  async "a 20 000-character summary (at the limit) wraps"(ctx) {
    await render(ctx, "word-at-the-limit.json");
  },

  async "prototype keys pollute nothing"(ctx) {
    await render(ctx, "prototype-keys.json");
    eq(await ctx.page.evaluate(() => ({}).polluted), undefined, "Object.prototype untouched");
  },

  async "rejected hostile bundles show their problem as text"({ page, base, shot, errors }) {
    const dialogs = await setUp(page);
    for (const [bundle, re] of [
      ["bad/url-javascript.json", /sources\[\d\]\.url: The link "javascript:/],
      ["bad/url-data.json", /sources\[\d\]\.url: The link "data:/],
      ["bad/color-css-url.json", /categories\[\d\]\.color: The colour "url\(javascript:alert\(1\)\)"/],
      ["hostile/word-100000.json", /events\[0\]\.summary\.en: This text has 100000 characters/],
    ]) {
      await page.goto(`${base}/${HOST}?src=/fixtures/${bundle}`);
      const panel = page.locator("#slot-en [role=alert]");
      await panel.waitFor({ timeout: 20_000 });
      const text = await panel.innerText();
      assert(re.test(text), `${bundle}: ${re} in ${text}`);
      await page.locator("#slot-id [role=alert]").waitFor();
      await shot(bundle.replace(/\W+/g, "-"));
      await checkSafe(page, dialogs, bundle);
    }
    eq(errors.length, 0, `console errors: ${errors.join(" | ")}`);
  },
};
