// Waiting on conditions instead of fixed sleeps. A journey waits for the DOM state it is about
// to check, then checks it with its own assertion: on a timeout the wait returns false instead
// of throwing, so the failure message is the assertion's, which says what was expected.

/**
 * Polls `fn(arg)` in the page (every animation frame) until it returns a truthy value. Returns
 * true when it did, false after `timeout` ms.
 */
export async function until(page, fn, arg, timeout = 5_000) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: "raf" });
    return true;
  } catch (e) {
    if (e && e.name === "TimeoutError") return false;
    throw e;
  }
}

/**
 * Waits until the view of the widget under `scope` stops moving: the positions and texts of
 * its ticks, markers and range label are the same over `frames` consecutive animation frames
 * (an eased zoom or pan moves them a little on every frame until it ends). Call it after the
 * change has been seen to start (e.g. after `until` the range label changed), not instead.
 */
export async function settled(page, scope = "[data-timeline]", { frames = 4, timeout = 5_000 } = {}) {
  await page.evaluate(() => delete window.__e2eSettle);
  const ok = await until(page, ({ scope, frames }) => {
    const root = document.querySelector(scope);
    if (!root) return false;
    const els = root.querySelectorAll(".tl-tick, .tl-track button[data-event-id], .tl-range-label");
    let fp = "";
    for (const e of els) {
      const r = e.getBoundingClientRect();
      fp += `${r.left.toFixed(2)},${r.width.toFixed(2)},${e.textContent}|`;
    }
    const s = (window.__e2eSettle ??= { fp: null, same: 0 });
    if (s.fp === fp) s.same++;
    else Object.assign(s, { fp, same: 0 });
    return s.same >= frames;
  }, { scope, frames }, timeout);
  if (!ok) console.log(`     note: the view of ${scope} did not come to rest within ${timeout} ms`);
  return ok;
}
