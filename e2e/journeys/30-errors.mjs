// Failures a reader must see explained inside the widget, in the current language, with a
// retry control: network (unreachable, time limit, HTTP status, content type, size) and
// content (not JSON with the error's line and column, not a bundle, version, validation, no
// events, too many events); and a panic, which must leave an error panel in every widget.
//
// The failure routes (/__status/NNN, /__type/NAME, /__big…) are in e2e/serve.mjs; the broken
// bundles in tests/bundles/broken/ and tests/bundles/bad/. Every message seen is written to
// e2e/out/30-errors--messages.txt for review.
import fs from "node:fs";
import path from "node:path";
import { assert, eq, ready } from "../lib/assert.mjs";

const WIDGET = "fixtures/broken/widget.html"; // data-timeout="1500"

// [name, page (relative to the server root), expected data-error, English text, Indonesian text]
const CASES = [
  ["unreachable", "index.html?src=http://127.0.0.1:9/bundle.json", "network",
    /data server could not be reached/, /Server data tidak dapat dihubungi/],
  ["timeout", `${WIDGET}?src=/__slow`, "timeout",
    /did not answer within 1\.5 seconds/, /tidak menjawab dalam 1,5 detik/],
  ["timeout-mid-body", `${WIDGET}?src=/__trickle`, "timeout",
    /within 1\.5 seconds/, /dalam 1,5 detik/],
  ["http-404", "index.html?src=fixtures/does-not-exist.json", "http",
    /HTTP error 404 \(file not found\)/, /kode kesalahan HTTP 404 \(berkas tidak ditemukan\)/],
  ["http-500", "index.html?src=/__status/500", "http",
    /HTTP error 500 \(a server error\)/, /kode kesalahan HTTP 500 \(gangguan di server\)/],
  ["content-type-html", "index.html?src=/__type/html", "content-type",
    /type text\/html; charset=utf-8, not JSON.*HTML page usually means/s,
    /bertipe text\/html; charset=utf-8, bukan JSON.*Halaman HTML/s],
  ["content-type-xml", "index.html?src=/__type/xml", "content-type",
    /type application\/xml, not JSON/, /bertipe application\/xml, bukan JSON/],
  ["too-large-by-header", "index.html?src=/__big", "too-large",
    /data file is 200 MB; the limit is 150 MB/, /berukuran 200 MB; batasnya 150 MB/],
  ["too-large-by-body", "index.html?src=/__big-chunked", "too-large",
    /larger than the limit of 150 MB/, /lebih besar dari batas 150 MB/],
  ["not-json-trailing-comma", "index.html?src=fixtures/broken/trailing-comma.json", "not-json",
    /not valid JSON: syntax error at line 34, column 5 \(position 5\d\d\)/,
    /bukan JSON yang sah: kesalahan sintaksis di baris 34, kolom 5/],
  ["not-json-empty", "index.html?src=fixtures/broken/empty.json", "not-json",
    /line 1, column 1 \(position 0\).*\(end of file\)/s, /baris 1, kolom 1 \(posisi 0\).*\(akhir berkas\)/s],
  ["not-json-html-as-json", "index.html?src=fixtures/broken/html-page.json", "not-json",
    /line 1, column 1/, /baris 1, kolom 1/],
  ["not-json-truncated", "index.html?src=fixtures/broken/truncated.json", "not-json",
    /line 31, column 7.*\(end of file\)/s, /baris 31, kolom 7.*\(akhir berkas\)/s],
  ["not-a-bundle-list", "index.html?src=fixtures/broken/list.json", "not-a-bundle",
    /JSON, but not a timeline bundle: it holds a list \(an array\), not an object/,
    /JSON, tetapi bukan bundel linimasa: isinya sebuah daftar \(array\), bukan objek/],
  ["not-a-bundle-string", "index.html?src=fixtures/broken/string.json", "not-a-bundle",
    /it holds a text, not an object/, /isinya sebuah teks, bukan objek/],
  ["not-a-bundle-null", "index.html?src=fixtures/broken/null.json", "not-a-bundle",
    /it holds null, not an object/, /isinya null, bukan objek/],
  ["not-a-bundle-object", "index.html?src=fixtures/broken/foreign-object.json", "not-a-bundle",
    /neither "version" nor "events"/, /tidak memiliki "version" maupun "events"/],
  ["not-a-bundle-too-deep", "index.html?src=fixtures/broken/too-deep.json", "not-a-bundle",
    /nested more than 128 levels deep/, /bersarang lebih dari 128 tingkat/],
  ["unsupported-version", "index.html?src=fixtures/bad/unsupported-version.json", "unsupported-version",
    /version 2; this widget reads only version 1/, /versi 2; widget ini hanya membaca versi 1/],
  ["validation", "index.html?src=fixtures/broken/many-errors.json", "invalid",
    /8 problems were found:.*events\[0\]\.start: The date "1950-13-01" is not valid.*and 3 more problems/s,
    /Ditemukan 8 masalah:.*events\[0\]\.start: Tanggal "1950-13-01" tidak sah: bulan 13 tidak ada.*dan 3 masalah lain/s],
  ["validation-colour", "index.html?src=fixtures/bad/color-css-url.json", "invalid",
    /1 problem was found:.*categories\[\d\]\.color/s, /Ditemukan 1 masalah:.*categories\[\d\]\.color: Warna "url\(javascript:alert\(1\)\)" tidak sah/s],
  ["validation-long-word", "index.html?src=fixtures/hostile/word-100000.json", "invalid",
    /events\[0\]\.summary\.en/, /events\[0\]\.summary\.en: Teks ini berisi 100000 karakter; batasnya 20000\./],
  ["no-events", "index.html?src=fixtures/bad/no-events.json", "no-events",
    /This timeline has no events yet\..*"events" list is empty/s, /Linimasa ini belum berisi peristiwa\..*kosong/s],
  ["too-many-events", "index.html?src=/__many-events", "too-many-events",
    /200,001 events; the limit is 200,000/, /200\.001 peristiwa; batasnya 200\.000/],
];

