//! The editor page's words, in Indonesian (first) and English. The widget's own strings are in
//! `timeline_core::i18n`; these are only the editor's.

use crate::analyse::{Found, Level};
use timeline_core::i18n::Lang;

/// Every fixed text of the page in one language.
pub struct Words {
    pub title: &'static str,
    pub intro: &'static str,
    pub language: &'static str,
    pub see_sample: &'static str,
    pub guide: &'static str,

    pub data_heading: &'static str,
    pub data_label: &'static str,
    pub data_hint: &'static str,
    pub format: &'static str,
    pub format_auto: &'static str,
    pub format_sheet: &'static str,
    pub format_tljs_csv: &'static str,
    pub format_tljs_json: &'static str,
    pub format_bundle: &'static str,
    pub text_lang: &'static str,
    pub from_template: &'static str,
    pub from_dataset: &'static str,
    pub open_file: &'static str,
    pub start_over: &'static str,
    pub undo: &'static str,
    pub replaced_template: &'static str,
    pub replaced_dataset: &'static str,
    pub replaced_file: &'static str,
    pub cleared: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub saved: &'static str,
    pub not_saved: &'static str,

    pub check_heading: &'static str,
    pub empty: &'static str,
    pub all_good: &'static str,
    pub more_items: &'static str,
    pub go_to: &'static str,

    pub preview_heading: &'static str,
    pub preview_frame: &'static str,
    pub preview_lang: &'static str,
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub theme_contrast: &'static str,
    pub width: &'static str,
    pub width_phone: &'static str,
    pub width_article: &'static str,
    pub width_full: &'static str,
    pub preview_stale: &'static str,
    pub preview_none: &'static str,

    pub takeaway_heading: &'static str,
    pub download_bundle: &'static str,
    pub download_sheet: &'static str,
    pub download_template: &'static str,
    pub download_offline: &'static str,
    pub offline_hint: &'static str,
    pub needs_valid: &'static str,
    pub needs_data: &'static str,
    pub preparing: &'static str,
    pub downloaded: &'static str,
    pub offline_failed: &'static str,

    pub embed_heading: &'static str,
    pub embed_hint: &'static str,
    pub base: &'static str,
    pub data_file: &'static str,
    pub start: &'static str,
    pub end: &'static str,
    pub date_hint: &'static str,
    pub height: &'static str,
    pub height_hint: &'static str,
    pub snippet_iframe: &'static str,
    pub snippet_script: &'static str,
    pub snippet_mount: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
}

