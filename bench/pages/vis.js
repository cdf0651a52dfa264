// vis-timeline 8.5.4, standalone UMD build, with its defaults except: Ctrl + wheel zooms (as ours),
// the window is 1950–1965, and a fixed height. Ready = its `onInitialDrawComplete` callback
// ("triggered when the timeline is initially drawn", fires once), after fetch + JSON.parse of
// the items, as our widget fetches and parses its bundle.
(async () => {
  const src = new URLSearchParams(location.search).get("src");
  const items = await (await fetch(src)).json();
  const done = () => window.__benchReady && window.__benchReady();
  window.__timeline = new vis.Timeline(document.getElementById("timeline"), new vis.DataSet(items), {
    zoomKey: "ctrlKey",
    start: "1950-01-01",
    end: "1966-01-01",
    min: "1949-01-01",
    max: "1967-01-01",
    height: "560px",
    onInitialDrawComplete: done,
  });
})().catch((e) => {
  console.error("vis bench:", e);
  if (window.__bench) window.__bench.error = String(e);
});
