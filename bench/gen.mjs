// Deterministic synthetic events for the benchmark, in our bundle format (docs/bundle-format.md),
// vis-timeline's DataSet item format and TimelineJS's JSON format. No Math.random: a seeded
// PRNG (sfc32) makes the same bytes for the same N and seed on every machine.
//
//   node bench/gen.mjs                    writes bench/out/{ours,vis,tljs}-NAME.json for NAME in
//                                         50, 1000, 10000, 100000, 100000-short and real
//   node bench/gen.mjs --n 1000,real      only those
//   node bench/gen.mjs --seed 7           another seed
//
// Each file is written only when missing or when this script (or the real dataset) is newer.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "..");
export const OUT = path.join(here, "out");
export const REAL = path.join(ROOT, "data", "sino-soviet-1950-1965.json");
export const DEFAULT_SEED = 1950;

/** sfc32, seeded through splitmix32 so small seeds give well-mixed states. */
export function prng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // inclusive
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
  return rng;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: Indonesian- and English-looking filler in the register of the real dataset.

const ID_WORDS = (
  "perundingan delegasi pemerintah kerja sama perjanjian bantuan ekonomi militer partai komunis " +
  "pertemuan kunjungan pernyataan hubungan kedua negara pihak mengumumkan menandatangani menolak " +
  "mengkritik bersama tentang dengan untuk dalam yang dan di ke dari pada tahun bulan antara " +
  "penasihat teknis pabrik proyek industri pinjaman kredit pasukan perbatasan wilayah sidang " +
  "kongres komite pusat sekretaris jenderal menteri luar negeri duta besar surat terbuka polemik " +
  "revisionisme garis umum gerakan internasional buruh tani rakyat tentara pembebasan armada " +
  "kapal selam senjata nuklir uji coba prototipe bom atom reaktor ilmuwan insinyur laporan " +
  "sumber arsip dokumen rahasia telegram kawat berita resmi harian surat kabar menurut kemudian " +
  "sejak hingga setelah sebelum selama ketika namun tetapi juga masih sudah belum akan telah " +
  "secara terbuka tertutup mendadak perlahan tegang dingin hangat erat retak putus pulih " +
  "menarik kembali mengirim menerima menyetujui membahas menuduh membantah menegaskan"
).split(/\s+/);

const EN_WORDS = (
  "negotiations delegation government cooperation treaty aid economy military party communist " +
  "meeting visit statement relations both countries side announces signs rejects criticises " +
  "jointly about with for within which and in to from on year month between advisers technical " +
  "plant project industry loan credit troops border region session congress central committee " +
  "secretary general minister foreign ambassador open letter polemic revisionism general line " +
  "international movement workers peasants people liberation army fleet submarine weapons " +
  "nuclear test prototype atomic bomb reactor scientists engineers report source archive " +
  "documents secret telegram cable news official daily newspaper according later since until " +
  "after before during when however but also still already not yet will had openly privately " +
  "suddenly slowly tense cold warm close cracked broken restored withdraws sends receives " +
  "approves discusses accuses denies insists"
).split(/\s+/);

const ID_PLACES = ["Moskow", "Beijing", "Bukares", "Warsawa", "Budapest", "Lhasa", "Port Arthur", "Dalian", "Xinjiang", "Vladivostok", "Berlin Timur", "Hanoi", "Pyongyang", "Jenewa", "Bandung", "Jakarta"];
const EN_PLACES = ["Moscow", "Beijing", "Bucharest", "Warsaw", "Budapest", "Lhasa", "Port Arthur", "Dalian", "Xinjiang", "Vladivostok", "East Berlin", "Hanoi", "Pyongyang", "Geneva", "Bandung", "Jakarta"];
const NAMES = ["Mao Zedong", "Zhou Enlai", "Liu Shaoqi", "Deng Xiaoping", "Peng Dehuai", "Chen Yi", "Khrushchev", "Stalin", "Molotov", "Mikoyan", "Suslov", "Bulganin", "Malenkov", "Kosygin", "Brezhnev", "Gromyko"];

