//! The one-table CSV template: round trip, Excel's ways (semicolons, BOM, grouped numbers), and every
//! kind of mistake named by row and column.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chiso::engine::methodology::Methodology;
use chiso::engine::template_csv::{columns, example, read, write};
use chiso::engine::{scoring, Meta};

fn parse(text: &str) -> Result<chiso::engine::Snapshot, Vec<String>> {
    read(text.as_bytes(), "mau.csv", Methodology::default_version(), Meta::default())
        .map_err(|ps| ps.iter().map(ToString::to_string).collect())
}

#[test]
fn the_real_data_round_trips_through_the_template() {
    // The template holds what is scored: the portal's published group scores stay out of it.
    let mut s = common::phu_tho();
    s.units.iter_mut().for_each(|u| u.published.clear());
    let text = write(&s);
    assert!(text.starts_with('\u{feff}'), "Excel needs the byte-order mark to read UTF-8");
    let back = parse(&text).unwrap();
    assert_eq!(back.units, s.units);
    assert_eq!(scoring::score(&back), scoring::score(&s));
    // The same data with commas and no mark, as another spreadsheet writes it.
    let commas = text.trim_start_matches('\u{feff}').replace(';', ",");
    // (names with commas are quoted by the writer, so replacing separators would break them: check first)
    if !s.units.iter().any(|u| u.name.contains(',')) {
        assert_eq!(parse(&commas).unwrap().units, s.units);
    }
}

#[test]
fn the_downloadable_template_reads_back() {
    let text = example(Methodology::default_version());
    let s = parse(&text).unwrap();
    assert_eq!(s.units.len(), 3);
    assert_eq!(
        text.lines().next().unwrap().trim_start_matches('\u{feff}').split(';').count(),
        columns(&s.methodology).len()
    );
}

fn one_row(cells: &[(&str, &str)]) -> String {
    // A valid province row, with some cells replaced.
    let m = Methodology::default_version();
    let cols = columns(&m);
    let mut row: Vec<String> = cols
        .iter()
        .map(|c| match c.as_str() {
            "unit_code" => "P".into(),
            "unit_name" => "Tỉnh thử".into(),
            "level" => "province".into(),
            "parent" => String::new(),
            c if c.ends_with("__score") => "2".into(),
            c if c.ends_with("__given") => String::new(),
            _ => "10".into(),
        })
        .collect();
    for (col, v) in cells {
        let i = cols.iter().position(|c| c == col).unwrap();
        row[i] = (*v).to_owned();
    }
    format!("{}\n{}\n", cols.join(";"), row.join(";"))
}

#[test]
fn grouped_numbers_decimal_commas_and_vietnamese_levels_are_read() {
    let text = one_row(&[
        ("DOSSIER_ON_TIME__num", "1.234"),
        ("DOSSIER_ON_TIME__den", "2.000.000"),
        ("level", "Tỉnh"),
        ("ELECTRONIC_CERTIFIED_COPY__score", "1,5"),
    ]);
    let s = parse(&text).unwrap();
    let k = s.methodology.metric_index("DOSSIER_ON_TIME").unwrap();
    assert_eq!(s.units[0].metrics[k], chiso::engine::MetricInput::Counts { num: 1234, den: 2_000_000 });
    let scores = scoring::score(&s);
    let copy = s.methodology.metric_index("ELECTRONIC_CERTIFIED_COPY").unwrap();
    assert_eq!(scores.units[0].metrics[copy].unwrap().to_string(), "1.50");
}

#[test]
fn mistakes_are_named_by_line_unit_and_column() {
    let cases: Vec<(String, &str)> = vec![
        (
            one_row(&[("DOSSIER_ON_TIME__num", "-3")]),
            "tệp mau.csv, dòng 2, mã đơn vị P, trường DOSSIER_ON_TIME__num: số lượng không được âm: «-3»",
        ),
        (one_row(&[("DOSSIER_ON_TIME__num", "30")]), "trường DOSSIER_ON_TIME__num: tử số 30 lớn hơn mẫu số 10"),
        (one_row(&[("DOSSIER_ON_TIME__num", "1,5")]), "«1,5» không rõ nghĩa"),
        (one_row(&[("DOSSIER_ON_TIME__den", "mười")]), "«mười» không phải số nguyên không âm"),
        (one_row(&[("level", "thôn")]), "cấp đơn vị «thôn» không hợp lệ"),
        (one_row(&[("ELECTRONIC_CERTIFIED_COPY__score", "3")]), "điểm 3,00 vượt điểm tối đa 2,00"),
        (one_row(&[("parent", "X")]), "đơn vị cấp trên «X» không có trong dữ liệu"),
        (
            one_row(&[]).replace("DOSSIER_ON_TIME__num", "DOSIER_ON_TIME__num"),
            "dòng 1, trường DOSIER_ON_TIME__num: trường không được hỗ trợ",
        ),
        (one_row(&[]).replace("unit_code", "ma_don_vi"), "trường unit_code: thiếu cột"),
        (format!("{};thừa\n", one_row(&[]).trim_end()), "dòng 2: dòng có 56 ô nhưng tiêu đề có 55 cột"),
    ];
    for (text, expected) in cases {
        let problems = parse(&text).unwrap_err();
        assert!(problems.iter().any(|p| p.contains(expected)), "expected «{expected}» in {problems:#?}");
    }
    // Two rows with the same code.
    let text = one_row(&[]);
    let row = text.lines().nth(1).unwrap();
    let problems = parse(&format!("{text}{row}\n")).unwrap_err();
    assert!(problems.iter().any(|p| p.contains("dòng 3") && p.contains("mã đơn vị trùng")), "{problems:?}");
    // Not UTF-8 (Excel's legacy code page): said so.
    let problems =
        read(&[0x55, 0xff, 0xfe, 0x41], "cu.csv", Methodology::default_version(), Meta::default()).unwrap_err();
    assert!(problems[0].to_string().contains("không phải văn bản UTF-8"));
}
