// TimelineJS 3.9.11 (the npm build), with its defaults except: scripts and locales from our
// server (script_path), no web font (its default font CSS imports Google Fonts, which a closed
// network cannot reach; the icon font is local and does load). Ready = its `loaded` event
// ("after story slider and time navigator have been loaded"), after fetch + JSON.parse of the
// data, as our widget fetches and parses its bundle.
(async () => {
  const src = new URLSearchParams(location.search).get("src");
  const data = await (await fetch(src)).json();
  const tl = new TL.Timeline("timeline", data, {
    script_path: new URL("/lib/tljs/js/", location.href).href,
    font: null,
    language: "en",
    hash_bookmark: false,
  });
  tl.on("loaded", () => window.__benchReady && window.__benchReady());
  window.__timeline = tl;
})().catch((e) => {
  console.error("TimelineJS bench:", e);
  if (window.__bench) window.__bench.error = String(e);
});
