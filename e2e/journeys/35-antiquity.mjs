// Issue 12: years before our era, end to end. A bundle of the late Roman Republic
// (tests/bundles/good/antiquity.json, years -0059..0014, astronomical: -0043 is 44 BC) renders,
// labels its axis and the visible range "… SM" / "… BC" (never "-43"), opens a popover dated
// "15 Maret 44 SM" from a deep link, and keeps a BC range in the fragment.
import { assert, ready } from "../lib/assert.mjs";

export const journeys = {
  async "a bundle of antiquity shows years BC on the axis, in the popover and in deep links"({ page, base, errors }) {
    for (const [lang, bc, date] of [["id", / SM$/, "15 Maret 44 SM"], ["en", / BC$/, "15 March 44 BC"]]) {
      await page.goto(`${base}/index.html?src=fixtures/good/antiquity.json&lang=${lang}#event=ides-of-march&range=-0045..-0040`);
      await ready(page);
      const labels = (await page.locator(".tl-tick__label").allInnerTexts()).map((l) => l.trim()).filter(Boolean);
      assert(labels.some((l) => bc.test(l)), `${lang}: no BC year on the axis: ${labels.join(" | ")}`);
      assert(!labels.some((l) => l.startsWith("-")), `${lang}: a raw negative year on the axis: ${labels.join(" | ")}`);
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      const text = await dialog.innerText();
      assert(text.includes(date), `${lang}: the popover does not say ${date}: ${text}`);
      // The visible range over the track reads the same way ("Menampilkan Januari 45 SM – …").
      const range = (await page.locator(".tl-range-label").innerText()).trim();
      assert(/^\S+ \S+ \d+ (SM|BC) – \S+ \d+ (SM|BC)$/.test(range) && bc.test(range), `${lang}: the visible range: ${range}`);
      assert(!/-\d/.test(range), `${lang}: a raw negative year in the visible range: ${range}`);
      assert(/range=-0045/.test(page.url()), `the BC range stays in the link: ${page.url()}`);
    }
    assert(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  },
};