// Console errors a failing load may cause on its own (Chromium logs failed requests).
const EXPECTED_CONSOLE = /Failed to load resource|net::ERR_/;

// Console errors each journey expects; e2e/run.mjs fails a journey on any other.
export const allow = {
  "every failure is explained inside the widget in both languages": [EXPECTED_CONSOLE],
  // The first answer is a 503, which Chromium logs.
  "the retry control loads again": [/^Failed to load resource: the server responded with a status of 503/],
  // The injected panic and the trap it ends in (the journey itself checks there is one panic).
  "a panic shows a panel in every widget, logged once, and the host keeps working": [/panicked at[\s\S]*injected fault: createElement/, /RuntimeError: unreachable/],
};

async function panelOf(page) {
  const panel = page.locator("[data-timeline] [role=alert]");
  await panel.waitFor({ timeout: 20_000 });
  return panel;
}

export const journeys = {
  async "a download in progress shows how much has arrived, to sighted readers only"({ page, base }) {
    await page.goto(`${base}/index.html?src=/__trickle-mb&lang=en`);
    const status = page.getByRole("status").filter({ hasText: "Loading the timeline" });
    await status.waitFor();
    const bytes = page.locator(".tl-loading__bytes");
    await page.waitForFunction(() => /\b3 MB$/.test(document.querySelector(".tl-loading__bytes")?.textContent ?? ""), null, { timeout: 10_000 });
    eq(await bytes.getAttribute("aria-hidden"), "true", "the count is not read out at every megabyte");
    eq((await status.innerText()).trim(), "Loading the timeline… 3 MB", "the loading line");
  },

  async "every failure is explained inside the widget in both languages"({ page, base, shot }) {
    await page.addInitScript(() => {
      window.__pwned = undefined;
    });
    const log = [];
    for (const [name, url, kind, en, id] of CASES) {
      for (const [lang, re] of [["en", en], ["id", id]]) {
        const sep = url.includes("?") ? "&" : "?";
        await page.goto(`${base}/${url}${lang === "en" ? `${sep}lang=en` : ""}`);
        const panel = await panelOf(page);
        eq(await panel.getAttribute("data-error"), kind, `${name} (${lang}): kind`);
        const text = await panel.innerText();
        log.push(`## ${name} (${lang})\n${text.trim()}\n`);
        assert(re.test(text), `${name} (${lang}): ${re} not in:\n${text}`);
        if (lang === "id" && kind === "invalid") {
          // Every problem detail in Indonesian: none of the validator's English sentences.
          const english = /\b(is not valid|This text has|The colour|The date|is missing|errors were found)\b/;
          assert(!english.test(text), `${name} (id): English detail in:\n${text}`);
        }
        const retry = panel.locator("button");
        eq(await retry.count(), 1, `${name}: one retry control`);
        eq((await retry.innerText()).trim(), lang === "en" ? "Try again" : "Coba lagi", `${name}: retry label`);
        eq(await page.evaluate(() => document.querySelector("[data-timeline]").hasAttribute("data-ready")), false,
          `${name}: not ready`);
        eq(await page.evaluate(() => window.__pwned), undefined, `${name}: nothing from the answer ran`);
        if (lang === "en" || ["validation", "not-json-trailing-comma"].includes(name)) await shot(`${name}-${lang}`);
      }
    }
    fs.writeFileSync(path.join("e2e", "out", "30-errors--messages.txt"), log.join("\n"));
    // Console errors other than EXPECTED_CONSOLE fail the journey in e2e/run.mjs (`allow`).
  },

  async "the validation list shows the first five paths and marks the syntax error"({ page, base }) {
    await page.goto(`${base}/index.html?src=fixtures/broken/many-errors.json&lang=en`);
    const panel = await panelOf(page);
    const paths = await panel.locator("li[data-path]").evaluateAll((els) => els.map((e) => e.dataset.path));
    eq(paths.join(" "), "events[0].start events[1].start events[2].start events[3].start events[4].start",
      "first five paths in document order");
    await page.goto(`${base}/index.html?src=fixtures/broken/trailing-comma.json&lang=en`);
    const mark = (await panelOf(page)).locator("mark");
    eq(await mark.innerText(), "}", "the offending character is marked");
  },

  async "bundles of an accepted content type load"({ page, base }) {
    for (const type of ["plain", "none", "ld"]) {
      await page.goto(`${base}/index.html?src=/__type/${type}`);
      await ready(page);
    }
  },

  async "the retry control loads again"({ page, base }) {
    let calls = 0;
    await page.route("**/fixtures/good/minimal.json", (route) => {
      calls++;
      return calls === 1
        ? route.fulfill({ status: 503, contentType: "text/plain", body: "busy" })
        : route.continue();
    });
    await page.goto(`${base}/index.html?src=fixtures/good/minimal.json&lang=en`);
    const panel = await panelOf(page);
    assert(/HTTP error 503/.test(await panel.innerText()), "first answer: 503");
    await panel.locator("button").click();
    await ready(page);
    eq(calls, 2, "fetched twice");
    eq(await page.locator("[data-timeline] [role=alert]").count(), 0, "the panel is gone");
  },

  async "a panic shows a panel in every widget, logged once, and the host keeps working"({ page, base, shot, errors }) {
    // Fault injection: the next document.createElement throws once. Leptos' DOM renderer
    // unwraps it, which panics inside the release build (panic = "abort"): the hook must have
    // put the panels up before the WebAssembly instance traps.
    await page.addInitScript(() => {
      window.__armFault = () => {
        const original = Document.prototype.createElement;
        Document.prototype.createElement = function () {
          Document.prototype.createElement = original;
          throw new Error("injected fault: createElement");
        };
      };
    });
    await page.goto(`${base}/fixtures/hostile/host.html?src=/fixtures/good/full.json`);
    await page.waitForFunction(() => document.querySelectorAll('[data-timeline][data-ready="true"]').length === 2);
    eq(errors.length, 0, `no error before the fault: ${errors.join(" | ")}`);
    await page.evaluate(() => window.__armFault());
    await page.locator("#slot-en .tl-track button[data-event-id]").first().click();
    const panels = page.locator("[data-timeline] > [role=alert][data-error=panic]");
    await page.waitForFunction(() => document.querySelectorAll("[data-timeline] > [data-error=panic]").length === 2,
      null, { timeout: 5_000 });
    eq(await panels.count(), 2, "a panel in each widget");
    const id = await page.locator("#slot-id [role=alert]").innerText();
    const en = await page.locator("#slot-en [role=alert]").innerText();
    assert(id.includes("Linimasa berhenti karena kesalahan internal.") && id.includes("Muat ulang halaman"), id);
    assert(en.includes("The timeline stopped after an internal error.") && en.includes("Reload the page"), en);
    assert(en.includes("injected fault"), "the panel names the panic");
    eq(await page.locator("[data-timeline][data-ready]").count(), 0, "no widget claims to be ready");
    await shot("panic");
    // Poke the dead widgets: nothing may break the page further.
    await page.locator("#slot-id [role=alert]").click();
    await page.keyboard.press("ArrowRight");
    await page.locator("#host-button").click();
    eq(await page.locator("#host-count").innerText(), "1", "the host's own button still works");
    const logged = errors.filter((e) => /panicked at/.test(e));
    eq(logged.length, 1, `the panic is logged once: ${errors.join(" | ")}`);
    const other = errors.filter((e) => !/panicked at|RuntimeError: unreachable/.test(e));
    eq(other.length, 0, `only the panic and the trap are reported: ${other.join(" | ")}`);
    fs.appendFileSync(path.join("e2e", "out", "30-errors--messages.txt"), `\n## panic (id)\n${id}\n\n## panic (en)\n${en}\n`);
  },
};
