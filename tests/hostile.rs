//! Hostile inputs (issue 12): a field holds at most what it may (a code, a name, a title), with no
//! control character; a message quotes only the start of a bad value; the problems listed are capped
//! and the rest counted; a huge or endless input is refused before it is parsed; the command line ends
//! quietly when its reader closes the pipe; work stays linear in the input (thousands of peer groups).

use std::io::Read;
use std::process::{Command, Stdio};
use std::rc::Rc;
use std::time::Instant;

use chiso::engine::import::{read_files, MAX_INPUT};
use chiso::engine::problem::{ProblemKind, MAX_CODE, MAX_NAME, MAX_PROBLEMS, MAX_TITLE};
use serde_json::Value;

fn dak_lak() -> Value {
    serde_json::from_str(chiso::datasets::json("dak-lak-2026-year-20261010").unwrap()).unwrap()
}

fn problems_of(v: &Value) -> Vec<chiso::engine::problem::Problem> {
    let bytes = serde_json::to_vec(v).unwrap();
    match read_files(&[("hostile.json".to_owned(), bytes)]) {
        Ok(_) => vec![],
        Err(p) => p,
    }
}

#[test]
fn a_code_a_name_and_a_title_hold_at_most_what_they_may_without_control_characters() {
    // A 1 MiB unit code: refused, and the message quotes its start only.
    let mut v = dak_lak();
    v["units"][5]["code"] = Value::String("C".repeat(1 << 20));
    let p = problems_of(&v);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].kind, ProblemKind::TooLong { len: 1 << 20, max: MAX_CODE });
    let text = p[0].to_string();
    assert!(text.len() < 300, "a short message, not the whole code: {} bytes", text.len());
    assert!(text.contains("trường code") && text.contains("tối đa 64"), "{text}");

    let mut v = dak_lak();
    v["units"][7]["name"] = Value::String("N".repeat(MAX_NAME + 1));
    let p = problems_of(&v);
    assert_eq!(p[0].kind, ProblemKind::TooLong { len: MAX_NAME + 1, max: MAX_NAME });
    assert_eq!(p[0].place.field.as_deref(), Some("name"));
    assert_eq!(p[0].place.unit.as_deref(), v["units"][7]["code"].as_str());

    let mut v = dak_lak();
    v["title"] = Value::String("T".repeat(20 << 20));
    let p = problems_of(&v);
    assert_eq!(p[0].kind, ProblemKind::TooLong { len: 20 << 20, max: MAX_TITLE });
    assert_eq!(p[0].place.field.as_deref(), Some("title"));

    // NUL, escape, a line break: refused in a name and a code; a right-to-left override is not a
    // control character (the page isolates every piece of data text instead).
    for bad in ["Xã\u{0}", "Xã\u{1b}[31m", "Xã\nPhường"] {
        let mut v = dak_lak();
        v["units"][9]["name"] = Value::String(bad.to_owned());
        assert_eq!(problems_of(&v)[0].kind, ProblemKind::ControlCharacter, "{bad:?}");
        let mut v = dak_lak();
        v["units"][9]["code"] = Value::String(bad.to_owned());
        assert!(problems_of(&v).iter().any(|p| p.kind == ProblemKind::ControlCharacter), "{bad:?}");
    }
    let mut v = dak_lak();
    v["units"][9]["name"] = Value::String("Xã \u{202e}abc".to_owned());
    assert!(problems_of(&v).is_empty());
}

#[test]
fn the_problems_listed_are_capped_and_the_rest_counted() {
    // 3,000 units with a numerator above their denominator: 1,000 listed, then "… và 2.000 lỗi nữa".
    let mut v = dak_lak();
    let unit = v["units"][5].clone();
    let units = v["units"].as_array_mut().unwrap();
    for i in 0..3_000 {
        let mut u = unit.clone();
        u["code"] = Value::String(format!("X{i}"));
        u["metrics"]["DOSSIER_SYNC"] = serde_json::json!({ "num": 10, "den": 5 });
        units.push(u);
    }
    let p = problems_of(&v);
    assert_eq!(p.len(), MAX_PROBLEMS + 1);
    assert_eq!(p[MAX_PROBLEMS].kind, ProblemKind::MoreProblems(2_000));
    assert!(p[MAX_PROBLEMS].to_string().contains("2.000 lỗi nữa (chỉ liệt kê 1.000 lỗi đầu)"), "{}", p[MAX_PROBLEMS]);
}

#[test]
fn an_input_larger_than_the_app_reads_is_refused_before_parsing() {
    let huge = vec![b' '; MAX_INPUT as usize + 1];
    let p = read_files(&[("huge.json".to_owned(), huge)]).err().unwrap();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].kind, ProblemKind::TooLarge { max: MAX_INPUT });
    assert_eq!(p[0].to_string(), "tệp huge.json: tệp lớn hơn 256 MB: không đọc");
}

