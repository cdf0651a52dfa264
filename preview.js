// The editor's preview frame: the real widget (timeline.js, as hosts load it), remounted with
// each bundle the editor sends. Only messages from the parent window of this page's own origin
// are read; the frame tells the parent when it is ready and how tall it is, and nothing else.
import init, { mount } from "./timeline.js";

const started = init({ module_or_path: new URL("./timeline_bg.wasm", import.meta.url) });
const box = document.getElementById("preview");
let widget = null;

window.addEventListener("message", async (event) => {
  if (event.source !== window.parent || event.origin !== location.origin) return;
  const data = event.data;
  if (!data || data.type !== "timeline:preview" || typeof data.bundle !== "string") return;
  await started;
  if (widget) widget.destroy();
  box.replaceChildren();
  const el = document.createElement("div");
  // The frame's address bar is the editor's: the widget must not write deep links into it.
  el.setAttribute("data-hash", "off");
  box.append(el);
  const options = { bundle: data.bundle, lang: data.lang };
  for (const key of ["theme", "start", "end", "height"]) if (data[key]) options[key] = data[key];
  widget = mount(el, options);
});

const tell = (message) => window.parent.postMessage(message, location.origin);
new ResizeObserver(() => {
  tell({ type: "timeline:height", height: Math.ceil(document.documentElement.getBoundingClientRect().height) });
}).observe(document.documentElement);
started.then(() => tell({ type: "timeline:preview-ready" }), (err) => console.error("preview: could not start", err));