function words(rng, vocab, places, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    out.push(r < 0.06 ? rng.pick(NAMES) : r < 0.1 ? rng.pick(places) : rng.pick(vocab));
  }
  return out;
}

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(rng, vocab, places, lo, hi) {
  const w = words(rng, vocab, places, rng.int(lo, hi));
  if (w.length > 6 && rng.chance(0.4)) w[rng.int(2, w.length - 3)] += ",";
  return cap(w.join(" ")) + ".";
}

function paragraph(rng, vocab, places, sentences, lo, hi) {
  const out = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(rng, vocab, places, lo, hi));
  return out.join(" ");
}

/** A title and a summary in both languages, from the same shape (so lengths match roughly). */
function bilingual(rng, kind) {
  const lang = (vocab, places) => {
    if (kind === "title") return cap(words(rng, vocab, places, rng.int(4, 9)).join(" "));
    if (kind === "short-title") return cap(words(rng, vocab, places, rng.int(1, 2)).join(" "));
    if (kind === "short-summary") return cap(words(rng, vocab, places, rng.int(2, 3)).join(" ")) + ".";
    if (kind === "summary") return paragraph(rng, vocab, places, rng.int(2, 3), 10, 20);
    return paragraph(rng, vocab, places, 1, 12, 24); // note
  };
  return { id: lang(ID_WORDS, ID_PLACES), en: lang(EN_WORDS, EN_PLACES) };
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers (proleptic Gregorian, UTC).

const DAY = 86400000;
const T0 = Date.UTC(1950, 0, 1);
const T1 = Date.UTC(1965, 11, 31);
const pad = (n, w = 2) => String(n).padStart(w, "0");
const iso = (t) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** Parses "1958", "1958-08", "1958-08-23" (with an optional ~ or ?) into its first and last day. */
export function span(date) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[~?]?$/.exec(date);
  if (!m) throw new Error(`bad date ${date}`);
  const y = +m[1];
  if (m[3]) {
    const t = Date.UTC(y, +m[2] - 1, +m[3]);
    return { first: t, last: t, y, m: +m[2], d: +m[3] };
  }
  if (m[2]) return { first: Date.UTC(y, +m[2] - 1, 1), last: Date.UTC(y, +m[2], 0), y, m: +m[2] };
  return { first: Date.UTC(y, 0, 1), last: Date.UTC(y, 11, 31), y };
}

// ---------------------------------------------------------------------------------------------
// Our bundle.

const CATEGORIES = [
  { id: "treaty", label: { id: "Perjanjian & kesepakatan", en: "Treaties & agreements" }, color: "#1f4e9c", icon: "square" },
  { id: "summit", label: { id: "Pertemuan puncak & kunjungan", en: "Summits & visits" }, color: "#6a3d9a", icon: "circle" },
  { id: "military", label: { id: "Perang & militer", en: "War & military" }, color: "#b3261e", icon: "triangle" },
  { id: "ideology", label: { id: "Ideologi & polemik", en: "Ideology & polemics" }, color: "#9a4d00", icon: "diamond" },
  { id: "nuclear", label: { id: "Nuklir", en: "Nuclear" }, color: "#37474f", icon: "star" },
  { id: "economy", label: { id: "Ekonomi, bantuan & penasihat", en: "Economy, aid & advisers" }, color: "#2e7d32", icon: "hexagon" },
];

const ERAS = [
  { id: "alliance", start: "1950-02-14", end: "1955-12-31", label: { id: "Masa aliansi", en: "Alliance" } },
  { id: "strains", start: "1956-01-01", end: "1959-12-31", label: { id: "Keretakan mulai muncul", en: "Growing strains" } },
  { id: "split", start: "1960-01-01", end: "1965-12-31", label: { id: "Perpecahan terbuka", en: "Open split" } },
];

function sources(rng) {
  const out = [];
  for (let i = 0; i < 12; i++) {
    const lang = i % 3 === 0 ? "en" : "id";
    const [vocab, places] = lang === "id" ? [ID_WORDS, ID_PLACES] : [EN_WORDS, EN_PLACES];
    out.push({
      id: `source-${pad(i + 1)}`,
      publisher: cap(words(rng, vocab, places, rng.int(1, 3)).join(" ")),
      title: cap(words(rng, vocab, places, rng.int(5, 12)).join(" ")),
      published: `${rng.int(1995, 2024)}-${pad(rng.int(1, 12))}`,
      lang,
      url: i % 4 === 3 ? null : `https://example.org/arsip/${i + 1}`,
    });
  }
  return out;
}

