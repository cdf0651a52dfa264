//! Reading and writing spreadsheet tables: CSV and TSV as Google Sheets, Excel and LibreOffice
//! save them, including a UTF-8 byte-order mark and the `;` that Excel writes where the decimal
//! separator is a comma (most of Europe and Indonesia).

use timeline_core::i18n::Lang;
use timeline_core::import::Row;

/// What is wrong with a table's quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteProblem {
    /// A quoted value never closed: the rest of the file would be one cell.
    Unclosed,
    /// A quoted value runs across lines and closes in the middle of a later value.
    RunsOn,
    /// Text right after a closing quotation mark.
    TextAfterClose,
    /// A quotation mark inside a value that does not start with one.
    Stray,
}

/// Where a table breaks the quoting rules, in the spreadsheet's row and column numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteError {
    pub row: usize,
    pub column: usize,
    pub problem: QuoteProblem,
}

impl QuoteError {
    /// "row 2, column 5: …" in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let (r, c) = (self.row, self.column);
        match (self.problem, lang) {
            (QuoteProblem::Unclosed, Lang::En) => format!(
                "row {r}, column {c}: a quotation mark opens a value that is never closed; the \
                 rest of the file would be one cell"
            ),
            (QuoteProblem::Unclosed, Lang::Id) => format!(
                "baris {r}, kolom {c}: tanda kutip membuka nilai yang tidak pernah ditutup; sisa \
                 berkas akan menjadi satu sel"
            ),
            (QuoteProblem::RunsOn, Lang::En) => format!(
                "row {r}, column {c}: a quotation mark opens a value that runs across lines and is \
                 closed only in the middle of a later value; probably its closing quotation mark \
                 is missing"
            ),
            (QuoteProblem::RunsOn, Lang::Id) => format!(
                "baris {r}, kolom {c}: tanda kutip membuka nilai yang berlanjut ke baris lain dan \
                 baru ditutup di tengah nilai berikutnya; kemungkinan tanda kutip penutupnya hilang"
            ),
            (QuoteProblem::TextAfterClose, Lang::En) => format!(
                "row {r}, column {c}: text after a closing quotation mark; put the whole value \
                 inside the quotation marks, and write a quotation mark inside it as \"\""
            ),
            (QuoteProblem::TextAfterClose, Lang::Id) => format!(
                "baris {r}, kolom {c}: ada teks setelah tanda kutip penutup; letakkan seluruh nilai \
                 di dalam tanda kutip, dan tulis tanda kutip di dalamnya sebagai \"\""
            ),
            (QuoteProblem::Stray, Lang::En) => format!(
                "row {r}, column {c}: a quotation mark inside a value that does not start with \
                 one; quote the whole value and double the mark (\"like \"\"this\"\"\")"
            ),
            (QuoteProblem::Stray, Lang::Id) => format!(
                "baris {r}, kolom {c}: tanda kutip di dalam nilai yang tidak diawali tanda kutip; \
                 kutip seluruh nilai dan gandakan tandanya (\"seperti \"\"ini\"\"\")"
            ),
        }
    }
}

/// The separator of a table: tab for `.tsv`, else whichever of `,`, `;` and tab occurs most
/// often outside quotation marks in the first line (a comma on a tie).
pub fn detect_delimiter(text: &str, file: &str) -> u8 {
    if file.to_ascii_lowercase().ends_with(".tsv") {
        return b'\t';
    }
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], usize::from(i == 0))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Where a table breaks the quoting rules (RFC 4180), as "row R, column C: what", with the
/// spreadsheet's row and column numbers; `None` when the quoting is sound. The csv reader is
/// lenient (it reads `a"b` as a value), so this is checked first, to tell the editor instead
/// of importing a wrong value.
pub fn quoting_error(text: &str, delimiter: u8) -> Option<QuoteError> {
    let delimiter = char::from(delimiter);
    let (mut row, mut col) = (1usize, 1usize);
    let mut at_field_start = true;
    let mut quoted: Option<(usize, usize)> = None; // where the open quoted field started
    let mut after_close = false;
    // Line breaks inside the quoted value being read: a value that runs across lines and is then
    // followed by text most likely lacks its closing mark where it opened.
    let mut quoted_lines = 0usize;
    let mut last_opened: Option<(usize, usize)> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(opened) = quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    quoted = None;
                    after_close = true;
                }
            } else if c == '\n' {
                quoted_lines += 1;
            }
            // A line break inside quotation marks is part of the value, not a new row.
            if quoted.is_none() && quoted_lines > 0 {
                // Remember where it opened, for the message below.
                last_opened = Some(opened);
            }
            continue;
        }
        if c == delimiter {
            col += 1;
            at_field_start = true;
            after_close = false;
            continue;
        }
        if c == '\n' || c == '\r' {
            if c == '\n' {
                row += 1;
                col = 1;
            }
            at_field_start = true;
            after_close = false;
            continue;
        }
        if after_close {
            if let Some((r, c)) = last_opened {
                return Some(QuoteError { row: r, column: c, problem: QuoteProblem::RunsOn });
            }
            return Some(QuoteError { row, column: col, problem: QuoteProblem::TextAfterClose });
        }
        if c == '"' {
            if at_field_start {
                quoted = Some((row, col));
                quoted_lines = 0;
                last_opened = None;
                at_field_start = false;
                continue;
            }
            return Some(QuoteError { row, column: col, problem: QuoteProblem::Stray });
        }
        at_field_start = false;
    }
    quoted.map(|(r, c)| QuoteError { row: r, column: c, problem: QuoteProblem::Unclosed })
}