pub const ID: Words = Words {
    title: "Editor linimasa",
    intro: "Tempel sel dari spreadsheet, lihat linimasanya, perbaiki yang salah, lalu salin kode \
            sematan atau unduh satu berkas untuk kelas. Semuanya terjadi di peramban ini: tidak \
            ada yang dikirim ke mana pun.",
    language: "Bahasa halaman",
    see_sample: "Linimasa contoh",
    guide: "Panduan kolom",

    data_heading: "1. Data",
    data_label: "Data linimasa",
    data_hint: "Salin sel dari Google Sheets, Excel, atau LibreOffice (dengan baris judul kolom) \
                lalu tempel di sini, atau tempel CSV, bundel JSON, atau JSON TimelineJS. Berkas \
                juga bisa diseret ke sini.",
    format: "Format",
    format_auto: "Kenali otomatis",
    format_sheet: "Templat spreadsheet linimasa",
    format_tljs_csv: "Spreadsheet TimelineJS (CSV)",
    format_tljs_json: "JSON TimelineJS",
    format_bundle: "Bundel JSON",
    text_lang: "Bahasa teks TimelineJS",
    from_template: "Mulai dari templat",
    from_dataset: "Mulai dari data contoh",
    open_file: "Buka berkas…",
    start_over: "Mulai ulang",
    undo: "Kembalikan teks sebelumnya",
    replaced_template: "Diganti dengan templat.",
    replaced_dataset: "Diganti dengan data contoh (1950–1965).",
    replaced_file: "Diganti dengan isi berkas.",
    cleared: "Dikosongkan.",
    loading: "Memuat…",
    load_failed: "Tidak dapat dimuat:",
    saved: "Tersimpan di peramban ini; tetap ada setelah dimuat ulang.",
    not_saved: "Tidak dapat disimpan di peramban ini:",

    check_heading: "2. Periksa",
    empty: "Belum ada data. Tempel sel spreadsheet di kotak data, atau mulai dari templat.",
    all_good: "Tidak ada masalah.",
    more_items: "masalah lain tidak ditampilkan; perbaiki yang di atas dulu.",
    go_to: "Pilih di data:",

    preview_heading: "3. Pratinjau",
    preview_frame: "Pratinjau linimasa",
    preview_lang: "Bahasa linimasa",
    theme: "Tema",
    theme_auto: "Ikuti sistem",
    theme_light: "Terang",
    theme_dark: "Gelap",
    theme_contrast: "Kontras tinggi",
    width: "Lebar",
    width_phone: "Ponsel",
    width_article: "Kolom artikel",
    width_full: "Halaman penuh",
    preview_stale: "Pratinjau menampilkan versi terakhir tanpa kesalahan.",
    preview_none: "Pratinjau muncul setelah data tidak berisi kesalahan.",

    takeaway_heading: "4. Bawa pulang",
    download_bundle: "Unduh bundel JSON",
    download_sheet: "Unduh sebagai spreadsheet (CSV)",
    download_template: "Unduh templat kosong",
    download_offline: "Unduh berkas luring (.html)",
    offline_hint: "Satu berkas berisi widget dan data: buka dari flashdisk atau komputer kelas \
                   tanpa internet dan tanpa server, mode presentasi juga.",
    needs_valid: "Perbaiki kesalahan dulu untuk mengunduh bundel dan berkas luring.",
    needs_data: "Tambahkan data dulu (bagian 1) untuk mengunduh bundel dan berkas luring.",
    preparing: "Menyiapkan berkas luring…",
    downloaded: "Diunduh:",
    offline_failed: "Berkas luring tidak dapat dibuat:",

    embed_heading: "Kode sematan",
    embed_hint: "Unggah bundel JSON ke server Anda bersama berkas linimasa (folder dist/), lalu \
                 tempel salah satu kode ini di halaman.",
    base: "Alamat berkas linimasa",
    data_file: "Alamat bundel (relatif terhadap alamat di atas)",
    start: "Mulai dari",
    end: "Sampai",
    date_hint: "Tanggal seperti 1958 atau 1958-01; kosongkan untuk seluruh rentang.",
    height: "Tinggi trek (px)",
    height_hint: "Kosongkan untuk bawaan (sekitar 400 px).",
    snippet_iframe: "Iframe (isolasi terkuat)",
    snippet_script: "Skrip dan placeholder (dengan versi tanpa JavaScript di dalamnya)",
    snippet_mount: "Fungsi mount (untuk halaman yang dibangun dengan JavaScript)",
    copy: "Salin",
    copied: "Disalin.",
    copy_failed: "Tidak dapat menyalin; pilih teksnya lalu tekan Ctrl+C.",
};

pub const EN: Words = Words {
    title: "Timeline editor",
    intro: "Paste cells from a spreadsheet, see the timeline, fix what is wrong, then copy the \
            embed code or download one file for class. Everything happens in this browser: \
            nothing is sent anywhere.",
    language: "Page language",
    see_sample: "Sample timeline",
    guide: "Column guide",

    data_heading: "1. Data",
    data_label: "Timeline data",
    data_hint: "Copy cells in Google Sheets, Excel or LibreOffice (with the header row) and paste \
                them here, or paste CSV, bundle JSON or TimelineJS JSON. You can also drop a file \
                here.",
    format: "Format",
    format_auto: "Recognise automatically",
    format_sheet: "The timeline's spreadsheet template",
    format_tljs_csv: "TimelineJS spreadsheet (CSV)",
    format_tljs_json: "TimelineJS JSON",
    format_bundle: "Bundle JSON",
    text_lang: "Language of the TimelineJS texts",
    from_template: "Start from the template",
    from_dataset: "Start from the sample data",
    open_file: "Open a file…",
    start_over: "Start over",
    undo: "Bring back the previous text",
    replaced_template: "Replaced by the template.",
    replaced_dataset: "Replaced by the sample data (1950–1965).",
    replaced_file: "Replaced by the file's content.",
    cleared: "Cleared.",
    loading: "Loading…",
    load_failed: "Could not load:",
    saved: "Kept in this browser; it survives a reload.",
    not_saved: "Could not be kept in this browser:",

    check_heading: "2. Check",
    empty: "No data yet. Paste spreadsheet cells into the data box, or start from the template.",
    all_good: "No problems.",
    more_items: "more problems not shown; fix the ones above first.",
    go_to: "Select in the data:",

    preview_heading: "3. Preview",
    preview_frame: "Timeline preview",
    preview_lang: "Timeline language",
    theme: "Theme",
    theme_auto: "Follow the system",
    theme_light: "Light",
    theme_dark: "Dark",
    theme_contrast: "High contrast",
    width: "Width",
    width_phone: "Phone",
    width_article: "Article column",
    width_full: "Full page",
    preview_stale: "The preview shows the last version without errors.",
    preview_none: "The preview appears once the data has no errors.",

    takeaway_heading: "4. Take it away",
    download_bundle: "Download the bundle (JSON)",
    download_sheet: "Download as a spreadsheet (CSV)",
    download_template: "Download the empty template",
    download_offline: "Download the offline file (.html)",
    offline_hint: "One file with the widget and the data: opens from a USB stick or a classroom \
                   computer with no internet and no server, presentation mode included.",
    needs_valid: "Fix the errors first to download the bundle and the offline file.",
    needs_data: "Add data first (section 1) to download the bundle and the offline file.",
    preparing: "Preparing the offline file…",
    downloaded: "Downloaded:",
    offline_failed: "The offline file could not be made:",

    embed_heading: "Embed code",
    embed_hint: "Upload the bundle JSON to your server next to the timeline's files (the dist/ \
                 folder), then paste one of these into the page.",
    base: "Address of the timeline's files",
    data_file: "Address of the bundle (relative to the address above)",
    start: "Open at",
    end: "Until",
    date_hint: "Dates such as 1958 or 1958-01; leave empty for the whole range.",
    height: "Track height (px)",
    height_hint: "Leave empty for the default (about 400 px).",
    snippet_iframe: "Iframe (the strongest isolation)",
    snippet_script: "Script and placeholder (with the no-JavaScript version inside)",
    snippet_mount: "Mount function (for pages built with JavaScript)",
    copy: "Copy",
    copied: "Copied.",
    copy_failed: "Could not copy; select the text and press Ctrl+C.",
};