#[test]
fn the_command_line_reads_at_most_its_cap_of_an_endless_device_and_ends_quietly_on_a_closed_pipe() {
    if std::path::Path::new("/dev/zero").exists() {
        let out = Command::new(env!("CARGO_BIN_EXE_chiso")).args(["validate", "/dev/zero"]).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("tệp zero: tệp lớn hơn 256 MB"), "{err}");
    }
    // `chiso score … | head -c 100`: the reader goes away; no panic, exit 0.
    let mut child = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(["score", "data/dak-lak-2026-year-20261010.json", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 100];
    child.stdout.as_mut().unwrap().read_exact(&mut head).unwrap();
    child.stdout = None; // the reader goes away: the pipe closes
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}

#[test]
fn thousands_of_peer_groups_are_labelled_each_in_constant_time() {
    // A root, then a chain: each unit the parent of the next, so each is a peer group of its own.
    let mut v = dak_lak();
    let root = v["units"][0].clone();
    let mut unit = v["units"][5].clone();
    unit.as_object_mut().unwrap().remove("published");
    let mut units = vec![root.clone()];
    let mut parent = root["code"].as_str().unwrap().to_owned();
    let n = 4_000;
    for i in 0..n {
        let mut u = unit.clone();
        u["code"] = Value::String(format!("X{i}"));
        u["level"] = Value::String("commune".into());
        u["parent"] = Value::String(parent.clone());
        parent = format!("X{i}");
        units.push(u);
    }
    v["units"] = Value::Array(units);
    let bytes = serde_json::to_vec(&v).unwrap();
    let snapshot = read_files(&[("chain.json".to_owned(), bytes)]).unwrap().snapshot;
    let state = chiso::state::State::new(Rc::new(snapshot));
    let groups = state.peers().groups.len();
    assert_eq!(groups, n + 1);
    // Every label, each in constant time (the count of groups per level is known once the data is).
    let start = Instant::now();
    let labels: Vec<String> = (0..groups).map(|g| state.peer_group_label(g)).collect();
    let once = start.elapsed();
    // Many commune groups: each label names the group's parent (checked on a sample).
    let snap = state.snapshot();
    for g in (0..groups).step_by(397) {
        let first = &snap.units[state.peers().groups[g][0]];
        if first.level == chiso::engine::Level::Commune {
            let parent = &snap.units[first.parent.unwrap()].name;
            assert_eq!(labels[g], format!("Xã, phường (1) — {parent}"));
        }
    }
    println!("labels of {groups} peer groups: {once:?}");
}

#[test]
fn a_lift_over_100_percent_is_refused_not_clamped() {
    let out = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(["scenario", "data/dak-lak-2026-year-20261010.json", "--unit", "H15.120", "--lift", "TTTT=500"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a usage error");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--lift TTTT=500: phần trăm phải từ 0 đến 100"), "{err}");
}

#[test]
fn a_quoted_value_never_carries_a_control_character() {
    // A count with an escape sequence in it: the message shows the escape, not the raw character.
    let mut v = dak_lak();
    v["units"][5]["metrics"]["DOSSIER_SYNC"] = serde_json::json!({ "num": "12\u{1b}[2J", "den": 5 });
    let p = problems_of(&v);
    let text = p.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    assert!(!text.chars().any(char::is_control), "{text:?}");
}

#[test]
fn a_key_given_twice_is_refused_at_its_line() {
    let text = chiso::datasets::json("dak-lak-2026-year-20261010").unwrap();
    // The fifth unit's first count given twice: serde_json alone would keep the second.
    let at = text.match_indices("{\"num\":").nth(40).unwrap().0;
    let line = text[..at].matches('\n').count() + 1;
    let bad = format!("{}{{\"num\":1,\"num\":{}", &text[..at], &text[at + "{\"num\":".len()..]);
    let p = read_files(&[("hai-lan.json".to_owned(), bad.into_bytes())]).err().unwrap();
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].kind, ProblemKind::DuplicateKey("num".into()));
    assert!(p[0].to_string().starts_with(&format!("tệp hai-lan.json, dòng {line}:")), "{}", p[0]);
}

#[test]
fn a_number_too_large_is_quoted_as_it_was_written() {
    let text = chiso::datasets::json("dak-lak-2026-year-20261010").unwrap();
    let at = text.find("{\"num\":").unwrap() + "{\"num\":".len();
    let end = at + text[at..].find(',').unwrap();
    let bad = format!("{}99999999999999999999999{}", &text[..at], &text[end..]);
    let p = read_files(&[("so-lon.json".to_owned(), bad.into_bytes())]).err().unwrap();
    assert_eq!(p.len(), 1, "{p:?}");
    let said = p[0].to_string();
    assert!(said.contains("«99999999999999999999999»"), "{said}");
    assert!(!said.contains("e+"), "{said}");
}

