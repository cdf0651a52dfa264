// Issue 12: event media in the widget. The TimelineJS sample imported with `timeline import`
// (crates/cli/tests/fixtures/timelinejs.json) has an image (treaty-1950, no size given) and a
// tweet (stalin-dies); tests/bundles/good/media.json has an image of a given size (800×600).
// Images are requested only when a popover opens, never drawn on the track, load lazily without
// a referrer into a box kept for them before they arrive (nothing moves when they do), and show
// their caption and credit in the popover, the presentation card, the list and print. Anything
// but an image is a labelled link out, never embedded. Screenshots at 1280 and 375 px.
import { assert, eq, ready } from "../lib/assert.mjs";
import { until } from "../lib/wait.mjs";
import { axeViolations, imported, loaded, picture, routePictures, sameBox, serveBundle } from "../lib/media.mjs";

const TREATY = "https://example.org/treaty.jpg";

/** The top of the popover's summary, to see that nothing under the image moves. */
const summaryTop = (page) => page.$eval("[role=dialog] .tl-popover__summary", (e) => e.getBoundingClientRect().top);

export const journeys = {
  async "an event's image is fetched when its popover opens, into the box kept for it"({ page, base, root, shot, errors }) {
    const pictures = await routePictures(page, base);
    await serveBundle(page, base, imported(root, "timelinejs.json"));
    await page.goto(`${base}/index.html?src=/__imported.json&lang=en`);
    await ready(page);
    eq(await page.locator("[data-timeline] img").count(), 0, "no image before a popover opens");
    eq(pictures.requests.length, 0, `nothing fetched before a popover opens: ${pictures.requests}`);

    // Hold the picture back, open the popover, and measure the box it gets before it arrives.
    const release = pictures.hold();
    await page.locator('.tl-track button[data-event-id="treaty-1950"]').click();
    await page.getByRole("dialog").waitFor();
    await pictures.asked(TREATY);
    const before = await picture(page, "[role=dialog] .tl-media");
    const summaryBefore = await summaryTop(page);
    eq(before.naturalWidth, 0, "not loaded yet");
    eq(before.src, TREATY, "the image's address");
    eq(before.alt, "Zhou Enlai signs the treaty", "its text alternative");
    eq(before.loading, "lazy", "loading");
    eq(before.referrerpolicy, "no-referrer", "referrerpolicy");
    eq(before.width, null, "no size in the bundle, so no width attribute");
    // No size in the bundle: a 3 : 2 box, at most 220 px high, inside the popover.
    assert(Math.abs(before.box.w / before.box.h - 1.5) < 0.01 && before.box.h > 100 && before.box.h <= 220.5,
      `the kept box: ${JSON.stringify(before.box)}`);
    release();
    await loaded(page, "[role=dialog] .tl-media");
    const after = await picture(page, "[role=dialog] .tl-media");
    eq(after.naturalWidth, 640, "the image loaded (640 × 427)");
    eq(JSON.stringify(pictures.requests), JSON.stringify([TREATY]), "asked for once");
    eq(pictures.referrers[0], null, "without a Referer");
    assert(sameBox(after.box, before.box), `the image's box moved: ${JSON.stringify(before.box)} → ${JSON.stringify(after.box)}`);
    eq(await summaryTop(page), summaryBefore, "the summary under the image stays put");
    const dialog = await page.getByRole("dialog").boundingBox();
    assert(after.box.x >= dialog.x && after.box.x + after.box.w <= dialog.x + dialog.width, "inside the popover");
    eq((await page.locator("[role=dialog] .tl-media__caption").innerText()).replace(/\s+/g, " "),
      "The signing in Moscow Image: TASS", "caption and credit");
    eq(await page.locator(".tl-track img").count(), 0, "never on the track");
    eq(await axeViolations(page), "", "axe, popover with its image");
    await shot("popover-1280");

    // A phone: the popover is a bottom sheet, the image fits it and is kept the same way.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${base}/index.html?src=/__imported.json&lang=en&w=375#event=treaty-1950`);
    await ready(page);
    await page.getByRole("dialog").waitFor();
    await loaded(page, "[role=dialog] .tl-media");
    const phone = await picture(page, "[role=dialog] .tl-media");
    eq(phone.naturalWidth, 640, "loaded on a phone");
    assert(await page.locator(".tl-popover--sheet").count() === 1, "a bottom sheet");
    const sheet = await page.locator(".tl-popover--sheet").boundingBox();
    assert(phone.box.x >= sheet.x && phone.box.x + phone.box.w <= sheet.x + sheet.width && phone.box.h <= 160.5,
      `the image fits the sheet: ${JSON.stringify(phone.box)} in ${JSON.stringify(sheet)}`);
    await shot("popover-375");
    eq(errors.length, 0, `console errors: ${errors.join(" | ")}`);
  },

  async "an image of a given size keeps that ratio before and after it loads"({ page, base, errors }) {
    const pictures = await routePictures(page, base);
    const release = pictures.hold();
    await page.goto(`${base}/index.html?src=fixtures/good/media.json&lang=en#event=one`);
    await ready(page);
    await page.getByRole("dialog").waitFor();
    await pictures.asked(TREATY);
    const before = await picture(page, "[role=dialog] .tl-media");
    eq(`${before.width}×${before.height}`, "800×600", "width and height from the bundle");
    assert(Math.abs(before.box.w / before.box.h - 4 / 3) < 0.01, `a 4 : 3 box: ${JSON.stringify(before.box)}`);
    release();
    await loaded(page, "[role=dialog] .tl-media");
    const after = await picture(page, "[role=dialog] .tl-media");
    eq(after.naturalWidth, 640, "loaded");
    assert(sameBox(after.box, before.box), `the box moved: ${JSON.stringify(before.box)} → ${JSON.stringify(after.box)}`);
    eq(errors.length, 0, `console errors: ${errors.join(" | ")}`);
  },

  async "media other than an image is a labelled link out, never embedded"({ page, base, root, shot, errors }) {
    const pictures = await routePictures(page, base);
    await serveBundle(page, base, imported(root, "timelinejs.json"));
    const outside = [];
    page.on("request", (r) => r.url().startsWith("https://twitter.com") && outside.push(r.url()));
    await page.goto(`${base}/index.html?src=/__imported.json&lang=en#event=stalin-dies`);
    await ready(page);
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    const link = dialog.locator("a.tl-media-link__a");
    eq(await link.getAttribute("href"), "https://twitter.com/x/status/1", "where it leads");
    eq(await link.getAttribute("target"), "_blank", "a new tab");
    eq(await link.getAttribute("rel"), "noopener noreferrer", "rel");
    const name = (await link.textContent()).replace(/\s+/g, " ").trim();
    for (const part of ["Media on another site", "twitter.com", "Stalin dies", "(opens in a new tab)"]) {
      assert(name.includes(part), `the link says "${part}": ${name}`);
    }
    eq(await page.locator("[data-timeline] :is(iframe, img, video, audio, object, embed)").count(), 0, "nothing embedded");
    eq(outside.length + pictures.requests.length, 0, `nothing fetched from the media's site: ${outside}`);
    eq(await axeViolations(page), "", "axe, popover with a link out");
    await shot("link-out");
    eq(errors.length, 0, `console errors: ${errors.join(" | ")}`);
  },

  async "the presentation card, the list and print show the image with its credit"({ page, base, root, shot, errors }) {
    await routePictures(page, base);
    await serveBundle(page, base, imported(root, "timelinejs.json"));
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${base}/index.html?src=/__imported.json&lang=en&mode=present`);
    await ready(page);
    const card = page.locator("[role=dialog][data-event-id=treaty-1950]");
    await card.waitFor();
    await loaded(page, "[role=dialog] .tl-media");
    const img = await picture(page, "[role=dialog] .tl-media");
    eq(img.naturalWidth, 640, "the card's image loaded");
    const box = await card.boundingBox();
    // The title's text, not its block (which runs on under the floated image).
    const title = await page.$eval(".tl-popover__title", (h) => {
      const r = document.createRange();
      r.selectNodeContents(h);
      const b = r.getBoundingClientRect();
      return { x: b.left, w: b.width };
    });
    // Beside the text, on the right half of the card, and larger than in the popover.
    assert(img.box.x > box.x + box.width / 2 && img.box.h > 200, `the card's image: ${JSON.stringify(img.box)} in ${JSON.stringify(box)}`);
    assert(title.x + title.w <= img.box.x, `the title runs into the image: ${JSON.stringify(title)}, ${JSON.stringify(img.box)}`);
    assert((await card.innerText()).includes("Image: TASS"), "the card gives the credit");
    await shot("present");
    await page.keyboard.press("Escape");
    await until(page, () => !document.querySelector("[data-timeline]").hasAttribute("data-mode"));

    await page.getByRole("button", { name: "Event list" }).click();
    const item = page.locator('[data-list-event-id="treaty-1950"]');
    await item.waitFor();
    await item.scrollIntoViewIfNeeded();
    await loaded(page, '[data-list-event-id="treaty-1950"] .tl-media');
    eq((await picture(page, '[data-list-event-id="treaty-1950"] .tl-media')).naturalWidth, 640, "the list's image loaded");
    assert((await item.innerText()).includes("Image: TASS"), "the list gives the credit");
    const tweet = page.locator('[data-list-event-id="stalin-dies"] a.tl-media-link__a');
    eq(await tweet.getAttribute("href"), "https://twitter.com/x/status/1", "the list links out to the tweet");
    eq(await axeViolations(page), "", "axe, list with media");
    await shot("list");

    // On paper: the list with the image and its credit, and the link's address written out.
    await page.emulateMedia({ media: "print" });
    const printed = await page.$eval('[data-list-event-id="treaty-1950"]', (li) => {
      const fig = li.querySelector(".tl-media");
      const credit = li.querySelector(".tl-media__credit");
      return { figure: getComputedStyle(fig).display, img: fig.querySelector("img").getBoundingClientRect().height, credit: credit && getComputedStyle(credit).display };
    });
    assert(printed.figure !== "none" && printed.img > 50 && printed.credit !== "none", `printed: ${JSON.stringify(printed)}`);
    const after = await page.$eval('[data-list-event-id="stalin-dies"] a.tl-media-link__a', (a) => getComputedStyle(a, "::after").content);
    assert(after.includes("https://twitter.com/x/status/1"), `the printed link's address: ${after}`);
    await page.emulateMedia({ media: "screen" });
    eq(errors.length, 0, `console errors: ${errors.join(" | ")}`);
  },
};
