//! The portal's own JSON answers, as files and in a HAR saved from the browser, give exactly the
//! snapshot of the six CSV files transcribed from them (Phú Thọ Q3/2026); what is wrong with such files
//! is named by file, unit and field.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use chiso::engine::import::{self, Origin};
use chiso::engine::scoring;
use chiso::engine::snapshot::PeriodKind;
use serde_json::{json, Value};

const ENDPOINTS: [&str; 6] = [
    "transparency",
    "dvc-progress-tree",
    "provide-online-tree",
    "formality-online-payment-tree",
    "dossier-digitized",
    "handling-satisfaction",
];

fn responses() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/portal-responses-phu-tho-2026-q3");
    ENDPOINTS.iter().map(|e| (format!("{e}.json"), std::fs::read(dir.join(format!("{e}.json"))).unwrap())).collect()
}

/// A HAR as Chrome saves it: the page's other requests around the six answers, each with its URL,
/// payload and content.
fn har(files: &[(String, Vec<u8>)], base64_for: Option<&str>) -> Vec<u8> {
    let mut entries = vec![json!({
        "startedDateTime": "2026-09-26T11:19:58.000Z",
        "request": { "method": "GET", "url": "https://dichvucong.gov.vn/p/home/dvc-chi-so.html" },
        "response": { "status": 200, "content": { "mimeType": "text/html", "text": "<html></html>" } }
    })];
    for (name, bytes) in files {
        let endpoint = name.trim_end_matches(".json");
        let payload = if endpoint == "handling-satisfaction" {
            json!({ "rootDepartmentId": "019d2be3-6a88-732b-8b17-b68020c8553a", "fromDate": "2026-07-01", "toDate": "2026-09-30", "currentPage": 1, "pageSize": 200 })
        } else {
            json!({ "rootDepartmentId": "019d2be3-6a88-732b-8b17-b68020c8553a", "timeType": "quarter", "year": 2026, "quarter": 3, "currentPage": 1, "pageSize": 200 })
        };
        let text = String::from_utf8(bytes.clone()).unwrap();
        let content = if base64_for == Some(endpoint) {
            json!({ "mimeType": "application/json", "encoding": "base64", "text": b64(bytes) })
        } else {
            json!({ "mimeType": "application/json", "text": text })
        };
        entries.push(json!({
            "startedDateTime": "2026-09-26T11:20:31.000Z",
            "request": { "method": "POST", "url": format!("https://dichvucong.gov.vn/api/v1/reporting/evaluation/{endpoint}"),
                         "postData": { "mimeType": "application/json", "text": payload.to_string() } },
            "response": { "status": 201, "content": content }
        }));
    }
    serde_json::to_vec(
        &json!({ "log": { "version": "1.2", "creator": { "name": "WebInspector" }, "entries": entries } }),
    )
    .unwrap()
}

fn b64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n =
            (u32::from(c[0]) << 16) | (u32::from(*c.get(1).unwrap_or(&0)) << 8) | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn words(r: Result<import::Imported, Vec<chiso::engine::Problem>>) -> Vec<String> {
    r.expect_err("refused").iter().map(ToString::to_string).collect()
}

#[test]
fn the_six_answers_give_the_snapshot_of_the_six_csv_files() {
    let csv = common::phu_tho();
    let got = import::read_files(&responses()).unwrap();
    assert_eq!(got.origin, Origin::PortalJson);
    assert_eq!(got.snapshot.units, csv.units);
    assert_eq!(scoring::score(&got.snapshot), scoring::score(&csv));
    assert_eq!(got.snapshot.meta.title, "UBND tỉnh Phú Thọ");
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    // In any order, under any names the browser gave them.
    let mut shuffled: Vec<(String, Vec<u8>)> =
        responses().into_iter().rev().enumerate().map(|(i, (_, b))| (format!("response ({i}).json"), b)).collect();
    shuffled.rotate_left(2);
    assert_eq!(import::read_files(&shuffled).unwrap().snapshot.units, csv.units);
}