/// The Phú Thọ folder as read by the importer, with a change.
fn phu_tho_files(change: impl FnOnce(&mut std::collections::BTreeMap<String, Vec<u8>>)) -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/phu-tho-2026-q3");
    let mut files: std::collections::BTreeMap<String, Vec<u8>> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "csv"))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    change(&mut files);
    files.into_iter().collect()
}

#[test]
fn a_missing_portal_file_is_the_one_problem_said() {
    let files = phu_tho_files(|f| drop(f.remove("dossier-digitized.csv")));
    let p = read_files(&files).err().unwrap();
    let said: Vec<String> = p.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 1, "no follow-on problem under another file: {said:#?}");
    assert_eq!(p[0].kind, ProblemKind::MissingFile);
    assert!(said[0].starts_with("tệp dossier-digitized.csv: "), "{}", said[0]);
    // A bad row in another file is still said beside it (it is a problem of its own).
    let files = phu_tho_files(|f| {
        drop(f.remove("dossier-digitized.csv"));
        let t = String::from_utf8(f["transparency.csv"].clone()).unwrap();
        let mut lines: Vec<String> = t.lines().map(str::to_owned).collect();
        lines[5] = lines[5].replacen(',', ",,", 1);
        f.insert("transparency.csv".into(), lines.join("\n").into_bytes());
    });
    let p = read_files(&files).err().unwrap();
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(p.iter().any(|p| p.place.file.as_deref() == Some("transparency.csv") && p.place.row.is_some()));
}

#[test]
fn two_province_rows_are_each_named_by_file_line_and_code() {
    let files = phu_tho_files(|f| {
        for bytes in f.values_mut() {
            let t = String::from_utf8(bytes.clone()).unwrap();
            let mut lines: Vec<String> = t.lines().map(str::to_owned).collect();
            let root = lines.iter().position(|l| l.contains("PROVINCE_ROOT")).unwrap();
            let twin = lines[root].replacen("H44", "H99", 1);
            lines.insert(root + 1, twin);
            *bytes = lines.join("\n").into_bytes();
        }
    });
    let p = read_files(&files).err().unwrap();
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(p.iter().all(|p| p.kind == ProblemKind::AmbiguousRoot(2)));
    let units: Vec<_> = p.iter().map(|p| p.place.unit.as_deref().unwrap_or_default()).collect();
    assert_eq!(units, ["H44", "H99"]);
    for p in &p {
        assert!(p.place.file.is_some() && p.place.row.is_some(), "{p}");
    }
}

#[test]
fn nothing_to_read_says_where_and_what_to_give() {
    // No file at all.
    let p = read_files(&[]).err().unwrap();
    assert_eq!(p[0].kind, ProblemKind::NoFiles);
    assert!(p[0].to_string().contains("6 tệp CSV"), "{}", p[0]);
    // A template with its header only: the file is named.
    let example = chiso::engine::template_csv::example(chiso::engine::methodology::Methodology::default_version());
    let header = example.lines().next().unwrap().to_owned() + "\n";
    let p = read_files(&[("mau.csv".to_owned(), header.into_bytes())]).err().unwrap();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].to_string(), "tệp mau.csv: không có đơn vị nào");
    // A snapshot with `units: []`: the file is named.
    let mut v = dak_lak();
    v["units"] = serde_json::json!([]);
    let p = problems_of(&v);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].to_string(), "tệp hostile.json: không có đơn vị nào");
}

#[test]
fn an_empty_folder_and_links_that_loop_are_named_in_the_users_words() {
    let root = std::env::temp_dir().join(format!("chiso-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let (empty, looped) = (root.join("trong"), root.join("vong"));
    std::fs::create_dir_all(empty.join("con")).unwrap();
    std::fs::create_dir_all(&looped).unwrap();
    let validate = |p: &std::path::Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_chiso")).arg("validate").arg(p).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let err = validate(&empty);
    assert!(err.contains(&format!("thư mục {} không có tệp dữ liệu nào", empty.display())), "{err}");
    #[cfg(unix)]
    {
        // Two links pointing at each other, one named as a portal file, one as a JSON answer.
        std::os::unix::fs::symlink("transparency.csv", looped.join("x.json")).unwrap();
        std::os::unix::fs::symlink("x.json", looped.join("transparency.csv")).unwrap();
        let err = validate(&looped);
        assert!(err.contains("transparency.csv: không đọc được tệp: liên kết tượng trưng (symlink) trỏ vòng"), "{err}");
        let err = validate(&looped.join("x.json"));
        assert!(err.contains("x.json: không đọc được tệp: liên kết tượng trưng"), "{err}");
    }
    let _ = std::fs::remove_dir_all(&root);
}
