// Loads the timeline's WebAssembly and mounts every [data-timeline] element on the page.
// An external module (not Trunk's inline loader) so pages with a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') can run it. URLs resolve against this file, so a host
// page anywhere can include it with <script type="module" src=".../boot.js">.
import init from "./timeline.js";

init({ module_or_path: new URL("./timeline_bg.wasm", import.meta.url) }).catch((err) => {
  for (const el of document.querySelectorAll("[data-timeline]")) {
    if (!el.hasChildNodes()) {
      el.setAttribute("role", "alert");
      el.textContent = "Linimasa tidak dapat dimuat. / The timeline could not be loaded.";
    }
  }
  console.error("timeline: could not start", err);
});
