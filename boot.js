// Loads the timeline's WebAssembly and mounts every [data-timeline] element on the page.
//
// An external module (not Trunk's inline loader) so pages with a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') can run it. Every URL resolves against this file, so a
// host page anywhere can include it:
//   <div data-timeline data-src="https://example.org/timeline/data/sino-soviet-1950-1965.json"></div>
//   <script type="module" src="https://example.org/timeline/boot.js"></script>
// Hosts that build pages with JavaScript can import `mount` from it:
//   import { ready } from ".../boot.js"; (await ready).mount(element, { src, lang, theme });
import init, { mount } from "./timeline.js";

// The widget's stylesheet, added once when the host page does not link it already.
if (!document.querySelector('link[data-timeline-css], link[href$="timeline.css"]')) {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("./timeline.css", import.meta.url).href;
  link.setAttribute("data-timeline-css", "");
  document.head.append(link);
}

/** Resolves with `{ mount }` once the WebAssembly is running (and the page's widgets mounted). */
export const ready = init({ module_or_path: new URL("./timeline_bg.wasm", import.meta.url) }).then(
  () => ({ mount }),
  (err) => {
    for (const el of document.querySelectorAll("[data-timeline]")) {
      if (!el.hasChildNodes()) {
        el.setAttribute("role", "alert");
        el.textContent = "Linimasa tidak dapat dimuat. / The timeline could not be loaded.";
      }
    }
    console.error("timeline: could not start", err);
    throw err;
  },
);
ready.catch(() => {});
export { mount };
