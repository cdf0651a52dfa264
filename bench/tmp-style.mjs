import { chromium } from "playwright-core";
import path from "node:path";
import { serve } from "../e2e/serve.mjs";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/lib/chromium.mjs";
import { ensure, OUT, ROOT } from "./gen.mjs";
ensure("1000");
const server = await serve({ "/out/": OUT, "/": path.join(ROOT, "dist") });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto(`${server.url}/index.html?src=/out/ours-1000.json`);
await page.waitForSelector("[data-ready=true]");
await page.waitForTimeout(500);
const res = await page.evaluate(() => {
  const els = [...document.querySelectorAll(".tl-marker")];
  const measure = () => {
    let best = 1e9;
    for (let r = 0; r < 25; r++) {
      const t = performance.now();
      for (const e of els) e.style.setProperty("--tl-x", String(r + Math.random()));
      getComputedStyle(els[0]).color; document.body.offsetTop;
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  const sheet = [...document.styleSheets].find((s) => s.href && s.href.includes("timeline"));
  const base = measure();
  const out = [];
  const pick = [/:where\(\.tl-viewport \*\)/, /all: revert/, /box-sizing: border-box !important/, /:where\(div, span/, /^\[data-timeline\] \.tl-marker__label \{/, /^\[data-timeline\] \.tl-quote \{/, /^\[data-timeline\] \.tl-marker \{/, /has\(/];
  for (let i = 0; i < sheet.cssRules.length; i++) {
    const text = sheet.cssRules[i].cssText;
    if (!pick.some((r) => r.test(text))) continue;
    sheet.deleteRule(i);
    const t = measure();
    sheet.insertRule(text, i);
    const base2 = measure();
    out.push([(base + base2) / 2 - t, text.slice(0, 90)]);
  }
  out.sort((a, b) => b[0] - a[0]);
  return { n: els.length, base, top: out.slice(0, 15) };
});
console.log(JSON.stringify(res, null, 1));
await browser.close(); server.close();
