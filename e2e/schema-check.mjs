// Runs the JSON Schema (data/bundle-v1.schema.json) over the bundle corpus that
// tests/core_bundle.rs runs the Rust validator over, so the two cannot drift apart:
//   - tests/bundles/good/*.json and data/sino-soviet-1950-1965.json must pass;
//   - tests/bundles/hostile/*.json must pass unless NAME.expect.json lists errors;
//   - tests/bundles/bad/NAME.json must fail at exactly the paths of NAME.expect.json's
//     "schema" list (or its "errors" list when "schema" is absent), compared as sets;
//   - a generated bundle with one event too many must fail at `events`.
// Paths are written as the validator writes them: `/events/0/start` becomes `events[0].start`.
// Usage, from the repository root: node e2e/schema-check.mjs

import Ajv2020 from "ajv/dist/2020.js";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const schema = JSON.parse(readFileSync(join(root, "data/bundle-v1.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
const validate = ajv.compile(schema);
const MAX_EVENTS = schema.properties.events.maxItems;

/** A key as the validator writes it: bare when plain, else a quoted JSON string in brackets. */
function keyStep(key, first) {
  if (/^[A-Za-z0-9_-]+$/.test(key)) return first ? key : `.${key}`;
  let quoted = '"';
  for (const ch of key) {
    const c = ch.codePointAt(0);
    if (ch === '"') quoted += '\\"';
    else if (ch === "\\") quoted += "\\\\";
    else if (c < 0x20) quoted += `\\u${c.toString(16).padStart(4, "0")}`;
    else quoted += ch;
  }
  return `[${quoted}"]`;
}

/** Converts a JSON Pointer into the validator's path, walking the data to tell lists from objects. */
function toPath(pointer, data, extraKey) {
  const segments = pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (extraKey !== undefined) segments.push(extraKey);
  let path = "";
  let here = data;
  for (const seg of segments) {
    if (Array.isArray(here)) {
      path += `[${seg}]`;
    } else {
      path += keyStep(seg, path === "");
    }
    here = here != null && typeof here === "object" ? here[seg] : undefined;
  }
  return path;
}

/** The set of paths the schema reports for `data`. */
function schemaPaths(data) {
  if (validate(data)) return new Set();
  const paths = new Set();
  for (const e of validate.errors) {
    // Combinator summaries repeat what their branches said; this schema uses none, but be safe.
    if (["anyOf", "oneOf", "allOf", "if"].includes(e.keyword)) continue;
    const extra = e.keyword === "required" ? e.params.missingProperty : undefined;
    paths.add(toPath(e.instancePath, data, extra));
  }
  return paths;
}

const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const show = (s) => JSON.stringify([...s].sort());

let passed = 0;
let failed = 0;
function report(name, expected, got) {
  if (sameSet(expected, got)) {
    passed += 1;
    console.log(`ok    ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL  ${name}: expected ${show(expected)}, schema reported ${show(got)}`);
    for (const e of validate.errors ?? []) console.log(`        ${e.instancePath || "/"} ${e.keyword}: ${e.message}`);
  }
}

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

function corpus(dir) {
  const full = join(root, "tests/bundles", dir);
  return readdirSync(full)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".expect.json"))
    .sort()
    .map((f) => ({ name: `${dir}/${f}`, path: join(full, f), expectPath: join(full, f.replace(/\.json$/, ".expect.json")) }));
}

function expected(expectPath, required) {
  if (!existsSync(expectPath)) {
    if (required) throw new Error(`${expectPath} is missing`);
    return new Set();
  }
  const expect = readJson(expectPath);
  return new Set(expect.schema ?? expect.errors ?? []);
}

for (const { name, path } of corpus("good")) report(name, new Set(), schemaPaths(readJson(path)));

const dataset = join(root, "data/sino-soviet-1950-1965.json");
if (existsSync(dataset)) report("data/sino-soviet-1950-1965.json", new Set(), schemaPaths(readJson(dataset)));
else console.log("skip  data/sino-soviet-1950-1965.json (not there yet)");

for (const { name, path, expectPath } of corpus("hostile")) {
  report(name, expected(expectPath, false), schemaPaths(readJson(path)));
}

const bad = corpus("bad");
for (const { name, path, expectPath } of bad) {
  report(name, expected(expectPath, true), schemaPaths(readJson(path)));
}

// Too many events: generated, as tests/core_bundle.rs does, since the file would be huge.
const minimal = readJson(join(root, "tests/bundles/good/minimal.json"));
const template = minimal.events[0];
minimal.events = Array.from({ length: MAX_EVENTS + 1 }, (_, i) => ({ ...template, id: `e${i}` }));
report(`generated/too-many-events (${MAX_EVENTS + 1})`, new Set(["events"]), schemaPaths(minimal));

if (bad.length < 30) {
  failed += 1;
  console.log(`FAIL  only ${bad.length} bad cases; the corpus needs at least 30`);
}
console.log(`schema: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
