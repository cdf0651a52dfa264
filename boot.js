// The timeline's loader (a few KB, no imports): reserves each [data-timeline] element's final
// height at once, then loads the widget when the element comes within a screen of the viewport
// (data-load="eager": at once), from the first frame on: stylesheet, wasm (streamed into the
// glue) and bundle side by side, the static list or a skeleton with the bundle's title meanwhile.
// docs/developers.md, "Loading", says why and what each step measured.
//   <div data-timeline data-src="https://example.org/timeline/data/sino-soviet-1950-1965.json"></div>
//   <script type="module" src="https://example.org/timeline/boot.js"></script>
// From a host's own script: import { mount } from ".../boot.js"; mount(element, { src, lang });
// An external module, so a strict CSP (script-src 'self' 'wasm-unsafe-eval') runs it.

const asset = (name) => new URL(name, import.meta.url).href;
const GLUE = asset("timeline.js");
const WASM = asset("timeline_bg.wasm");
const CSS = asset("timeline.css");
// Relative to the page, as DEFAULT_SRC in src/platform/mod.rs.
const DEFAULT_SRC = "data/sino-soviet-1950-1965.json";
// One screen above and below the viewport.
const NEAR = "100% 0px 100% 0px";

const TEXT = {
  id: {
    loading: "Memuat linimasa…",
    failed: "Linimasa tidak dapat dimuat. / The timeline could not be loaded.",
  },
  en: {
    loading: "Loading the timeline…",
    failed: "The timeline could not be loaded. / Linimasa tidak dapat dimuat.",
  },
};

// The widget's height at a width: the track (10 rows of 34 px, 44 px on touch screens, + 56 px;
// or data-height) and the rest as it wraps, upper bounds measured on the real dataset in both
// languages. e2e/journeys/37-loading.mjs holds them to the mounted widget; hosts with other
// bundles set --tl-height on the element.
function chromePx(width, phone, coarse) {
  // Phones: two rows of controls below about 440 px, on touch screens (wider buttons) in English
  // up to about 490; below 320 a title of up to four lines.
  if (phone) return width < 320 ? 356 : width < 440 ? 342 : coarse ? 309 : 295;
  if (width < 700) return 384;
  if (width < 760) return 359;
  if (width < 940) return 323;
  return coarse ? 298 : 278;
}

function query(name) {
  const v = new URLSearchParams(location.search).get(name);
  return v && v.trim() ? v : null;
}

function attr(el, name) {
  const v = el.getAttribute(name);
  return v && v.trim() ? v : null;
}

function langOf(el) {
  const l = (attr(el, "data-lang") || query("lang") || document.documentElement.lang || "id").toLowerCase();
  return l.startsWith("en") ? "en" : "id";
}

function reserve(el) {
  const host = parseFloat(getComputedStyle(el).getPropertyValue("--tl-height"));
  if (host > 0) return host;
  const phone = matchMedia("(max-width: 600px)").matches;
  const coarse = matchMedia("(pointer: coarse)").matches;
  const width = el.getBoundingClientRect().width || document.documentElement.clientWidth;
  const track = parseFloat(attr(el, "data-height") || "") || 56 + 10 * (coarse ? 44 : 34);
  const h = Math.ceil(track + chromePx(width, phone, coarse));
  return el.hasAttribute("data-embed-frame") ? Math.max(h, innerHeight) : h;
}

// Element → { active, mounted (a promise), resolve, reject }.
const widgets = new WeakMap();

function prepare(el) {
  if (widgets.has(el) || el.hasAttribute("data-timeline-mounted")) return widgets.get(el);
  let resolve;
  let reject;
  const mounted = new Promise((res, rej) => ((resolve = res), (reject = rej)));
  mounted.catch(() => {});
  const w = { active: false, mounted, resolve, reject };
  widgets.set(el, w);
  const h = reserve(el);
  el.style.setProperty("min-height", `${h}px`);
  // While it waits it is exactly that high, a static copy inside clipped.
  el.style.setProperty("max-height", `${h}px`);
  el.style.setProperty("overflow", "hidden");
  el.setAttribute("data-timeline-waiting", "");
  // A static copy of the default bundle is not one of what ?src= asks for, nor in another language.
  const copy = el.querySelector(":scope > .tl-static");
  if (copy && ((!attr(el, "data-src") && query("src")) || (copy.lang && copy.lang !== langOf(el)))) copy.remove();
  // Nothing is shown before the stylesheet: it would move when styled (a layout shift).
  if (stylesheetLoaded()) dress(el);
  else if (copy?.isConnected) copy.style.setProperty("display", "none");
  return w;
}

function dress(el) {
  if (!el.hasAttribute("data-timeline-waiting")) return;
  const copy = el.querySelector(":scope > .tl-static");
  if (copy) copy.style.removeProperty("display");
  else if (!el.querySelector(":scope > .tl-skeleton")) el.append(skeleton(langOf(el)));
}

