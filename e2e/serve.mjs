// A static file server for dist/ on loopback, with an optional Content-Security-Policy header
// (the CSP journey) and a few failure routes for the error-panel journeys.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Serves `roots` (URL prefix → folder) on 127.0.0.1 at a free port; resolves to {url, close}. */
export function serve(roots, { csp = null } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (url.pathname === "/__status/500") {
      res.writeHead(500, { "content-type": "text/plain" });
      return res.end("server error");
    }
    if (url.pathname === "/__slow") {
      return setTimeout(() => res.end("{}"), 60_000).unref();
    }
    for (const [prefix, dir] of Object.entries(roots)) {
      if (!url.pathname.startsWith(prefix)) continue;
      let rel = decodeURIComponent(url.pathname.slice(prefix.length));
      if (rel === "" || rel.endsWith("/")) rel += "index.html";
      const file = path.resolve(dir, "." + path.sep + rel);
      if (!file.startsWith(path.resolve(dir))) break;
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) break;
      const headers = { "content-type": TYPES[path.extname(file)] || "application/octet-stream" };
      if (csp && file.endsWith(".html")) headers["content-security-policy"] = csp;
      res.writeHead(200, headers);
      return fs.createReadStream(file).pipe(res);
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
