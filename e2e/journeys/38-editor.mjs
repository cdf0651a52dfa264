// Issue 13: the editor's page (editor.html). Paste a spreadsheet, see the timeline, fix what is
// wrong, keep the work, take it away: the bundle passes `timeline check`, the iframe snippet
// renders with the chosen options, the offline file works from file://. Served under the strict
// Content-Security-Policy, requesting nothing but its own files; axe finds no serious or
// critical violation; the page works by keyboard. Screenshots at 1280 and 768 px.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { assert, eq } from "../lib/assert.mjs";
import { until } from "../lib/wait.mjs";
import { serve as serveDist, STRICT_CSP } from "../serve.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const axeSource = fs.readFileSync(path.join(here, "..", "node_modules", "axe-core", "axe.min.js"), "utf8");

const HEADER = ["kind", "id", "start", "end", "category", "importance", "color", "title_en", "title_id", "summary_en", "summary_id"];

/** A sheet as cells copied from a spreadsheet: a header, a bundle row, two categories, then
 *  `n` events (row 5 is the first event, row 7 the third). */
function tsv(n) {
  const rows = [
    HEADER,
    ["bundle", "", "1950", "1952", "", "", "", "A class timeline", "Linimasa kelas", "", ""],
    ["category", "talks", "", "", "", "", "#1f4e9c", "Talks", "Perundingan", "", ""],
    ["category", "trade", "", "", "", "", "#2e7d32", "Trade", "Perdagangan", "", ""],
  ];
  for (let i = 0; i < n; i++) {
    const month = String((i % 12) + 1).padStart(2, "0");
    rows.push(["event", `event-${i + 1}`, `${1950 + Math.floor(i / 12)}-${month}`, "", i % 2 ? "trade" : "talks",
      String((i % 3) + 1), "", `Event number ${i + 1}`, `Peristiwa nomor ${i + 1}`,
      `What happened in event ${i + 1}.`, `Apa yang terjadi pada peristiwa ${i + 1}.`]);
  }
  return rows.map((r) => r.join("\t")).join("\n") + "\n";
}

/** Serves dist/ under the strict policy; records every request that is not to it. */
async function open(browser, width = 1280, lang = "en") {
  const server = await serveDist({ "/": path.resolve(here, "..", "..", "dist") }, { csp: STRICT_CSP });
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const page = await context.newPage();
  const foreign = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith("blob:") && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.url}/editor.html?lang=${lang}`);
  await page.locator(".ed-summary").waitFor();
  return { server, context, page, foreign, close: async () => { await context.close(); await server.close(); } };
}

async function paste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator("#ed-text").focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

const summary = (page) => page.locator(".ed-summary").innerText();

/** Events on the preview's track: markers plus the counts of clusters. */
async function previewEvents(page) {
  const frame = page.frame({ url: /preview\.html/ });
  if (!frame) return -1;
  return frame.evaluate(() => {
    const root = document.querySelector('[data-timeline][data-ready="true"]');
    if (!root) return -1;
    const clustered = [...root.querySelectorAll(".tl-cluster")].reduce((n, c) => n + Number(c.textContent.replace(/\D/g, "")), 0);
    return root.querySelectorAll(".tl-track button[data-event-id]").length + clustered;
  });
}

async function waitPreview(page, n) {
  for (let i = 0; i < 100; i++) {
    if ((await previewEvents(page)) === n) return true;
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
  }
  return false;
}

async function audit(page, label) {
  // Evaluated, not added as a <script>: the page's strict policy refuses inline scripts. The
  // preview frame is the widget, audited by 24-axe.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ["violations"], iframes: false }),
  );
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert(bad.length === 0,
    `${label}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`).join("; ")}`);
}