function skeleton(lang) {
  const box = document.createElement("div");
  box.className = "tl-skeleton";
  const title = document.createElement("p");
  title.className = "tl-skeleton__title";
  const track = document.createElement("div");
  track.className = "tl-skeleton__track";
  for (let i = 0; i < 6; i++) track.append(document.createElement("span"));
  const status = document.createElement("p");
  status.className = "tl-skeleton__status";
  status.setAttribute("role", "status");
  status.textContent = TEXT[lang].loading;
  track.children[2].after(status);
  box.append(title, track);
  return box;
}

function unclip(el) {
  el.querySelector(":scope > .tl-skeleton")?.remove();
  el.querySelector(":scope > .tl-static")?.style.removeProperty("display");
  el.style.removeProperty("max-height");
  el.style.removeProperty("overflow");
  el.removeAttribute("data-timeline-waiting");
}

function fail(el, err) {
  const w = widgets.get(el);
  unclip(el);
  if (!el.hasAttribute("data-timeline-mounted")) {
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = TEXT[langOf(el)].failed;
    el.prepend(p);
  }
  w?.reject(err);
}

const stylesheetLink = () =>
  document.querySelector('link[data-timeline-css], link[rel~="stylesheet"][href$="timeline.css"]');
const stylesheetLoaded = () => Boolean(stylesheetLink()?.sheet);

let stylesheet = null;
function loadStylesheet() {
  if (stylesheet) return stylesheet;
  let link = stylesheetLink();
  if (!link) {
    link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = CSS;
    link.setAttribute("data-timeline-css", "");
    document.head.append(link);
  }
  const l = link;
  // A failed stylesheet must not stop the widget; the host's link may have failed already.
  stylesheet = l.sheet
    ? Promise.resolve()
    : new Promise((done) => {
        l.addEventListener("load", done, { once: true });
        l.addEventListener("error", done, { once: true });
        setTimeout(done, 3000);
      });
  return stylesheet;
}

// Resolves once the page's first content is on screen (its presentation time known): the
// placeholder's content is not swapped out before it has been seen (nor before the browser has
// timed its paint: hiding it earlier drops it from Largest Contentful Paint).
const presented = new Promise((done) => {
  if (!globalThis.PerformanceObserver?.supportedEntryTypes?.includes("paint")) return done();
  new PerformanceObserver((list, o) => {
    if (list.getEntriesByName("first-contentful-paint").length) o.disconnect(), done();
  }).observe({ type: "paint", buffered: true });
});

let wasm = null;
function loadWasm() {
  if (!wasm) {
    // Beside the glue, not after it; the glue compiles it as it streams in.
    const response = fetch(WASM);
    response.catch(() => {});
    wasm = import(GLUE).then(async (glue) => {
      await glue.default({ module_or_path: response });
      return glue;
    });
    wasm.catch((err) => console.error("timeline: could not start", err));
  }
  return wasm;
}

// As options_for in src/platform/mod.rs picks it.
function bundleUrl(el) {
  return new URL(attr(el, "data-src") || query("src") || DEFAULT_SRC, document.baseURI).href;
}

// The title from the first KB of a clone of the body (the widget reads the original).
async function peekTitle(response, lang) {
  let r;
  try {
    r = await response;
  } catch {
    return null;
  }
  if (!r.ok || !r.body) return null;
  const reader = r.clone().body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let title = null;
  try {
    while (title === null && text.length < 16384) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      title = topLevelTitle(text, lang);
    }
  } catch {}
  reader.cancel().catch(() => {});
  return title;
}

