// Optional helper for pages that embed the timeline in an iframe:
//   <iframe data-timeline-frame src="https://example.org/timeline/embed.html?lang=id"
//           title="Linimasa hubungan Tiongkok–Soviet 1950–1965" width="100%" height="700" loading="lazy"
//           style="border:0"></iframe>
//   <script src="https://example.org/timeline/embed-host.js" defer></script>
// It resizes each such iframe to its content (from the widget's "timeline:height" messages,
// accepted only from that iframe's window and origin) and passes the page's #event= / #range=
// deep links through to the iframe, so shared links work inside embeds.
(function () {
  "use strict";
  var frames = Array.prototype.slice.call(document.querySelectorAll("iframe[data-timeline-frame]"));
  var hash = location.hash.replace(/^#/, "");
  frames.forEach(function (frame) {
    if (/(^|&)(event|range)=/.test(hash)) {
      var url = new URL(frame.getAttribute("src"), location.href);
      url.hash = hash;
      frame.setAttribute("src", url.href);
    }
  });
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "timeline:height") return;
    frames.forEach(function (frame) {
      if (event.source !== frame.contentWindow) return;
      var expected = new URL(frame.getAttribute("src"), location.href).origin;
      var sandboxed = frame.hasAttribute("sandbox") &&
        !/allow-same-origin/.test(frame.getAttribute("sandbox"));
      // A sandboxed frame without allow-same-origin speaks from the opaque origin "null".
      if (event.origin !== expected && !(sandboxed && event.origin === "null")) return;
      var h = Number(data.height);
      if (isFinite(h) && h > 0 && h < 20000) frame.style.height = Math.ceil(h) + "px";
    });
  });
})();