/**
 * A synthetic bundle of `n` events across 1950–1965. With `short`, texts are cut to a 1–2 word
 * title and a 2–3 word summary, without notes or excerpts, and ids are shorter (100 000 events
 * weigh 18 MB instead of 110 MB): what a count costs without its text.
 */
export function generate(n, seed = DEFAULT_SEED, { short = false } = {}) {
  const rng = prng((seed ^ Math.imul(n, 0x9e3779b1)) + (short ? 1 : 0));
  const srcs = sources(rng);
  const cats = short ? CATEGORIES.map((c, i) => ({ ...c, id: `c${i + 1}` })) : CATEGORIES;
  const events = [];
  const days = Math.round((T1 - T0) / DAY);
  for (let i = 0; i < n; i++) {
    const t = T0 + rng.int(0, days) * DAY;
    const p = rng.next();
    // precision: 80 % day, 15 % month, 5 % year; 4 % approximate or uncertain
    let start = p < 0.8 ? iso(t) : p < 0.95 ? iso(t).slice(0, 7) : iso(t).slice(0, 4);
    if (rng.chance(0.04)) start += rng.chance(0.5) ? "~" : "?";
    const ev = { id: short ? (i + 1).toString(36) : `ev-${pad(i + 1, 6)}`, start };
    if (rng.chance(0.1)) {
      // a range of 2 days to about 2 years, clamped to the end of 1965
      const s = span(start);
      const e = Math.min(T1, s.last + rng.int(2, 730) * DAY);
      ev.end = start.length >= 10 || rng.chance(0.5) ? iso(e) : iso(e).slice(0, 7);
    }
    ev.category = cats[rng.int(0, 5)].id;
    const q = rng.next();
    ev.importance = q < 0.15 ? 1 : q < 0.5 ? 2 : 3;
    ev.title = bilingual(rng, short ? "short-title" : "title");
    ev.summary = bilingual(rng, short ? "short-summary" : "summary");
    if (short) {
      events.push(ev);
      continue;
    }
    if (rng.chance(0.05)) ev.date_note = bilingual(rng, "note");
    const k = rng.next();
    const excerpts = k < 0.5 ? 0 : k < 0.9 ? 1 : 2;
    if (excerpts) {
      ev.excerpts = [];
      for (let j = 0; j < excerpts; j++) {
        const src = rng.pick(srcs);
        const [vocab, places] = src.lang === "id" ? [ID_WORDS, ID_PLACES] : [EN_WORDS, EN_PLACES];
        const ex = { source: src.id, lang: src.lang, text: paragraph(rng, vocab, places, rng.int(2, 4), 10, 22) };
        if (rng.chance(0.1)) ex.note = bilingual(rng, "note");
        ev.excerpts.push(ex);
      }
    }
    events.push(ev);
  }
  events.sort((a, b) => span(a.start).first - span(b.start).first || (a.id < b.id ? -1 : 1));
  return {
    version: 1,
    title: {
      id: `Data sintetis: ${n} peristiwa${short ? " (teks pendek)" : ""}, 1950–1965`,
      en: `Synthetic data: ${n} events${short ? " (short texts)" : ""}, 1950–1965`,
    },
    description: {
      id: "Peristiwa buatan untuk uji kinerja; bukan sejarah.",
      en: "Made-up events for the benchmark; not history.",
    },
    languages: ["id", "en"],
    range: { start: "1950-01-01", end: "1965-12-31" },
    categories: cats,
    eras: ERAS,
    sources: srcs,
    events,
  };
}

// ---------------------------------------------------------------------------------------------
// The incumbents' formats, from any valid bundle (synthetic or the real one). Texts are shown in
// the bundle's first language, as our widget does by default.

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const text = (l10n, lang) => (l10n ? l10n[lang] ?? Object.values(l10n)[0] : "");

/** vis-timeline DataSet items: box items for dates, range items for spans (end is exclusive). */
export function toVis(bundle) {
  const lang = bundle.languages[0];
  return bundle.events.map((ev) => {
    const s = span(ev.start);
    const item = {
      id: ev.id,
      content: esc(text(ev.title, lang)),
      title: text(ev.summary, lang),
      start: iso(s.first),
      className: `cat-${ev.category} imp-${ev.importance}`,
    };
    if (ev.end) {
      item.end = iso(span(ev.end).last + DAY);
      item.type = "range";
    }
    return item;
  });
}

