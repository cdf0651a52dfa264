// Small assertion helpers for journeys (no test framework needed).
export function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
export function eq(a, b, msg) {
  if (a !== b) throw new Error(`${msg}: expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);
}
/** Waits until the widget under `sel` is ready (data-ready="true"). */
export async function ready(page, sel = "[data-timeline]") {
  await page.waitForSelector(`${sel}[data-ready="true"]`, { timeout: 20_000 });
}