#[test]
fn a_har_saved_from_the_browser_gives_the_same_snapshot_with_its_period() {
    let csv = common::phu_tho();
    for base64 in [None, Some("dossier-digitized")] {
        let got = import::read_files(&[("dichvucong.gov.vn.har".into(), har(&responses(), base64))]).unwrap();
        assert_eq!(got.snapshot.units, csv.units);
        let p = got.snapshot.meta.period.clone().unwrap_or_else(|| panic!("{:?}", got.snapshot.meta));
        assert_eq!((p.kind, p.from.as_str(), p.to.as_str()), (PeriodKind::Quarter, "2026-07-01", "2026-09-30"));
        assert_eq!(got.snapshot.meta.captured.as_deref(), Some("2026-09-26"));
    }
}

#[test]
fn what_is_wrong_with_such_files_is_named() {
    let all = responses();
    // One missing.
    let e = words(import::read_files(&all[1..]));
    assert_eq!(e, ["thiếu phản hồi transparency: hãy mở đủ 6 nhóm chỉ số trên trang Chỉ số của Cổng trước khi lưu"]);
    // A HAR of another page, and one saved without content.
    let other = serde_json::to_vec(
        &json!({ "log": { "entries": [ { "request": { "url": "https://example.org/" }, "response": {} } ] } }),
    )
    .unwrap();
    assert!(words(import::read_files(&[("a.har".into(), other)]))[0]
        .contains("tệp HAR không có phản hồi nào của trang Chỉ số"));
    let mut bare: Value = serde_json::from_slice(&har(&all, None)).unwrap();
    for e in bare["log"]["entries"].as_array_mut().unwrap() {
        e["response"]["content"].as_object_mut().unwrap().remove("text");
    }
    let e = words(import::read_files(&[("b.har".into(), serde_json::to_vec(&bare).unwrap())]));
    assert!(e[0].starts_with("tệp b.har: tệp HAR được lưu không kèm nội dung phản hồi"), "{e:?}");
    // Two periods in one HAR.
    let mut two: Value = serde_json::from_slice(&har(&all, None)).unwrap();
    let mut again = two["log"]["entries"][1].clone();
    again["response"]["content"]["text"] =
        Value::String(String::from_utf8(all[0].1.clone()).unwrap().replace("\"numerator\":87", "\"numerator\":86"));
    two["log"]["entries"].as_array_mut().unwrap().push(again);
    let e = words(import::read_files(&[("c.har".into(), serde_json::to_vec(&two).unwrap())]));
    assert!(e.iter().any(|w| w.contains("có hai phản hồi transparency khác nhau")), "{e:?}");
    // One page of several; an error answer; a count above its denominator, named by unit and field.
    let mut files = all.clone();
    files[0].1 = String::from_utf8(all[0].1.clone()).unwrap().replace("\"total\":163", "\"total\":200").into_bytes();
    assert!(words(import::read_files(&files))[0].contains("phản hồi chỉ có 163 trong 200 dòng"));
    let mut files = all.clone();
    files[2].1 = br#"{"code":"UNAUTHORIZED","data":null,"message":"Phien het han"}"#.to_vec();
    assert!(words(import::read_files(&files))[0].contains("Cổng trả lời lỗi «UNAUTHORIZED Phien het han»"));
    let mut files = all.clone();
    let text = String::from_utf8(all[0].1.clone()).unwrap();
    let at = text.find("\"DOSSIER_SYNC\"").unwrap();
    let at = at + text[at..].find("\"numerator\":").unwrap() + "\"numerator\":".len();
    let end = at + text[at..].find(',').unwrap();
    files[0].1 = format!("{}999999999{}", &text[..at], &text[end..]).into_bytes();
    let e = words(import::read_files(&files));
    assert!(
        e.iter().any(|w| w.starts_with(
            "tệp transparency.json, mã đơn vị H44, trường DOSSIER_SYNC.numerator: tử số 999.999.999 lớn hơn mẫu số"
        )),
        "{e:?}"
    );
    // Not an answer at all, beside the others.
    let mut files = all.clone();
    files[3].1 = br#"{"data": {"overview": {"hello": 1}}}"#.to_vec();
    assert!(words(import::read_files(&files))[0]
        .starts_with("tệp formality-online-payment-tree.json: không phải phản hồi của Cổng"));
}
