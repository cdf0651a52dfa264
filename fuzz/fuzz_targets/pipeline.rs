//! Arbitrary bytes through parse → validate → prepare → layout → axis (`fuzz/pipeline.rs`,
//! shared with `tests/fuzz_pipeline.rs`): a panic, a broken promise or an out-of-memory is a
//! finding. Run with `cargo +nightly fuzz run pipeline` (see docs/security.md for seeds, the
//! dictionary and limits).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../pipeline.rs"]
mod pipeline;

fuzz_target!(|data: &[u8]| {
    let _ = pipeline::run_bytes(data);
});
