//! CSV as staff's files have it (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes,
//! CRLF or LF, comma or semicolon), read and written without the `csv` crate: it brings `std::io` into
//! the web build (~25 KB of wasm) and numbers records' lines one short. Line numbers here are those an
//! editor shows: the header is line 1.

/// One record and the line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: u64,
    pub fields: Vec<String>,
}

/// The delimiter of a file: a semicolon if the header line has more of them than commas (Excel in the
/// Vietnamese locale), else a comma.
pub fn sniff(text: &str) -> char {
    let header = text.lines().next().unwrap_or("");
    if header.matches(';').count() > header.matches(',').count() {
        ';'
    } else {
        ','
    }
}

/// Every record of a text, or the line of a quote that is never closed.
pub fn parse(text: &str, delimiter: char) -> Result<Vec<Record>, u64> {
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let (mut line, mut record_line) = (1u64, 1u64);
    let mut chars = text.chars().peekable();
    let mut quoted_since: Option<u64> = None;
    let mut at_field_start = true;
    let mut any = false;
    while let Some(c) = chars.next() {
        if quoted_since.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted_since = None,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted_since = Some(line);
                at_field_start = false;
                any = true;
            }
            c if c == delimiter => {
                fields.push(std::mem::take(&mut field));
                at_field_start = true;
                any = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                if any || !field.is_empty() {
                    fields.push(std::mem::take(&mut field));
                    records.push(Record { line: record_line, fields: std::mem::take(&mut fields) });
                }
                line += 1;
                record_line = line;
                at_field_start = true;
                any = false;
            }
            c => {
                field.push(c);
                at_field_start = false;
                any = true;
            }
        }
    }
    if let Some(open) = quoted_since {
        return Err(open);
    }
    if any || !field.is_empty() {
        fields.push(field);
        records.push(Record { line: record_line, fields });
    }
    Ok(records)
}

/// Appends one record, quoting a field when it holds the delimiter, a quote or a line break.
pub fn write_record<S: AsRef<str>>(out: &mut String, fields: &[S], delimiter: char) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        let f = f.as_ref();
        if f.contains([delimiter, '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(u64, Vec<&'static str>)> {
        parse(text, ',')
            .unwrap()
            .into_iter()
            .map(|r| (r.line, r.fields.into_iter().map(|f| &*Box::leak(f.into_boxed_str())).collect()))
            .collect()
    }

    #[test]
    fn quotes_line_breaks_and_line_numbers() {
        assert_eq!(fields("a,b\n1,2\n"), vec![(1, vec!["a", "b"]), (2, vec!["1", "2"])]);
        assert_eq!(
            fields("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n3,\n"),
            vec![(1, vec!["a", "b"]), (2, vec!["x, y", "say \"hi\""]), (3, vec!["3", ""])]
        );
        assert_eq!(fields("h\n\"two\nlines\"\nnext"), vec![(1, vec!["h"]), (2, vec!["two\nlines"]), (4, vec!["next"])]);
        assert_eq!(fields("h\n\n\nx\n"), vec![(1, vec!["h"]), (4, vec!["x"])]);
        assert_eq!(fields(""), Vec::<(u64, Vec<&str>)>::new());
        assert_eq!(parse("h\n\"open\n", ','), Err(2));
        assert_eq!(sniff("a;b;c\n1,5;2;3"), ';');
    }

    #[test]
    fn what_is_written_reads_back() {
        let rows = [vec!["mã", "tên; có dấu chấm phẩy", "\"trích\"", "dòng\nmới", ""], vec!["1", "2", "3", "4", "5"]];
        let mut out = String::new();
        for r in &rows {
            write_record(&mut out, r, ';');
        }
        let back: Vec<Vec<String>> = parse(&out, ';').unwrap().into_iter().map(|r| r.fields).collect();
        assert_eq!(back, rows.iter().map(|r| r.iter().map(|s| s.to_string()).collect::<Vec<_>>()).collect::<Vec<_>>());
    }
}
