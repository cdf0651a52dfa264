//! `core::num`: the float-free decimal writer and px reader must agree with Rust's own
//! formatting and parsing wherever CSS would see the difference.

use proptest::prelude::*;
use timeline::core::num::{fixed, parse_px};

#[test]
fn fixed_examples() {
    assert_eq!(fixed(0.0, 4), "0");
    assert_eq!(fixed(12.5, 4), "12.5");
    assert_eq!(fixed(-3.25, 1), "-3.3");
    assert_eq!(fixed(-0.00001, 4), "0");
    assert_eq!(fixed(7305.123456789, 4), "7305.1235");
    assert_eq!(fixed(0.000123, 6), "0.000123");
    assert_eq!(fixed(100.0, 2), "100");
    assert_eq!(fixed(1.05, 0), "1");
    assert_eq!(fixed(f64::NAN, 3), "0");
    assert_eq!(fixed(f64::INFINITY, 3), "0");
    assert_eq!(fixed(1e300, 3), "1e300");
    assert_eq!(fixed(-2.5e16, 3), "-2.5e16");
    assert_eq!(fixed(1.5e15, 0), "1.5e15");
    assert_eq!(fixed(9.99999e20, 2), "1e21");
    assert_eq!(fixed(123456789012345.0, 2), "123456789012345");
}

#[test]
fn parse_px_examples() {
    assert_eq!(parse_px("34px"), Some(34.0));
    assert_eq!(parse_px(" 44 "), Some(44.0));
    assert_eq!(parse_px("34.5px"), Some(34.5));
    assert_eq!(parse_px(".5px"), Some(0.5));
    for bad in ["", "px", "-3px", "1e3px", "3em", "3.4.5px", "abc", ".", "1234567890px"] {
        assert_eq!(parse_px(bad), None, "{bad:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// Within half a unit of the last decimal of the true value, and readable by Rust itself.
    #[test]
    fn fixed_is_close(x in -1.0e7f64..1.0e7, d in 0u32..=6) {
        let s = fixed(x, d);
        let back: f64 = s.parse().unwrap();
        let unit = 10f64.powi(-(d as i32));
        prop_assert!((back - x).abs() <= unit / 2.0 + x.abs() * 1e-12, "{} -> {}", x, s);
        prop_assert!(!s.contains('e') && !s.ends_with('.'));
        if s.contains('.') {
            prop_assert!(!s.ends_with('0'));
        }
    }

    /// Huge values keep three significant decimals: Rust reads them back within 0.05 %.
    #[test]
    fn fixed_writes_huge_values_with_an_exponent(m in 1.0f64..10.0, e in 15i32..300, neg: bool) {
        let x = if neg { -m } else { m } * 10f64.powi(e);
        let s = fixed(x, 4);
        let back: f64 = s.parse().unwrap();
        prop_assert!(((back - x) / x).abs() <= 5e-4, "{} -> {}", x, s);
    }

    #[test]
    fn parse_px_reads_what_rust_writes(w in 0u32..100_000, f in 0u32..1000) {
        let s = format!("{w}.{f:03}px");
        let expect = f64::from(w) + f64::from(f) / 1000.0;
        prop_assert!((parse_px(&s).unwrap() - expect).abs() < 1e-9);
    }
}
