//! Decimal text for CSS values and short figures, without Rust's float formatting or parsing.
//!
//! The widget writes positions, widths and percentages into styles many times per frame, and
//! `format!("{}", f64)` links Grisu, Dragon4 and the exact-decimal printer (about 13 KB of wasm)
//! for numbers that only ever need a fixed number of decimals. Integer formatting is linked
//! anyway, so these go through it.

/// The largest magnitude written in plain decimals; beyond it the value is written with an
/// exponent (`1.5e300`), which CSS and JSON read as well (no position here comes near it).
const MAX_PLAIN: f64 = 1.0e15;

/// `x` with at most `decimals` digits after the point (0–9), rounded half away from zero,
/// trailing zeros dropped: `fixed(12.5, 4)` is `"12.5"`, `fixed(-0.00001, 4)` is `"0"`.
/// From 10^15 on, three significant decimals and an exponent: `fixed(1.5e300, 2)` is
/// `"1.5e300"`. NaN and infinities are written as `"0"`, a harmless zero length in CSS.
pub fn fixed(x: f64, decimals: u32) -> String {
    if !x.is_finite() {
        return "0".to_string();
    }
    if x.abs() >= MAX_PLAIN {
        let mut exp = x.abs().log10().floor() as i32;
        let mut mantissa = x / 10f64.powi(exp);
        if mantissa.abs() >= 9.9995 {
            mantissa /= 10.0;
            exp += 1;
        }
        return format!("{}e{exp}", fixed(mantissa, 3));
    }
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals);
    let scaled = (x.abs() * scale as f64).round();
    let n = scaled as u64;
    let (whole, mut frac) = (n / scale, n % scale);
    let mut out = String::with_capacity(24);
    if x < 0.0 && n != 0 {
        out.push('-');
    }
    out.push_str(&whole.to_string());
    if frac != 0 {
        let mut width = decimals as usize;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        out.push('.');
        let digits = frac.to_string();
        out.extend(std::iter::repeat_n('0', width - digits.len()));
        out.push_str(&digits);
    }
    out
}

/// A non-negative CSS length like `34px`, `34.5px` or ` 44 ` as a number of pixels; `None`
/// for anything else (negative, exponent, empty, other units).
pub fn parse_px(s: &str) -> Option<f64> {
    let s = s.trim();
    let s = s.strip_suffix("px").unwrap_or(s).trim_end();
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && frac.is_empty() || !digits(whole) || !digits(frac) || whole.len() > 9 {
        return None;
    }
    let frac = &frac[..frac.len().min(6)];
    let w: u64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let f: u64 = if frac.is_empty() { 0 } else { frac.parse().ok()? };
    Some(w as f64 + f as f64 / 10u64.pow(frac.len() as u32) as f64)
}