// The top-level "title" (text or {lang: text}) of the start of a JSON text; nesting is counted
// so an event's title never passes for it.
function topLevelTitle(text, lang) {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    else if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
      if (i >= text.length) return null;
      if (depth !== 1 || text.slice(start, i + 1) !== '"title"') continue;
      const m = /^\s*:\s*("(?:[^"\\]|\\.)*"|\{[^{}]*\})/.exec(text.slice(i + 1));
      if (!m) return null;
      try {
        const v = JSON.parse(m[1]);
        if (typeof v === "string") return v;
        return v[lang] ?? Object.values(v).find((s) => typeof s === "string") ?? null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

// The network waits for the page's first contentful paint to be on screen (or a quarter second
// after the first frame, on a page that paints no content): that paint (the placeholder,
// reserved and dressed) needs none of the widget's files and does not share the line with them.
const painted = Promise.race([
  presented,
  new Promise((done) => requestAnimationFrame(() => setTimeout(done, 250))),
]);

async function activate(el) {
  const w = prepare(el);
  if (!w || w.active) return;
  w.active = true;
  observer?.unobserve(el);
  await painted;
  const url = bundleUrl(el);
  const abort = new AbortController();
  const response = fetch(url, { signal: abort.signal });
  response.catch(() => {}); // the widget reports it
  const styled = loadStylesheet().then(() => dress(el));
  peekTitle(response, langOf(el)).then(async (title) => {
    await styled;
    const target = el.querySelector(":scope > .tl-skeleton > .tl-skeleton__title");
    if (title && target) target.textContent = title;
  });
  try {
    const [glue] = await Promise.all([loadWasm(), loadStylesheet()]);
    // A bundle handed over as text (mount(el, {bundle})) needs no request: the one started
    // above is aborted by the widget, which reads the text instead.
    const handle = glue.mount(el, w.bundle === undefined ? { response, url, abort } : { bundle: w.bundle, response, url, abort });
    // The placeholder's content stays until the widget is ready or has failed (or its loading
    // line counts megabytes: a large bundle's download is worth seeing). The widget mounts its
    // interface a few tasks before its track is drawn (src/ui/pause.rs): shown at the mount,
    // the reader would see an empty track for a frame or two.
    const root = el.querySelector(":scope > .tl-root");
    const loading = () => {
      if (!root || el.hasAttribute("data-ready") || root.querySelector(":scope > .tl-error")) return false;
      const line = root.querySelector(":scope > .tl-loading");
      return !line || !line.querySelector(".tl-loading__bytes")?.textContent.trim();
    };
    if (loading()) {
      const hide = { visibility: "hidden", position: "absolute", inset: "0" };
      for (const k in hide) root.style.setProperty(k, hide[k], "important");
      const seen = new MutationObserver(() => {
        if (loading()) return;
        seen.disconnect();
        presented.then(() => {
          for (const k in hide) root.style.removeProperty(k);
          unclip(el);
        });
      });
      seen.observe(root, { childList: true, subtree: true, characterData: true });
      seen.observe(el, { attributes: true, attributeFilter: ["data-ready"] });
    } else unclip(el);
    w.resolve(handle);
  } catch (err) {
    abort.abort();
    fail(el, err);
  }
}

const observer =
  typeof IntersectionObserver === "function"
    ? new IntersectionObserver(
        (entries) => {
          for (const e of entries) if (e.isIntersecting) activate(e.target);
        },
        { rootMargin: NEAR },
      )
    : null;

function near(el) {
  const r = el.getBoundingClientRect();
  return r.top < 2 * innerHeight && r.bottom > -innerHeight;
}

function watch(el) {
  // Read before `prepare` writes the reserved height: a read after a write lays the page out
  // again (measured at 4× CPU: a second forced layout of the page and its static list).
  const close = !widgets.has(el) && near(el);
  const w = prepare(el);
  if (!w || w.active) return w?.mounted;
  if (attr(el, "data-load") === "eager" || !observer || close) activate(el);
  else observer.observe(el);
  return w.mounted;
}

// mount(el, {src, lang, theme, mode, event, start, end, timeout, height, hash, load, bundle}): options become data-*
// attributes; loads when near unless load: "eager". Resolves once mounted.
// Resolves to the widget's handle (its destroy() unmounts it). `bundle`: the bundle's JSON text
// instead of a URL.
export function mount(el, options = {}) {
  for (const key of ["src", "lang", "theme", "mode", "event", "start", "end", "timeout", "height", "hash", "load"]) {
    const v = options[key];
    if (v !== undefined && v !== null) el.setAttribute(`data-${key}`, String(v));
  }
  if (!el.hasAttribute("data-timeline")) el.setAttribute("data-timeline", "");
  if (el.hasAttribute("data-timeline-mounted")) return Promise.resolve();
  const w = prepare(el);
  if (w && typeof options.bundle === "string") w.bundle = options.bundle;
  return watch(el) ?? Promise.resolve();
}

// The first interface: (await ready).mount(el, options).
export const ready = Promise.resolve({ mount });

for (const el of document.querySelectorAll("[data-timeline]")) watch(el);

// A data-timeline-goto link to a widget not mounted yet opens the event when it is
// (src/platform/host.rs handles mounted ones).
document.addEventListener("click", (ev) => {
  const link = ev.target instanceof Element ? ev.target.closest("[data-timeline-goto]") : null;
  if (!link) return;
  const t = link.getAttribute("data-timeline-target");
  const widget = t ? document.getElementById(t) : document.querySelector("[data-timeline]");
  if (!widget || widget.hasAttribute("data-timeline-mounted")) return;
  ev.preventDefault();
  widget.setAttribute("data-event", link.getAttribute("data-timeline-goto") || "");
  widget.scrollIntoView({ block: "start", behavior: "auto" });
  widget.setAttribute("data-load", "eager");
  watch(widget);
});
