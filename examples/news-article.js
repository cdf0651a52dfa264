// The host page's own script: proves the page keeps working around the widgets.
const b = document.getElementById("host-counter");
let n = 0;
b.addEventListener("click", () => {
  n += 1;
  b.textContent = `Tombol milik halaman: ${n}`;
});
