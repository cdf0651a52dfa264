// Issue 12: a TimelineJS timeline imported with `timeline import` (our own fixtures in
// crates/cli/tests/fixtures/: its Google Sheets CSV and its JSON) renders in the widget, opens a
// popover with its plain-text summary and its image (loaded, in the box kept for it), and
// passes axe with the popover open and the image on screen.
import { assert, eq, ready } from "../lib/assert.mjs";
import { axeViolations, imported, loaded, picture, routePictures, serveBundle } from "../lib/media.mjs";

const CASES = [
  ["timelinejs.json", "treaty-1950", "Treaty signed", "In Moscow.", "https://example.org/treaty.jpg", 640],
  ["timelinejs-sheet.csv", "taiwan-strait-crisis", "Taiwan Strait crisis", "Shelling of Jinmen — without Soviet consent.", "https://example.org/jinmen.jpg", 480],
];

export const journeys = {
  async "an imported TimelineJS timeline renders, opens a popover with its image and passes axe"({ page, base, root, errors }) {
    const pictures = await routePictures(page, base);
    for (const [fixture, id, title, summary, image, naturalWidth] of CASES) {
      const bundle = imported(root, fixture);
      const events = JSON.parse(bundle).events.length;
      await serveBundle(page, base, bundle);
      // A different query per fixture: the same URL with another fragment would not reload.
      await page.goto(`${base}/index.html?src=/__imported.json&lang=en&fixture=${fixture}#event=${id}`);
      await ready(page);
      const shown = await page.locator(".tl-track [data-event-id]").evaluateAll((els) => new Set(els.map((e) => e.dataset.eventId)).size);
      assert(shown >= 1 && shown <= events, `${fixture}: ${shown} of ${events} events on the track`);
      eq(await page.locator(".tl-track img").count(), 0, `${fixture}: no image on the track`);
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      eq(await dialog.getAttribute("data-event-id"), id, `${fixture}: the popover's event`);
      const text = await dialog.innerText();
      assert(text.includes(title) && text.includes(summary), `${fixture}: popover text: ${text}`);
      await loaded(page, "[role=dialog] .tl-media");
      const img = await picture(page, "[role=dialog] .tl-media");
      eq(img.src, image, `${fixture}: the image's address`);
      eq(img.naturalWidth, naturalWidth, `${fixture}: the image loaded`);
      assert(pictures.requests.includes(image), `${fixture}: the image was fetched: ${pictures.requests}`);
      eq(await axeViolations(page), "", `${fixture}: axe`);
      await page.unroute(`${base}/__imported.json`);
    }
    eq(errors.length, 0, `console errors: ${errors.join(" | ")}`);
  },
};