/// Reads a table: every record with its row number (the header is row 1). Rows may have fewer
/// cells than the header (the rest are empty) or more (the importer reports them).
///
/// # Errors
/// A message naming the row and column when the quoting is broken or the text is not UTF-8.
pub fn read(text: &str, file: &str, lang: Lang) -> Result<Vec<Row>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = detect_delimiter(text, file);
    if let Some(e) = quoting_error(text, delimiter) {
        return Err(format!("{file}: {}", e.message(lang)));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| match e.position() {
            Some(p) => format!("{file}: row {}, line {}: {e}", i + 1, p.line()),
            None => format!("{file}: row {}: {e}", i + 1),
        })?;
        rows.push(Row::new(i + 1, record.iter().map(str::to_owned).collect()));
    }
    Ok(rows)
}

/// Writes rows as CSV (or TSV with `b'\t'`), quoting where needed.
pub fn write(rows: &[Vec<String>], delimiter: u8) -> String {
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_detected() {
        assert_eq!(detect_delimiter("a,b,c\n1;2", "x.csv"), b',');
        assert_eq!(detect_delimiter("a;b;c\n", "x.csv"), b';');
        assert_eq!(detect_delimiter("\"a;b\",c\n", "x.csv"), b',');
        assert_eq!(detect_delimiter("a\tb\n", "x.txt"), b'\t');
        assert_eq!(detect_delimiter("a,b\n", "x.TSV"), b'\t');
    }

    #[test]
    fn a_bom_and_semicolons_from_european_excel_are_read() {
        let rows =
            read("\u{feff}kind;title_en\nevent;\"Treaty; signed\"\n", "x.csv", Lang::En).unwrap();
        assert_eq!(rows[0].cells, ["kind", "title_en"]);
        assert_eq!(rows[1], Row::new(2, vec!["event".into(), "Treaty; signed".into()]));
    }

    #[test]
    fn broken_quoting_names_row_and_column() {
        let e = read("a,b\n1,x\"y\"\n", "s.csv", Lang::En).unwrap_err();
        assert!(e.starts_with("s.csv: row 2, column 2: a quotation mark inside a value"), "{e}");
        let e = read("a,b\n1,\"x\"y\n", "s.csv", Lang::En).unwrap_err();
        assert!(e.starts_with("s.csv: row 2, column 2: text after a closing quotation"), "{e}");
        let e = read("a,b\n1,\"open\n2,3\n", "s.csv", Lang::En).unwrap_err();
        assert!(
            e.starts_with(
                "s.csv: row 2, column 2: a quotation mark opens a value that is never closed"
            ),
            "{e}"
        );
        let e = read("a,b\n1,x\"y\"\n", "s.csv", Lang::Id).unwrap_err();
        assert!(e.starts_with("s.csv: baris 2, kolom 2: tanda kutip di dalam nilai"), "{e}");
        assert!(read("a,b\n\"multi\nline\",\"say \"\"hi\"\"\"\n", "s.csv", Lang::En).is_ok());
    }

    #[test]
    fn written_tables_read_back() {
        let rows = vec![vec!["a".to_owned(), "b, \"c\"\nd".to_owned()]];
        let text = write(&rows, b',');
        assert_eq!(read(&text, "w.csv", Lang::En).unwrap()[0].cells, rows[0]);
    }
}