function tlDate(date) {
  const s = span(date);
  const d = { year: String(s.y) };
  if (s.m) d.month = String(s.m);
  if (s.d) d.day = String(s.d);
  return d;
}

/** TimelineJS 3 JSON: a title slide, the events (headline, summary and quotations as HTML), eras. */
export function toTimelineJS(bundle) {
  const lang = bundle.languages[0];
  const srcById = new Map((bundle.sources || []).map((s) => [s.id, s]));
  return {
    title: { text: { headline: esc(text(bundle.title, lang)), text: esc(text(bundle.description, lang)) } },
    events: bundle.events.map((ev) => {
      let html = `<p>${esc(text(ev.summary, lang))}</p>`;
      for (const ex of ev.excerpts || []) {
        const src = srcById.get(ex.source);
        html += `<blockquote lang="${esc(ex.lang)}">${esc(ex.text)}</blockquote>`;
        if (src) html += `<p><cite>${esc(src.publisher)}, ${esc(src.title)}</cite></p>`;
      }
      const out = {
        unique_id: ev.id,
        start_date: tlDate(ev.start),
        text: { headline: esc(text(ev.title, lang)), text: html },
      };
      if (ev.end) out.end_date = tlDate(ev.end);
      return out;
    }),
    eras: (bundle.eras || []).map((e) => ({
      start_date: tlDate(e.start),
      end_date: tlDate(e.end),
      text: { headline: esc(text(e.label, lang)) },
    })),
  };
}

// ---------------------------------------------------------------------------------------------

export const SIZES = ["50", "1000", "10000", "100000", "100000-short"];

/** "real", "<n>" or "<n>-short". */
export function parseName(name) {
  if (name === "real") return { real: true };
  const m = /^(\d+)(-short)?$/.exec(name);
  if (!m || !(Number(m[1]) > 0)) return null;
  return { n: Number(m[1]), short: Boolean(m[2]) };
}

/** The three files of one dataset ("real" or a size); returns their paths. */
export function files(name) {
  return {
    ours: path.join(OUT, `ours-${name}.json`),
    vis: path.join(OUT, `vis-${name}.json`),
    tljs: path.join(OUT, `tljs-${name}.json`),
  };
}

/** Writes the files of `name` ("real" or a size) unless they are already up to date. */
export function ensure(name, seed = DEFAULT_SEED) {
  fs.mkdirSync(OUT, { recursive: true });
  const f = files(name);
  const stampFile = path.join(OUT, `.seed-${name}`);
  const inputs = [fileURLToPath(import.meta.url), ...(name === "real" ? [REAL] : [])];
  const newest = Math.max(...inputs.map((p) => fs.statSync(p).mtimeMs));
  const upToDate = Object.values(f).every((p) => fs.existsSync(p) && fs.statSync(p).mtimeMs >= newest) &&
    fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === String(seed);
  if (upToDate) return f;
  const p = parseName(name);
  if (!p) throw new Error(`unknown dataset ${name}`);
  const bundle = p.real ? JSON.parse(fs.readFileSync(REAL, "utf8")) : generate(p.n, seed, { short: p.short });
  fs.writeFileSync(f.ours, JSON.stringify(bundle));
  fs.writeFileSync(f.vis, JSON.stringify(toVis(bundle)));
  fs.writeFileSync(f.tljs, JSON.stringify(toTimelineJS(bundle)));
  fs.writeFileSync(stampFile, String(seed));
  return f;
}

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = arg("--n") ? arg("--n").split(",").map((s) => s.trim().replace(/[_ ]/g, "")) : [...SIZES, "real"];
  const seed = arg("--seed") ? Number(arg("--seed")) : DEFAULT_SEED;
  for (const name of sizes) {
    const t = Date.now();
    const f = ensure(name, seed);
    const kb = (p) => (fs.statSync(p).size / 1024).toFixed(0);
    console.log(`${name}: ours ${kb(f.ours)} KB, vis ${kb(f.vis)} KB, tljs ${kb(f.tljs)} KB (${Date.now() - t} ms)`);
  }
}
