// Starts the editor's WebAssembly (its own, not the widget's). An external module, not Trunk's
// inline loader, so the page runs under a strict Content-Security-Policy.
import init from "./timeline-editor.js";

init({ module_or_path: new URL("./timeline-editor_bg.wasm", import.meta.url) }).catch((err) => {
  const main = document.getElementById("editor");
  if (main) {
    main.setAttribute("role", "alert");
    main.textContent = "Editor tidak dapat dimuat. / The editor could not be loaded.";
  }
  console.error("editor: could not start", err);
});
