// How every Node script here launches Debian's Chromium (no browser download is possible).
// Without the background-networking flags Chromium floods the closed network with refused
// connections; --no-sandbox because CI runs as root.
export const CHROMIUM_PATH = process.env.CHROMIUM || "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
