// The benchmark's scripted interaction, shared by run.mjs (figures) and profile.mjs (traces):
// 20 zoom-ins, a 500 px drag (at the deepest zoom, where a pan has somewhere to go: at the whole
// range ours cannot pan at all), then 20 zoom-outs. Each step is a function that sends one
// input through `cdp` over the point (x, y); the caller paces them.

/** `zoomByApi`: zoom with `window.__timeline.zoomIn()/zoomOut()` (TimelineJS has no wheel zoom). */
export function interactionSteps(cdp, x, y, { zoomByApi = false } = {}) {
  const wheel = (dy) => () =>
    zoomByApi
      ? cdp.send("Runtime.evaluate", { expression: `window.__timeline.${dy < 0 ? "zoomIn" : "zoomOut"}()` })
      : cdp.send("Input.dispatchMouseEvent", { type: "mouseWheel", x, y, deltaX: 0, deltaY: dy, modifiers: 2 });
  const mouse = (type, mx, extra = {}) => () => cdp.send("Input.dispatchMouseEvent", { type, x: mx, y, button: "left", ...extra });
  const steps = [];
  for (let i = 0; i < 20; i++) steps.push(wheel(-100));
  steps.push(mouse("mouseMoved", x + 250, { button: "none" }));
  steps.push(mouse("mousePressed", x + 250, { buttons: 1, clickCount: 1 }));
  for (let i = 1; i <= 20; i++) steps.push(mouse("mouseMoved", x + 250 - 25 * i, { buttons: 1 }));
  steps.push(mouse("mouseReleased", x - 250, { buttons: 0, clickCount: 1 }));
  for (let i = 0; i < 20; i++) steps.push(wheel(100));
  return steps;
}
