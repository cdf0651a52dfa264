// The host page's own script: proves the page keeps working around the widgets.
const b = document.getElementById("host-counter");
let n = 0;
b.addEventListener("click", () => {
  n += 1;
  b.textContent = `Tombol milik halaman: ${n}`;
});

// Embedding method 3: the host builds the element and mounts the widget from its own script.
const box = document.getElementById("linimasa-ketiga");
if (box) {
  import("../boot.js")
    .then((m) => m.ready)
    .then(({ mount }) => mount(box, { src: "../data/sino-soviet-1950-1965.json", lang: "id", theme: "contrast" }))
    .catch(() => {});
}
