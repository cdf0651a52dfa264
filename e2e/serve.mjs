// A static file server for dist/ on loopback, with an optional Content-Security-Policy header
// (the CSP journey) and a few failure routes for the error-panel journeys.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

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

const MINIMAL = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "tests", "bundles", "good", "minimal.json");

/** Writes `total` bytes of filler JSON in 1 MB chunks, stopping when the client goes away. */
function stream(res, total) {
  const chunk = Buffer.from("0,".repeat(512 * 1024));
  let sent = 0;
  let closed = false;
  res.on("close", () => (closed = true));
  const next = () => {
    while (!closed && sent < total) {
      const part = sent + chunk.length > total ? chunk.subarray(0, total - sent) : chunk;
      sent += part.length;
      if (!res.write(part)) return res.once("drain", next);
    }
    if (!closed) res.end();
  };
  res.write("[");
  sent = 1;
  next();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A `w`×`h` PNG (8-bit RGB) that looks like a picture rather than a test pattern: a dusk sky
 * over a horizon, a low sun and a band of distant hills, so screenshots show what a real image
 * does to the layout. Deterministic, no file in the repository.
 */
export function png(w, h) {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < w; x++) {
      const t = y / h;
      const hill = h * (0.62 + 0.06 * Math.sin((x / w) * 9.4) + 0.03 * Math.sin((x / w) * 31));
      const sun = Math.hypot(x - w * 0.7, y - h * 0.48) < Math.min(w, h) * 0.09;
      let rgb;
      if (y > hill) rgb = [38 + 20 * (1 - t), 52 + 18 * (1 - t), 48];
      else if (sun) rgb = [250, 214, 140];
      else rgb = [40 + 190 * t, 70 + 90 * t, 140 - 20 * t];
      const i = row + 1 + x * 3;
      raw[i] = rgb[0];
      raw[i + 1] = rgb[1];
      raw[i + 2] = rgb[2];
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

let manyEvents = null;
let bomb = null;

/**
 * 151 MB of filler JSON gzip-compressed to about 150 KB: sent with `Content-Encoding: gzip` and
 * no `Content-Length`, it makes the widget's streaming size check (which counts the bytes as
 * decoded) refuse a body without the test moving 151 MB through the network stack.
 */
function gzipBomb() {
  if (!bomb) {
    const chunk = Buffer.from("0,".repeat(512 * 1024));
    const parts = [Buffer.from("[")];
    for (let sent = 1; sent < 151_000_000; sent += chunk.length) parts.push(chunk);
    bomb = zlib.gzipSync(Buffer.concat(parts));
  }
  return bomb;
}

/**
 * Failure routes for the error journeys (e2e/journeys/30-errors.mjs); true if it answered.
 *   /__status/NNN        that HTTP status
 *   /__type/NAME         the minimal bundle with Content-Type html | plain | none | ld | xml
 *   /__big               Content-Length 200 MB (over the 150 MB limit), then filler until the
 *                        widget hangs up
 *   /__big-chunked       no Content-Length (chunked), a gzip body that decodes to 151 MB
 *   /__many-events       a bundle of 200 001 events (over MAX_EVENTS), about 400 KB
 *   /__trickle           answers at once, then never finishes the body
 *   /__trickle-mb        answers 3 MB at once, then never finishes the body (progress)
 *   /__media/WxH.png     a W×H picture (`png`), for event media; journeys route the https
 *                        addresses of their bundles' images here (bundles admit only https:)
 */
function failureRoute(url, res) {
  const status = url.pathname.match(/^\/__status\/(\d{3})$/);
  if (status) {
    res.writeHead(Number(status[1]), { "content-type": "text/plain" });
    res.end(`status ${status[1]}`);
    return true;
  }
  const type = url.pathname.match(/^\/__type\/(\w+)$/);
  if (type) {
    const types = {
      html: "text/html; charset=utf-8",
      plain: "text/plain; charset=utf-8",
      ld: "application/ld+json",
      xml: "application/xml",
      none: null,
    };
    if (!(type[1] in types)) return false;
    const body = type[1] === "html"
      ? "<!doctype html><title>Not found</title><h1>Page not found</h1>"
      : fs.readFileSync(MINIMAL);
    // Node adds no Content-Type unless one is given.
    res.writeHead(200, types[type[1]] ? { "content-type": types[type[1]] } : {});
    res.end(body);
    return true;
  }
  const media = url.pathname.match(/^\/__media\/(\d{1,4})x(\d{1,4})\.png$/);
  if (media) {
    const [w, h] = [Number(media[1]), Number(media[2])];
    if (!w || !h) return false;
    const body = png(w, h);
    res.writeHead(200, { "content-type": "image/png", "content-length": String(body.length) });
    res.end(body);
    return true;
  }
  if (url.pathname === "/__big") {
    res.writeHead(200, { "content-type": "application/json", "content-length": "200000000" });
    stream(res, 200_000_000);
    return true;
  }
  if (url.pathname === "/__big-chunked") {
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
    res.end(gzipBomb());
    return true;
  }
  if (url.pathname === "/__many-events") {
    if (!manyEvents) {
      const bundle = JSON.parse(fs.readFileSync(MINIMAL, "utf8"));
      bundle.events = new Array(200_001).fill(0);
      manyEvents = Buffer.from(JSON.stringify(bundle));
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": String(manyEvents.length) });
    res.end(manyEvents);
    return true;
  }
  if (url.pathname === "/__trickle-mb") {
    res.writeHead(200, { "content-type": "application/json" });
    res.write("[" + "0,".repeat(1_500_000));
    return true;
  }
  if (url.pathname === "/__trickle") {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"version": 1, ');
    return true;
  }
  return false;
}

// Compressed bodies made on the fly (files without a precompressed copy), by path and mtime.
const compressedCache = new Map();

/**
 * The body to send for `file` under `accept-encoding`, as a host serving `dist/` would: the
 * precompressed copy (`cargo xtask build` writes `.br` and `.gz`) when there is one, else
 * compressed here at the same settings (brotli 11, gzip 9), for the incumbents' files too.
 */
function encoded(file, accept) {
  if (!/\.(html|m?js|css|json|wasm|svg)$/.test(file)) return null;
  const accepted = accept.split(",").map((s) => s.trim().split(";")[0].trim());
  for (const [enc, ext] of [["br", ".br"], ["gzip", ".gz"]]) {
    if (!accepted.includes(enc)) continue;
    if (fs.existsSync(file + ext)) return { enc, body: fs.readFileSync(file + ext) };
    const key = `${file}:${fs.statSync(file).mtimeMs}:${enc}`;
    if (!compressedCache.has(key)) {
      const raw = fs.readFileSync(file);
      compressedCache.set(key, enc === "br"
        ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: raw.length > 4e6 ? 9 : 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : zlib.gzipSync(raw, { level: 9 }));
    }
    return { enc, body: compressedCache.get(key) };
  }
  return null;
}

/**
 * Serves `roots` (URL prefix → folder) on 127.0.0.1 at a free port; resolves to {url, close}.
 * `csp` is sent as the Content-Security-Policy of HTML responses; `cors` adds
 * `Access-Control-Allow-Origin: *` to every response; `compress` answers with brotli or gzip
 * when the client accepts it (the Lighthouse bench: a real host compresses).
 */
export function serve(roots, { csp = null, cors = false, compress = false } = {}) {
  const server = http.createServer((req, res) => {
    // `cors`: let opaque-origin documents (iframes sandboxed without allow-same-origin) load
    // the module scripts, wasm and bundles, as a host serving such embeds must.
    if (cors) res.setHeader("access-control-allow-origin", "*");
    const url = new URL(req.url, "http://127.0.0.1");
    if (url.pathname === "/__status/500") {
      res.writeHead(500, { "content-type": "text/plain" });
      return res.end("server error");
    }
    if (url.pathname === "/__slow") {
      return setTimeout(() => res.end("{}"), 60_000).unref();
    }
    if (url.pathname.startsWith("/__")) {
      res.on("error", () => {});
      if (failureRoute(url, res)) return;
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
      const packed = compress ? encoded(file, String(req.headers["accept-encoding"] || "")) : null;
      if (packed) {
        Object.assign(headers, { "content-encoding": packed.enc, "content-length": String(packed.body.length), vary: "accept-encoding" });
        res.writeHead(200, headers);
        return res.end(packed.body);
      }
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
