// The host page's own script: a button that must keep working whatever the widgets show.
const button = document.getElementById("host-button");
const count = document.getElementById("host-count");
button.addEventListener("click", () => {
  count.value = String(Number(count.value) + 1);
});
