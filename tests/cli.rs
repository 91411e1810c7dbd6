//! The `chiso` command line: validate on malformed input (message and exit code), import, score.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{set_counts, snapshot_json, unit};
use serde_json::{json, Value};

fn chiso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chiso")).args(args).output().unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chiso-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Validates `text` as a snapshot file and returns (exit code, stderr).
fn validate_text(name: &str, text: &str) -> (i32, String) {
    let path = scratch(name).join("snapshot.json");
    std::fs::write(&path, text).unwrap();
    let out = chiso(&["validate", path.to_str().unwrap()]);
    (out.status.code().unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn good() -> Value {
    snapshot_json(vec![
        unit("P", "province", None),
        unit("P.1", "commune", Some("P")),
        unit("P.2", "commune", Some("P")),
    ])
}

fn assert_refused(name: &str, doc: &str, expected: &[&str]) {
    let (code, err) = validate_text(name, doc);
    assert_eq!(code, 1, "{name}: exit code 1, not a panic (101) — stderr: {err}");
    for e in expected {
        assert!(err.contains(e), "{name}: expected «{e}» in:\n{err}");
    }
    assert!(err.contains("Dữ liệu không hợp lệ"), "{name}: summary line in:\n{err}");
}

#[test]
fn a_valid_snapshot_passes() {
    let (code, err) = validate_text("valid", &good().to_string());
    assert_eq!(code, 0, "{err}");
}

#[test]
fn malformed_snapshots_are_refused_with_unit_field_and_reason() {
    // 1. Not JSON at all (cut short)
    let text = good().to_string();
    assert_refused("syntax", &text[..text.len() / 2], &["snapshot.json", "tệp JSON bị cắt cụt"]);
    assert_refused("syntax2", "{\n  \"format\": \"chiso.snapshot\",\n  oops\n}", &["dòng 3", "sai cú pháp JSON"]);
    // 2. Negative count
    let mut doc = good();
    doc["units"][1]["metrics"]["DOSSIER_ON_TIME"] = json!({ "num": -5, "den": 10 });
    assert_refused(
        "negative",
        &doc.to_string(),
        &["đơn vị thứ 2", "mã đơn vị P.1", "metrics.DOSSIER_ON_TIME.num", "không được âm", "-5"],
    );
    // 3. Numerator above denominator
    let mut doc = good();
    set_counts(&mut doc, 2, "ONLINE_PAYMENT_DOSSIER", 12, 10);
    assert_refused(
        "num-above-den",
        &doc.to_string(),
        &["mã đơn vị P.2", "ONLINE_PAYMENT_DOSSIER", "tử số 12 lớn hơn mẫu số 10"],
    );
    // 4. Unknown metric
    let mut doc = good();
    doc["units"][0]["metrics"]["PAYMENT_ONLNE"] = json!({ "num": 1, "den": 2 });
    assert_refused(
        "unknown-metric",
        &doc.to_string(),
        &["mã đơn vị P,", "metrics.PAYMENT_ONLNE", "chỉ tiêu không có trong phương pháp 766-portal-2026"],
    );
    // 5. Duplicate unit code
    let mut doc = good();
    doc["units"][2]["code"] = json!("P.1");
    assert_refused("duplicate", &doc.to_string(), &["đơn vị thứ 3", "mã đơn vị trùng với", "đơn vị thứ 2"]);
    // 6. Bad number
    let mut doc = good();
    doc["units"][1]["metrics"]["DOSSIER_SYNC"] = json!({ "num": 1.5, "den": 10 });
    assert_refused(
        "bad-number",
        &doc.to_string(),
        &["metrics.DOSSIER_SYNC.num", "«1.5» không phải số nguyên không âm"],
    );
    let mut doc = good();
    doc["units"][1]["metrics"]["DOSSIER_SYNC"] = json!({ "num": "1,234", "den": "2.000" });
    assert_refused("ambiguous-number", &doc.to_string(), &["metrics.DOSSIER_SYNC.num", "«1,234» không rõ nghĩa"]);
    // 7. Missing group
    let mut doc = good();
    doc["units"][2]["metrics"].as_object_mut().unwrap().remove("DOSSIER_ON_TIME");
    assert_refused("missing-group", &doc.to_string(), &["mã đơn vị P.2", "thiếu nhóm TDGQ"]);
    // 8. Missing metric inside a group that has others
    let mut doc = good();
    doc["units"][2]["metrics"].as_object_mut().unwrap().remove("REUSED_DIGITIZED_DATA");
    assert_refused("missing-metric", &doc.to_string(), &["trường REUSED_DIGITIZED_DATA", "thiếu số liệu chỉ tiêu"]);
    // 9. Unknown parent
    let mut doc = good();
    doc["units"][1]["parent"] = json!("H99");
    assert_refused(
        "unknown-parent",
        &doc.to_string(),
        &["mã đơn vị P.1", "trường parent", "«H99» không có trong dữ liệu"],
    );
    // 10. Unknown level
    let mut doc = good();
    doc["units"][1]["level"] = json!("village");
    assert_refused("level", &doc.to_string(), &["trường level", "cấp đơn vị «village» không hợp lệ"]);
    // 11. Unknown methodology
    let mut doc = good();
    doc["methodology"] = json!("766-v9");
    assert_refused("methodology", &doc.to_string(), &["phương pháp tính «766-v9»"]);
    // 12. Not a snapshot file
    assert_refused("format", "{\"hello\": 1}", &["không hỗ trợ định dạng"]);
    // 13. Given score above its maximum, and a given group together with counts
    let mut doc = good();
    doc["units"][1]["metrics"]["ELECTRONIC_CERTIFIED_COPY"] = json!({ "score": 2.5 });
    doc["units"][2]["given_groups"] = json!({ "CLGQ": 6 });
    assert_refused(
        "given",
        &doc.to_string(),
        &["điểm 2,50 vượt điểm tối đa 2,00", "nhóm CLGQ vừa có điểm cho sẵn vừa có số liệu"],
    );
    // 14. A parent cycle
    let mut doc = good();
    doc["units"][0]["parent"] = json!("P.1");
    assert_refused("cycle", &doc.to_string(), &["vòng"]);
    // 15. Several problems at once are all listed
    let mut doc = good();
    set_counts(&mut doc, 1, "DOSSIER_ON_TIME", 11, 10);
    set_counts(&mut doc, 2, "DOSSIER_ON_TIME", 12, 10);
    let (_, err) = validate_text("several", &doc.to_string());
    assert!(err.contains("Dữ liệu không hợp lệ: 2 lỗi."), "{err}");
}

fn copy_portal_dir(name: &str) -> PathBuf {
    let dir = scratch(name);
    for e in std::fs::read_dir(common::phu_tho_dir()).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn validate_dir(dir: &Path) -> (i32, String) {
    let out = chiso(&["validate", dir.to_str().unwrap()]);
    (out.status.code().unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn malformed_portal_folders_are_refused_with_file_row_and_column() {
    // A missing file
    let dir = copy_portal_dir("missing-file");
    std::fs::remove_file(dir.join("dossier-digitized.csv")).unwrap();
    let (code, err) = validate_dir(&dir);
    assert_eq!(code, 1);
    assert!(err.contains("tệp dossier-digitized.csv: thiếu tệp"), "{err}");
    // A missing column
    let dir = copy_portal_dir("missing-column");
    edit(&dir.join("dvc-progress-tree.csv"), "totalOnTime", "totalOnTme");
    let (code, err) = validate_dir(&dir);
    assert_eq!(code, 1);
    assert!(err.contains("tệp dvc-progress-tree.csv, dòng 1, trường totalOnTime: thiếu cột"), "{err}");
    // A negative count, a numerator above its denominator, a row with a cell too many
    let dir = copy_portal_dir("bad-cells");
    edit(
        &dir.join("dvc-progress-tree.csv"),
        "H44.01,\"Văn phòng UBND Tỉnh - Tỉnh Phú Thọ\",PROVINCE,,19.38,20,161,156",
        "H44.01,\"Văn phòng UBND Tỉnh - Tỉnh Phú Thọ\",PROVINCE,,19.38,20,161,-156",
    );
    edit(&dir.join("formality-online-payment-tree.csv"), ",7.67,10,14,14,", ",7.67,10,15,14,");
    edit(
        &dir.join("handling-satisfaction.csv"),
        "H44.07,Sở Công Thương - Tỉnh Phú Thọ,",
        "H44.07,Sở Công Thương, Tỉnh Phú Thọ,",
    );
    let (code, err) = validate_dir(&dir);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "tệp dvc-progress-tree.csv, dòng 3, mã đơn vị H44.01, trường totalOnTime: số lượng không được âm: «-156»"
        ),
        "{err}"
    );
    assert!(err.contains("tệp formality-online-payment-tree.csv, dòng 4, mã đơn vị H44.03, trường totalDossierOnlinePaymentSuccess: tử số 15 lớn hơn mẫu số 14"), "{err}");
    assert!(err.contains("tệp handling-satisfaction.csv, dòng 5: dòng có 29 ô nhưng tiêu đề có 28 cột"), "{err}");
    // A unit missing from one file
    let dir = copy_portal_dir("missing-unit");
    let path = dir.join("transparency.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("H44.247,")).collect();
    std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    let (code, err) = validate_dir(&dir);
    assert_eq!(code, 1);
    assert!(
        err.contains("mã đơn vị H44.247: đơn vị có trong tệp transparency.csv nhưng không có trong tệp này")
            || err.contains("tệp transparency.csv, mã đơn vị H44.247: đơn vị có trong tệp"),
        "{err}"
    );
}

#[test]
fn import_then_score_equals_scoring_the_folder() {
    let dir = scratch("import");
    let out_path = dir.join("phu-tho.json");
    let folder = common::phu_tho_dir();
    let out = chiso(&[
        "import",
        folder.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
        "--period",
        "2026-Q3",
        "--captured",
        "2026-09-26",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let from_json = chiso(&["score", out_path.to_str().unwrap()]);
    let from_dir = chiso(&["score", folder.to_str().unwrap()]);
    assert!(from_json.status.success());
    assert_eq!(from_json.stdout, from_dir.stdout);
    let csv = String::from_utf8(from_json.stdout).unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next().unwrap(), "unit_code,unit_name,level,CKMB,TDGQ,CLGQ,TTTT,MDSH,MDHL,total,rank");
    assert_eq!(lines.next().unwrap(), "H44,UBND tỉnh Phú Thọ,province,7.96,17.35,8.41,6.67,8.75,12.25,61.39,1");
    assert_eq!(csv.lines().count(), 165);
    let snapshot: Value = serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(snapshot["period"], json!({ "kind": "quarter", "from": "2026-07-01", "to": "2026-09-30" }));
    assert_eq!(snapshot["captured"], json!("2026-09-26"));
    // JSON output carries the same figures and the rank among peers.
    let out = chiso(&["score", out_path.to_str().unwrap(), "--format", "json"]);
    let scored: Value = serde_json::from_slice(&out.stdout).unwrap();
    let province = &scored["units"][0];
    assert_eq!(province["total"], json!(61.39));
    assert_eq!(province["groups"]["MDHL"], json!(12.25));
    let communes = scored["units"].as_array().unwrap().iter().filter(|u| u["level"] == "commune").count();
    assert!(scored["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["level"] == "commune")
        .all(|u| u["peers"] == json!(communes)));
}

#[test]
fn wrong_command_lines_exit_2() {
    assert_eq!(chiso(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(chiso(&["score"]).status.code(), Some(2));
    assert_eq!(chiso(&["score", "x.json", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(chiso(&["import", "dir"]).status.code(), Some(2));
    let missing = chiso(&["validate", "/nonexistent/snapshot.json"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn scenario_command_reports_totals_ranks_and_passes() {
    let out = chiso(&["scenario", "data/phu-tho-2026-q3.json", "--unit", "H44.166", "--lift", "TTTT=100,MDSH=80"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // Tam Sơn: last of 148 at 50.23; online payment to 100% gives TTTT its full 10 points.
    assert_eq!(
        (v["baseline_total"].clone(), v["baseline_rank"].clone(), v["peers"].clone()),
        (json!(50.23), json!(148), json!(148))
    );
    assert_eq!(v["groups"]["TTTT"], json!([6.57, 10.0]));
    let gain: f64 =
        v["groups"].as_object().unwrap().values().map(|g| g[1].as_f64().unwrap() - g[0].as_f64().unwrap()).sum();
    assert!((v["scenario_total"].as_f64().unwrap() - 50.23 - gain).abs() < 1e-9);
    assert!(v["scenario_rank"].as_u64().unwrap() < 148);
    assert_eq!(v["passed"].as_array().unwrap().len() as u64, 148 - v["scenario_rank"].as_u64().unwrap());
    let bad = chiso(&["scenario", "data/phu-tho-2026-q3.json", "--unit", "H44.166", "--set", "PUBLISH_ON_TIME=3"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("điều chỉnh ở đơn vị H44"));
}