/// The words of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

/// The name of a level.
pub fn level(lang: Lang, level: Level) -> &'static str {
    match (lang, level) {
        (Lang::Id, Level::Error) => "kesalahan",
        (Lang::Id, Level::Warning) => "peringatan",
        (Lang::Id, Level::Note) => "catatan",
        (Lang::En, Level::Error) => "error",
        (Lang::En, Level::Warning) => "warning",
        (Lang::En, Level::Note) => "note",
    }
}

fn separator(lang: Lang, d: u8) -> &'static str {
    match (lang, d) {
        (Lang::Id, b'\t') => "sel tempelan/TSV",
        (Lang::En, b'\t') => "pasted cells/TSV",
        (Lang::Id, b';') => "CSV dengan titik koma",
        (Lang::En, b';') => "CSV with semicolons",
        _ => "CSV",
    }
}

/// "Our spreadsheet template (pasted cells/TSV) · 30 events · 1 error · 0 warnings · 2 notes".
pub fn summary(
    lang: Lang,
    found: Found,
    events: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
) -> String {
    let w = words(lang);
    let what = match found {
        Found::Empty => return w.empty.to_owned(),
        Found::Sheet(d) => format!("{} ({})", w.format_sheet, separator(lang, d)),
        Found::TimelinejsCsv(d) => format!("{} ({})", w.format_tljs_csv, separator(lang, d)),
        Found::TimelinejsJson => w.format_tljs_json.to_owned(),
        Found::Bundle => w.format_bundle.to_owned(),
        Found::Unknown => match lang {
            Lang::Id => "Format tidak dikenali".to_owned(),
            Lang::En => "Format not recognised".to_owned(),
        },
    };
    let n = |count: usize, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    let parts = match lang {
        Lang::Id => [
            format!("{events} peristiwa"),
            format!("{errors} kesalahan"),
            format!("{warnings} peringatan"),
            format!("{notes} catatan"),
        ],
        Lang::En => [
            n(events, "event", "events"),
            n(errors, "error", "errors"),
            n(warnings, "warning", "warnings"),
            n(notes, "note", "notes"),
        ],
    };
    format!("{what} · {}", parts.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_in_both_languages() {
        assert_eq!(
            summary(Lang::En, Found::Sheet(b'\t'), 30, 1, 0, 2),
            "The timeline's spreadsheet template (pasted cells/TSV) · 30 events · 1 error · 0 \
             warnings · 2 notes"
        );
        assert_eq!(
            summary(Lang::Id, Found::Bundle, 1, 0, 0, 0),
            "Bundel JSON · 1 peristiwa · 0 kesalahan · 0 peringatan · 0 catatan"
        );
    }

    #[test]
    fn the_indonesian_page_keeps_the_standard_spellings() {
        let all = [ID.title, ID.intro, ID.data_hint, ID.offline_hint, ID.embed_hint];
        for t in all {
            assert!(!t.contains("lini masa") && !t.contains("galat"), "{t}");
        }
    }
}