export const journeys = {
  async "paste 30 rows, break row 7, click the problem, reload, download, check"({ browser, root, shot }) {
    const { page, foreign, close } = await open(browser);
    await shot("editor-empty-1280", page);
    await paste(page, tsv(30));
    await until(page, () => /30 events/.test(document.querySelector(".ed-summary")?.textContent ?? ""));
    assert(/30 events · 0 errors/.test(await summary(page)), `summary: ${await summary(page)}`);
    assert(await waitPreview(page, 30), `the preview shows 30 events (saw ${await previewEvents(page)})`);
    await shot("editor-data-1280", page);

    // Break the date of row 7 (the third event) in the box.
    const broken = tsv(30).replace("event-3\t1950-03\t", "event-3\t1950-13\t");
    await paste(page, broken);
    const problem = page.locator('.ed-problem[data-level="error"]').first();
    await problem.waitFor();
    eq(await problem.locator(".ed-problem__place").innerText(), "row 7, column start", "the problem names row 7");
    assert(/1950-13/.test(await problem.locator(".ed-problem__message").innerText()), "and the value");
    await problem.locator("button.ed-problem__place").click();
    const selected = await page.evaluate(() => {
      const t = document.querySelector("#ed-text");
      return { active: document.activeElement === t, text: t.value.slice(t.selectionStart, t.selectionEnd) };
    });
    eq(selected.active, true, "clicking the problem focuses the data box");
    eq(selected.text, "1950-13", "and selects the cell");
    // In Indonesian too.
    await page.getByRole("button", { name: "ID", exact: true }).click();
    await until(page, () => document.querySelector(".ed-problem__place")?.textContent === "baris 7, kolom start");
    eq(await problem.locator(".ed-problem__place").innerText(), "baris 7, kolom start", "Indonesian place");
    await shot("editor-problems-1280", page);
    // The preview keeps the last version without errors.
    eq(await previewEvents(page), 30, "the preview still shows the last good version");

    // A reload keeps the work (and the language).
    await page.reload();
    await page.locator(".ed-summary").waitFor();
    eq(await page.locator("#ed-text").inputValue(), broken, "the text survives a reload");
    await until(page, () => document.querySelector(".ed-problem__place")?.textContent === "baris 7, kolom start");
    eq(await page.locator(".ed-problem__place").first().innerText(), "baris 7, kolom start", "and so does the problem");

    // Fix it, download the bundle, and the command line accepts it.
    await paste(page, tsv(30));
    await until(page, () => /30 peristiwa · 0 kesalahan/.test(document.querySelector(".ed-summary")?.textContent ?? ""));
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="download-bundle"]')]);
    eq(download.suggestedFilename(), "a-class-timeline.json", "named after the title (in the timeline's language)");
    const file = path.join(root, "e2e", "out", "editor-bundle.json");
    await download.saveAs(file);
    const out = execFileSync("cargo", ["run", "-q", "-p", "timeline-cli", "--", "check", file, "--lang", "en"],
      { cwd: root, encoding: "utf8" });
    assert(/0 errors/.test(out), `timeline check: ${out}`);
    eq(JSON.parse(fs.readFileSync(file, "utf8")).events.length, 30, "30 events in the bundle");

    // "Start over" empties the box and can be undone.
    await page.click('[data-action="start-over"]');
    eq(await page.locator("#ed-text").inputValue(), "", "started over");
    await page.click('[data-action="undo"]');
    eq(await page.locator("#ed-text").inputValue(), tsv(30), "brought back");
    eq(foreign.join(" "), "", "no request but to the page's own files");
    eq((await page.evaluate(() => window.__violations)).join(" | "), "", "no CSP violation");
    await close();
  },

  async "the iframe snippet renders in a blank page with the chosen options"({ browser }) {
    const { page, server, foreign, close } = await open(browser);
    await paste(page, tsv(30));
    await until(page, () => /30 events · 0 errors/.test(document.querySelector(".ed-summary")?.textContent ?? ""));
    await page.selectOption('select[data-option="lang"]', "en");
    await page.selectOption('select[data-option="theme"]', "dark");
    await page.fill('input[data-option="start"]', "1951-01");
    await page.fill('input[data-option="end"]', "1951-12");
    await page.fill('input[data-option="height"]', "300");
    const snippet = await page.locator("#ed-snippet-iframe").inputValue();
    assert(snippet.includes("lang=en") && snippet.includes("theme=dark") && snippet.includes("start=1951-01") &&
      snippet.includes("height=300"), `options in the snippet: ${snippet}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="download-bundle"]')]);
    const bundle = fs.readFileSync(await download.path(), "utf8");
    // The bundle is uploaded where the snippet says, and the snippet pasted into a blank page.
    await page.route(`${server.url}/data/a-class-timeline.json`, (r) =>
      r.fulfill({ status: 200, contentType: "application/json", body: bundle }));
    await page.route(`${server.url}/__blank.html`, (r) => r.fulfill({ status: 200, contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body><h1>My article</h1>${snippet}</body></html>` }));
    await page.goto(`${server.url}/__blank.html`);
    const frame = page.frameLocator("iframe[data-timeline-frame]");
    const widget = frame.locator('[data-timeline][data-ready="true"]');
    await widget.waitFor({ timeout: 20_000 });
    eq(await widget.getAttribute("data-theme"), "dark", "the theme");
    eq(await widget.getAttribute("lang"), "en", "the language");
    const label = await frame.locator(".tl-range-label").innerText();
    assert(/1951/.test(label) && !/1949|1953/.test(label), `opens at 1951, not the whole range: ${label}`);
    eq(await widget.evaluate((e) => e.style.getPropertyValue("--tl-track-h")), "300px", "the chosen track height");
    eq(foreign.join(" "), "", "no request but to the page's own files");
    await close();
  },

  async "the offline file downloaded from the editor opens from file:// with no network"({ browser, root }) {
    const { page, close } = await open(browser);
    await paste(page, tsv(30));
    await until(page, () => /30 events · 0 errors/.test(document.querySelector(".ed-summary")?.textContent ?? ""));
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="download-offline"]')]);
    eq(download.suggestedFilename(), "a-class-timeline.html", "named after the title");
    const file = path.join(root, "e2e", "out", "editor-offline.html");
    await download.saveAs(file);
    await close();
    const context = await browser.newContext();
    await context.setOffline(true);
    const refused = [];
    await context.route("**/*", (r) => (r.request().url().startsWith("file:") ? r.continue() : (refused.push(r.request().url()), r.abort())));
    const p = await context.newPage();
    await p.goto(pathToFileURL(file).href);
    await p.locator('[data-timeline][data-ready="true"]').waitFor();
    const n = await p.evaluate(() => document.querySelectorAll(".tl-track button[data-event-id]").length +
      [...document.querySelectorAll(".tl-cluster")].reduce((s, c) => s + Number(c.textContent.replace(/\D/g, "")), 0));
    eq(n, 30, "30 events in the offline file");
    eq(refused.join(" "), "", "nothing fetched");
    await context.close();
  },

  async "axe: no serious or critical violations, empty, with data and with problems"({ browser }) {
    for (const lang of ["en", "id"]) {
      const { page, close } = await open(browser, 1280, lang);
      await audit(page, `${lang} empty`);
      await paste(page, tsv(30));
      await until(page, () => /0 (errors|kesalahan)/.test(document.querySelector(".ed-summary")?.textContent ?? ""));
      assert(await waitPreview(page, 30), "the preview is up");
      await audit(page, `${lang} with data`);
      await paste(page, tsv(30).replace("event-3\t1950-03\t", "event-3\t1950-13\t"));
      await page.locator('.ed-problem[data-level="error"]').first().waitFor();
      await audit(page, `${lang} with problems`);
      await close();
    }
  },

  async "keyboard only: start from the template, break it, reach the problem"({ browser }) {
    const { page, close } = await open(browser);
    const tabTo = async (selector) => {
      for (let i = 0; i < 60; i++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return true;
        await page.keyboard.press("Tab");
      }
      return false;
    };
    assert(await tabTo('[data-action="template"]'), "Tab reaches 'Start from the template'");
    await page.keyboard.press("Enter");
    await until(page, () => /2 events · 0 errors/.test(document.querySelector(".ed-summary")?.textContent ?? ""));
    assert(/2 events · 0 errors/.test(await summary(page)), `the template: ${await summary(page)}`);
    assert(await tabTo("#ed-text"), "Tab reaches the data box");
    // Break the first event's date: go to the end of the box and add a row with a bad date.
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("event,third,1960-02-30,,war,2,,,Judul,Title,Ringkasan.,Summary.\n");
    await page.locator('.ed-problem[data-level="error"]').first().waitFor();
    eq(await page.locator(".ed-problem__place").first().innerText(), "row 11, column start", "the new row's date");
    assert(await tabTo("button.ed-problem__place"), "Tab reaches the problem");
    await page.keyboard.press("Enter");
    eq(await page.evaluate(() => {
      const t = document.querySelector("#ed-text");
      return document.activeElement === t && t.value.slice(t.selectionStart, t.selectionEnd);
    }), "1960-02-30", "Enter on the problem selects the cell");
    // Every control can be reached: the take-away buttons and the snippets' copy buttons.
    assert(await tabTo('[data-snippet="mount"] button'), "Tab reaches the last copy button");
    await page.keyboard.press("Enter");
    await until(page, () => document.querySelector('[data-snippet="mount"] [role=status]')?.textContent === "Copied.");
    eq(await page.locator('[data-snippet="mount"] [role=status]').innerText(), "Copied.", "copied by keyboard");
    eq(await page.evaluate(() => navigator.clipboard.readText()), await page.locator("#ed-snippet-mount").inputValue(), "the clipboard has the snippet");
    await close();
  },

  async "1 000 rows stay responsive: checked and previewed, typing never blocks"({ browser }) {
    const { page, close } = await open(browser);
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); })
        .observe({ type: "longtask" });
    });
    const rows = tsv(0).trimEnd().split("\n");
    for (let i = 0; i < 1000; i++) {
      rows.push(["event", `e${i}`, `${1950 + (i % 3)}-${String((i % 12) + 1).padStart(2, "0")}`, "", i % 2 ? "trade" : "talks",
        String((i % 3) + 1), "", `Event ${i} with a longer title`, `Peristiwa ${i}`, `Summary ${i}.`, `Ringkasan ${i}.`].join("\t"));
    }
    await paste(page, rows.join("\n") + "\n");
    await until(page, () => /1000 events · 0 errors/.test(document.querySelector(".ed-summary")?.textContent ?? ""), null, 10_000);
    assert(/1000 events · 0 errors/.test(await summary(page)), `1 000 rows: ${await summary(page)}`);
    assert(await waitPreview(page, 1000), "the preview shows 1 000 events");
    // Typing in the box: no task long enough for a reader to feel (the machine is shared, so
    // the bound is generous; measured here: none over 50 ms), then the check and the preview.
    await page.evaluate(() => (window.__long = []));
    await page.locator("#ed-text").focus();
    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.press("End");
    const before = await summary(page);
    await page.keyboard.type("abcdefghij");
    // The header's last column is now unknown: a note, after the pause, and a new preview.
    await until(page, (b) => document.querySelector(".ed-summary")?.textContent !== b, before, 10_000);
    assert((await summary(page)) !== before, "checked again after the pause");
    assert(await waitPreview(page, 1000), "and previewed again");
    const worst = Math.max(0, ...(await page.evaluate(() => window.__long)));
    console.log(`     1 000 rows: longest task while typing, checking and previewing: ${worst} ms`);
    assert(worst < 500, `typing among 1 000 rows: the longest task took ${worst} ms`);
    await close();
  },

  async "screenshots at 768 px: empty, with data, with problems"({ browser, shot }) {
    const { page, close } = await open(browser, 768, "id");
    await shot("editor-empty-768", page);
    await paste(page, tsv(30));
    await until(page, () => /0 kesalahan/.test(document.querySelector(".ed-summary")?.textContent ?? ""));
    assert(await waitPreview(page, 30), "the preview is up");
    await shot("editor-data-768", page);
    await paste(page, tsv(30).replace("event-3\t1950-03\t", "event-3\t1950-13\t"));
    await page.locator('.ed-problem[data-level="error"]').first().waitFor();
    await shot("editor-problems-768", page);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(scroll <= 0, `no sideways scroll at 768 px (${scroll}px)`);
    await close();
  },
};
