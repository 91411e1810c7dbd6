//! `chiso`: the command-line tool for the people who prepare data.
//!
//!   chiso import <DIR> -o <snapshot.json> [--title T] [--source S] [--period 2026-Q3] [--captured YYYY-MM-DD]
//!   chiso score <snapshot.json | DIR> [--format csv|json]
//!   chiso validate <FILE | DIR>
//!   chiso bench [--units N] [--runs R]
//!   chiso scenario <snapshot.json | DIR> --unit CODE [--lift GROUP=PCT,…] [--set METRIC=COUNT,…]
//!   chiso synth [--units N] [--seed S] -o <snapshot.json>
//!   chiso plan <snapshot.json | DIR> --unit CODE (--total 94 | --rank 10) [--until YYYY-MM-DD]
//!   chiso targets <snapshot.json | DIR> --unit CODE [--all]
//!
//! Exit codes: 0 done, 1 the data has problems (each listed on stderr), 2 wrong command line.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use chiso::engine::scenario::{lever, rescore, Scenario};
use chiso::engine::{csv_text, import};
use chiso::engine::{
    methodology::Methodology, portal_csv, scoring, snapshot_json, synthetic, Meta, Period, Place, Problem, ProblemKind,
    Snapshot,
};
use chiso::present::text::{fill, VI};

const USAGE: &str = "\
chiso — bộ công cụ dữ liệu Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)

  chiso import <THƯ_MỤC> -o <snapshot.json> [--title T] [--source S] [--period 2026-Q3] [--captured YYYY-MM-DD]
  chiso datasets [--dir data]
      Ghi lại các bộ dữ liệu có sẵn của trang (data/<id>.json) từ thư mục tệp của Cổng cùng tên.
      Chuyển thư mục 6 tệp CSV theo nhóm (bố cục của Cổng DVCQG) thành tệp snapshot JSON.
  chiso score <snapshot.json | THƯ_MỤC> [--format csv|json]
      Tính điểm từng đơn vị: 6 nhóm, tổng điểm, thứ hạng trong nhóm cùng cấp.
  chiso validate <TỆP | THƯ_MỤC>
      Kiểm tra dữ liệu; liệt kê mọi lỗi (đơn vị, chỉ tiêu, lý do). Mã thoát 0 nếu hợp lệ, 1 nếu có lỗi.
  chiso bench [--units 10000] [--runs 20]
      Đo thời gian tính điểm, xếp hạng và tính lại theo kịch bản trên một snapshot tổng hợp.
  chiso scenario <snapshot.json | THƯ_MỤC> --unit MÃ [--lift MDSH=80,TTTT=100] [--set ONLINE_PAYMENT_DOSSIER=1240]
      Kết quả một kịch bản cho một đơn vị (JSON): tổng điểm, hạng trước/sau, các đơn vị vượt qua.
  chiso synth [--units 10000] [--seed 766] -o <snapshot.json>
      Ghi một snapshot tổng hợp (cho đo tốc độ và thử tải).
  chiso plan <snapshot.json | THƯ_MỤC> --unit MÃ (--total 94 | --rank 10) [--until 2026-12-31]
      Kế hoạch ít công sức nhất để đơn vị đạt tổng điểm hoặc thứ hạng (JSON; mô hình công sức mặc định);
      với --until: đến hạn, chỉ thay đổi hồ sơ, phản ánh còn đến (ước theo nhịp độ của kỳ).
  chiso province <snapshot.json | THƯ_MỤC> (--total 70 | --rank 3) [--nation <bảng 34 tỉnh.json>]
      Kế hoạch cho điểm của tỉnh, chia cho các sở, ngành, xã, phường (JSON); --rank: hạng cả nước.
      (scenario và plan cũng nhận --nation: điểm tỉnh và hạng cả nước theo kịch bản.)
  chiso targets <snapshot.json | THƯ_MỤC> --unit MÃ [--all]
      Áp dụng bộ chỉ tiêu giao mẫu cho đơn vị (hoặc cả nhóm cùng cấp): tổng điểm và hạng mới (JSON).
";

enum Failure {
    Usage(String),
    Data(Vec<Problem>),
    /// An output file that could not be written (its path, the system's reason).
    Write(String, std::io::Error),
}

/// Writes to standard output. A reader that stops early (`chiso score … | head`) closes the pipe:
/// the program then ends quietly, as command-line tools do, instead of failing on the next write.
fn write_out(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("Không ghi được ra đầu ra chuẩn: {e}");
        std::process::exit(1);
    }
}

macro_rules! out {
    ($($arg:tt)*) => { write_out(&format!($($arg)*)) };
}

macro_rules! outln {
    ($($arg:tt)*) => { write_out(&format!("{}\n", format_args!($($arg)*))) };
}

/// Reads a file, at most `import::MAX_INPUT` bytes of it (a device like /dev/zero never ends).
/// Why a file could not be read, in the user's words for the common cases (the system's otherwise).
fn io_why(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    const ELOOP: i32 = 40;
    let [not_found, denied, looped] = VI.io_why;
    match e.kind() {
        ErrorKind::NotFound => not_found.to_owned(),
        ErrorKind::PermissionDenied => denied.to_owned(),
        _ if e.raw_os_error() == Some(ELOOP) => looped.to_owned(),
        _ => e.to_string(),
    }
}

fn read_capped(p: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(p)?.take(import::MAX_INPUT + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("Lỗi dòng lệnh: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Data(problems)) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("Dữ liệu không hợp lệ: {} lỗi.", problems.len());
            ExitCode::from(1)
        }
        Err(Failure::Write(path, e)) => {
            eprintln!("Không ghi được {path}: {e}");
            ExitCode::from(1)
        }
    }
}

/// Splits `args` into positional arguments and `--flag value` options.
fn options<'a>(args: &'a [String], known: &[&str]) -> Result<(Vec<&'a str>, BTreeMap<&'a str, &'a str>), Failure> {
    let (mut positional, mut opts) = (Vec::new(), BTreeMap::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a.starts_with('-') && a.len() > 1 {
            if !known.contains(&a.as_str()) {
                return Err(Failure::Usage(format!("không có tùy chọn {a}")));
            }
            let v = it.next().ok_or_else(|| Failure::Usage(format!("{a} cần một giá trị")))?;
            opts.insert(a.as_str(), v.as_str());
        } else {
            positional.push(a.as_str());
        }
    }
    Ok((positional, opts))
}

fn one_path<'a>(positional: &[&'a str], what: &str) -> Result<&'a str, Failure> {
    match positional {
        [p] => Ok(p),
        _ => Err(Failure::Usage(format!("cần đúng một {what}"))),
    }
}

fn run(args: &[String]) -> Result<(), Failure> {
    let Some((command, rest)) = args.split_first() else {
        out!("{USAGE}");
        return Ok(());
    };
    match command.as_str() {
        "import" => {
            let (pos, opts) = options(rest, &["-o", "--output", "--title", "--source", "--period", "--captured"])?;
            let dir = one_path(&pos, "thư mục")?;
            let out = opts
                .get("-o")
                .or(opts.get("--output"))
                .ok_or_else(|| Failure::Usage("thiếu -o <snapshot.json>".into()))?;
            let mut meta = Meta {
                title: opts.get("--title").map(|s| s.to_string()).unwrap_or_default(),
                source: opts.get("--source").map(|s| s.to_string()).unwrap_or_default(),
                captured: opts.get("--captured").map(|s| s.to_string()),
                period: None,
            };
            if let Some(p) = opts.get("--period") {
                meta.period = Some(Period::parse_short(p).ok_or_else(|| {
                    Failure::Usage(format!("kỳ «{p}» không hợp lệ (ví dụ 2026-Q3, 2026-09, 2026-H1, 2026)"))
                })?);
            }
            if let Some(c) = &meta.captured {
                if !chiso::engine::snapshot::is_iso_date(c) {
                    return Err(Failure::Usage(format!("ngày «{c}» không hợp lệ (cần YYYY-MM-DD)")));
                }
            }
            let snapshot = import_dir(Path::new(dir), meta).map_err(Failure::Data)?;
            std::fs::write(out, snapshot_json::to_string(&snapshot)).map_err(|e| Failure::Write(out.to_string(), e))?;
            eprintln!("Đã ghi {out}: {} đơn vị, phương pháp {}.", snapshot.units.len(), snapshot.methodology.id);
            Ok(())
        }
        "datasets" => {
            // The site's built-in data, from their folders, with the meta the catalogue states.
            let (pos, opts) = options(rest, &["--dir"])?;
            if !pos.is_empty() {
                return Err(Failure::Usage("datasets không nhận tham số vị trí".into()));
            }
            let dir = Path::new(opts.get("--dir").copied().unwrap_or("data"));
            for d in chiso::datasets::ALL {
                let meta = Meta {
                    title: String::new(),
                    source: d.source.to_owned(),
                    captured: Some(d.captured.to_owned()),
                    period: d.period(),
                };
                let snapshot = import_dir(&dir.join(d.id), meta).map_err(Failure::Data)?;
                let out = dir.join(d.file());
                std::fs::write(&out, snapshot_json::to_string(&snapshot))
                    .map_err(|e| Failure::Write(out.display().to_string(), e))?;
                eprintln!("Đã ghi {}: {} đơn vị.", out.display(), snapshot.units.len());
            }
            Ok(())
        }
        "score" => {
            let (pos, opts) = options(rest, &["--format"])?;
            let path = one_path(&pos, "tệp hoặc thư mục")?;
            let format = opts.get("--format").copied().unwrap_or("csv");
            if !["csv", "json"].contains(&format) {
                return Err(Failure::Usage(format!("--format {format}: chỉ có csv hoặc json")));
            }
            let snapshot = load(Path::new(path)).map_err(Failure::Data)?;
            let scores = scoring::score(&snapshot);
            let text = if format == "csv" { scores_csv(&snapshot, &scores) } else { scores_json(&snapshot, &scores) };
            out!("{text}");
            Ok(())
        }
        "validate" => {
            let (pos, _) = options(rest, &[])?;
            let path = one_path(&pos, "tệp hoặc thư mục")?;
            let snapshot = load(Path::new(path)).map_err(Failure::Data)?;
            outln!(
                "Hợp lệ: {} đơn vị, phương pháp {}{}.",
                snapshot.units.len(),
                snapshot.methodology.id,
                snapshot.meta.period.as_ref().map_or(String::new(), |p| format!(", {}", VI.period(p)))
            );
            Ok(())
        }
        "bench" => {
            let (pos, opts) = options(rest, &["--units", "--runs"])?;
            if !pos.is_empty() {
                return Err(Failure::Usage("bench không nhận tham số vị trí".into()));
            }
            let number = |key: &str, default: usize| -> Result<usize, Failure> {
                opts.get(key)
                    .map_or(Ok(default), |v| v.parse().map_err(|_| Failure::Usage(format!("{key} {v}: cần số nguyên"))))
            };
            bench(number("--units", 10_000)?.max(1), number("--runs", 20)?.max(1));
            Ok(())
        }
        "scenario" => {
            let (pos, opts) = options(rest, &["--unit", "--lift", "--set", "--nation"])?;
            let snapshot = load(Path::new(one_path(&pos, "tệp hoặc thư mục")?)).map_err(Failure::Data)?;
            let code = opts.get("--unit").ok_or_else(|| Failure::Usage("thiếu --unit <mã đơn vị>".into()))?;
            let unit = snapshot.unit_index(code).ok_or_else(|| Failure::Usage(format!("không có đơn vị {code}")))?;
            let m = &snapshot.methodology;
            let pairs = |key: &str| -> Result<Vec<(String, u64)>, Failure> {
                opts.get(key).map_or(Ok(Vec::new()), |list| {
                    list.split(',')
                        .map(|p| {
                            let (k, v) =
                                p.split_once('=').ok_or_else(|| Failure::Usage(format!("{key} {p}: cần MÃ=SỐ")))?;
                            let v =
                                v.trim().parse().map_err(|_| Failure::Usage(format!("{key} {p}: cần số nguyên")))?;
                            Ok((k.trim().to_owned(), v))
                        })
                        .collect()
                })
            };
            let lever_failure = |e: chiso::engine::scenario::LeverError| Failure::Usage(e.to_string());
            let mut scenario = Scenario::new();
            for (group, pct) in pairs("--lift")? {
                let g = m.group_index(&group).ok_or_else(|| Failure::Usage(format!("không có nhóm {group}")))?;
                if pct > 100 {
                    return Err(Failure::Usage(format!("--lift {group}={pct}: phần trăm phải từ 0 đến 100")));
                }
                let rate = chiso::engine::points::Decimal { digits: pct, scale: 2 };
                scenario.lift_group(&snapshot, unit, g, rate).map_err(lever_failure)?;
            }
            for (metric, num) in pairs("--set")? {
                let k = m.metric_index(&metric).ok_or_else(|| Failure::Usage(format!("không có chỉ tiêu {metric}")))?;
                scenario.set(&snapshot, unit, k, num).map_err(lever_failure)?;
            }
            let peers = chiso::engine::Peers::of(&snapshot);
            let baseline = scoring::score(&snapshot);
            let current = rescore(&snapshot, &peers, &scenario, &baseline, scenario.units());
            let passed: Vec<&str> = chiso::engine::scenario::passed(&peers, &baseline, &current, unit)
                .into_iter()
                .map(|o| snapshot.units[o].code.as_str())
                .collect();
            let groups: serde_json::Map<String, serde_json::Value> = m
                .groups
                .iter()
                .enumerate()
                .map(|(g, group)| {
                    (
                        group.code.clone(),
                        serde_json::json!([
                            baseline.units[unit].groups[g].points.as_f64(),
                            current.units[unit].groups[g].points.as_f64()
                        ]),
                    )
                })
                .collect();
            let overrides: serde_json::Map<String, serde_json::Value> =
                scenario.overrides().map(|((_, k), num)| (m.metrics[k].code.clone(), serde_json::json!(num))).collect();
            let out = serde_json::json!({
                "unit": code, "baseline_total": baseline.units[unit].total.as_f64(), "scenario_total": current.units[unit].total.as_f64(),
                "baseline_rank": baseline.ranks[unit].rank, "scenario_rank": current.ranks[unit].rank, "peers": current.ranks[unit].of,
                "groups": groups, "overrides": overrides, "passed": passed,
                "province": province_json(&snapshot, &baseline, &current, nation(&opts)?.as_ref()),
            });
            outln!("{}", serde_json::to_string_pretty(&out).expect("JSON values serialise"));
            Ok(())
        }
        "plan" => {
            let (pos, opts) = options(rest, &["--unit", "--total", "--rank", "--until", "--nation"])?;
            let original = load(Path::new(one_path(&pos, "tệp hoặc thư mục")?)).map_err(Failure::Data)?;
            let mut effort = chiso::engine::plan::Effort::default();
            let snapshot = match opts.get("--until") {
                None => original.clone(),
                Some(to) => {
                    let p = chiso::engine::projection::project(&original, to, &BTreeMap::new())
                        .map_err(|e| Failure::Usage(format!("--until {to}: {e}")))?;
                    if let Some(u) = opts.get("--unit").and_then(|c| original.unit_index(c)) {
                        for k in 0..original.methodology.metrics.len() {
                            if let Some(upper) = p.upper(u, k, &original) {
                                effort.upper.insert(k, upper);
                            }
                        }
                    }
                    p.snapshot
                }
            };
            let code = opts.get("--unit").ok_or_else(|| Failure::Usage("thiếu --unit <mã đơn vị>".into()))?;
            let unit = snapshot.unit_index(code).ok_or_else(|| Failure::Usage(format!("không có đơn vị {code}")))?;
            let goal = match (opts.get("--total"), opts.get("--rank")) {
                (Some(t), None) => chiso::engine::plan::Goal::Total(
                    chiso::engine::Points::parse(&t.replace(',', "."))
                        .ok_or_else(|| Failure::Usage(format!("--total {t}: cần số điểm")))?,
                ),
                (None, Some(r)) => chiso::engine::plan::Goal::Rank(
                    r.parse().map_err(|_| Failure::Usage(format!("--rank {r}: cần số nguyên")))?,
                ),
                _ => return Err(Failure::Usage("cần đúng một trong --total và --rank".into())),
            };
            let peers = chiso::engine::Peers::of(&snapshot);
            let baseline = scoring::score(&snapshot);
            let plan = chiso::engine::plan::seek(&snapshot, &peers, &Scenario::new(), &baseline, unit, goal, &effort);
            let m = &snapshot.methodology;
            let steps: Vec<serde_json::Value> = plan
                .steps
                .iter()
                .map(|st| serde_json::json!({ "metric": m.metrics[st.metric].code, "from": st.from, "to": st.to, "den": st.den, "effort": st.effort }))
                .collect();
            let planned = rescore(&snapshot, &peers, &plan.scenario, &baseline, plan.scenario.units());
            let out = serde_json::json!({
                "unit": code, "reached": plan.reached, "needed": plan.needed.as_f64(), "baseline_total": baseline.units[unit].total.as_f64(),
                "total": plan.total.as_f64(), "rank": plan.rank.rank, "peers": plan.rank.of, "effort": plan.effort, "steps": steps,
                "province": province_json(&snapshot, &baseline, &planned, nation(&opts)?.as_ref()),
            });
            outln!("{}", serde_json::to_string_pretty(&out).expect("JSON values serialise"));
            Ok(())
        }
        "province" => {
            // The province's plan spread over its units, to a total or a national rank.
            let (pos, opts) = options(rest, &["--total", "--rank", "--nation"])?;
            let snapshot = load(Path::new(one_path(&pos, "tệp hoặc thư mục")?)).map_err(Failure::Data)?;
            let nation = nation(&opts)?;
            let peers = chiso::engine::Peers::of(&snapshot);
            let baseline = scoring::score_among(&snapshot, &peers);
            let root = chiso::state::State::new(std::rc::Rc::new(snapshot.clone()))
                .province()
                .ok_or_else(|| Failure::Usage("dữ liệu không có một tỉnh với các đơn vị trực thuộc".into()))?;
            let needed = match (opts.get("--total"), opts.get("--rank"), &nation) {
                (Some(t), None, _) => chiso::engine::Points::parse(&t.replace(',', "."))
                    .ok_or_else(|| Failure::Usage(format!("--total {t}: cần số điểm")))?,
                (None, Some(r), Some(n)) => {
                    let r: u32 = r.parse().map_err(|_| Failure::Usage(format!("--rank {r}: cần số nguyên")))?;
                    let at = n.find(&snapshot.units[root].code).ok_or_else(|| {
                        Failure::Usage(format!("bảng các tỉnh không có {}", snapshot.units[root].code))
                    })?;
                    n.total_for_rank(at, r).unwrap_or(chiso::engine::Points::ZERO)
                }
                (None, Some(_), None) => return Err(Failure::Usage("--rank cần --nation <bảng 34 tỉnh>".into())),
                _ => return Err(Failure::Usage("cần đúng một trong --total và --rank".into())),
            };
            let effort = chiso::engine::plan::Effort::default();
            let plan =
                chiso::engine::province::seek(&snapshot, &peers, &Scenario::new(), &baseline, root, needed, &effort);
            let m = &snapshot.methodology;
            let parts: Vec<serde_json::Value> = plan
                .parts
                .iter()
                .map(|p| {
                    let moves: Vec<serde_json::Value> = p
                        .moves
                        .iter()
                        .map(|mv| serde_json::json!({ "metric": m.metrics[mv.metric].code, "from": mv.from, "to": mv.to, "den": mv.den }))
                        .collect();
                    serde_json::json!({ "unit": snapshot.units[p.unit].code, "moves": moves, "effort": p.effort,
                        "total_from": p.total_from.as_f64(), "total_to": p.total_to.as_f64() })
                })
                .collect();
            let out = serde_json::json!({
                "needed": needed.as_f64(), "reached": plan.reached, "effort": plan.effort, "parts": parts,
                "province": province_json(&snapshot, &baseline, &plan.scores, nation.as_ref()),
            });
            outln!("{}", serde_json::to_string_pretty(&out).expect("JSON values serialise"));
            Ok(())
        }
        "targets" => {
            let (pos, opts) = options(rest, &["--unit", "--all"])?;
            let snapshot = load(Path::new(one_path(&pos, "tệp hoặc thư mục")?)).map_err(Failure::Data)?;
            let code = opts.get("--unit").ok_or_else(|| Failure::Usage("thiếu --unit <mã đơn vị>".into()))?;
            let unit = snapshot.unit_index(code).ok_or_else(|| Failure::Usage(format!("không có đơn vị {code}")))?;
            let peers = chiso::engine::Peers::of(&snapshot);
            let units: Vec<usize> = match opts.get("--all") {
                Some(&"yes") => peers.groups[peers.group_of[unit]].clone(),
                Some(other) => return Err(Failure::Usage(format!("--all {other}: chỉ nhận yes"))),
                None => vec![unit],
            };
            let set = chiso::engine::plan::TargetSet::commune_preset(&snapshot.methodology, VI.commune_preset);
            let mut scenario = Scenario::new();
            for &u in &units {
                chiso::engine::plan::apply_targets(&snapshot, &mut scenario, u, &set);
            }
            let baseline = scoring::score(&snapshot);
            let current = rescore(&snapshot, &peers, &scenario, &baseline, scenario.units());
            let rows: Vec<serde_json::Value> = units
                .iter()
                .map(|&u| serde_json::json!({ "unit": snapshot.units[u].code, "baseline_total": baseline.units[u].total.as_f64(),
                    "total": current.units[u].total.as_f64(), "rank": current.ranks[u].rank }))
                .collect();
            outln!(
                "{}",
                serde_json::to_string_pretty(&serde_json::json!({ "set": set.name, "units": rows }))
                    .expect("JSON values serialise")
            );
            Ok(())
        }
        "synth" => {
            let (pos, opts) = options(rest, &["--units", "--seed", "-o", "--output"])?;
            if !pos.is_empty() {
                return Err(Failure::Usage("synth không nhận tham số vị trí".into()));
            }
            let number = |key: &str, default: u64| -> Result<u64, Failure> {
                opts.get(key)
                    .map_or(Ok(default), |v| v.parse().map_err(|_| Failure::Usage(format!("{key} {v}: cần số nguyên"))))
            };
            let out = opts
                .get("-o")
                .or(opts.get("--output"))
                .ok_or_else(|| Failure::Usage("thiếu -o <snapshot.json>".into()))?;
            let units = number("--units", 10_000)?.clamp(1, 1_000_000) as usize;
            let snapshot = synthetic::province(Methodology::default_version(), units, number("--seed", 766)?);
            std::fs::write(out, snapshot_json::to_string(&snapshot)).map_err(|e| Failure::Write(out.to_string(), e))?;
            eprintln!("Đã ghi {out}: {units} đơn vị tổng hợp.");
            Ok(())
        }
        "help" | "--help" | "-h" => {
            out!("{USAGE}");
            Ok(())
        }
        other => Err(Failure::Usage(format!("không có lệnh «{other}»"))),
    }
}

/// A snapshot file, a filled-in template (.csv), or a folder in the portal's layout: read by the same
/// code as the web app's import.
/// The national list given with `--nation`, and the row of the snapshot's province in it.
fn nation(opts: &BTreeMap<&str, &str>) -> Result<Option<chiso::engine::nation::Nation>, Failure> {
    let Some(path) = opts.get("--nation") else { return Ok(None) };
    let list = load(Path::new(path)).map_err(Failure::Data)?;
    chiso::engine::nation::Nation::new(list)
        .map(Some)
        .ok_or_else(|| Failure::Usage(format!("{path}: không phải bảng các tỉnh (mỗi dòng một tỉnh)")))
}

/// The province's total before and under a scenario (with its units' counts rolled up), and its rank
/// among the provinces of the national list if one is given; `null` for data without one province.
fn province_json(
    snapshot: &Snapshot,
    baseline: &scoring::Scores,
    current: &scoring::Scores,
    nation: Option<&chiso::engine::nation::Nation>,
) -> serde_json::Value {
    let roots: Vec<usize> = (0..snapshot.units.len()).filter(|&u| snapshot.units[u].parent.is_none()).collect();
    let [root] = roots[..] else { return serde_json::Value::Null };
    let code = &snapshot.units[root].code;
    let (before, after) = (baseline.units[root].total, current.units[root].total);
    let national = nation.and_then(|n| {
        let at = n.find(code)?;
        let (b, a) = (n.standing(at, before), n.standing(at, after));
        let passed: Vec<&str> =
            n.passed(at, before, after).into_iter().map(|i| n.list.units[i].code.as_str()).collect();
        Some(serde_json::json!({ "before": b.rank, "after": a.rank, "of": a.of, "passed": passed }))
    });
    serde_json::json!({ "code": code, "baseline_total": before.as_f64(), "total": after.as_f64(), "national_rank": national })
}

fn load(path: &Path) -> Result<Snapshot, Vec<Problem>> {
    let name = path.display().to_string();
    let read = |p: &Path| {
        read_capped(p)
            .map_err(|e| vec![Problem::new(Place::file(&p.display().to_string()), ProblemKind::Unreadable(io_why(&e)))])
    };
    if path.is_dir() {
        let methodology = Methodology::default_version();
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        for n in portal_csv::file_names(&methodology) {
            // A portal file that is there but cannot be read is said as such, not taken as missing.
            let p = path.join(n);
            if p.symlink_metadata().is_ok() {
                files.push((n.to_owned(), read(&p)?));
            }
        }
        if files.is_empty() {
            // A folder of the portal's JSON answers (or of HAR files).
            let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(path)
                .map_err(|e| vec![Problem::new(Place::file(&name), ProblemKind::Unreadable(io_why(&e)))])?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json" || x == "har"))
                .collect();
            chiso::engine::sorting::sort(&mut names);
            if names.is_empty() {
                return Err(vec![Problem::new(Place::default(), ProblemKind::EmptyFolder(name))]);
            }
            for p in names {
                files.push((p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(), read(&p)?));
            }
        }
        let imported = import::read_files(&files)?;
        warn(&imported.warnings);
        let mut s = imported.snapshot;
        s.meta.source = fill(VI.source_portal_dir, &[("dir", &path.display().to_string())]);
        if s.meta.title.is_empty() {
            s.meta.title = fill(VI.national_title, &[("n", &s.units.len().to_string())]);
        }
        return Ok(s);
    }
    let file = path.file_name().map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    let imported = import::read_files(&[(file, read(path)?)])?;
    warn(&imported.warnings);
    let mut s = imported.snapshot;
    if let import::Origin::Template(file) = imported.origin {
        s.meta.source = fill(VI.source_file, &[("file", &file)]);
    }
    Ok(s)
}

/// Warnings on stderr, each on its line, then how many.
fn warn(warnings: &[Problem]) {
    for w in warnings {
        eprintln!("Lưu ý: {w}");
    }
    if !warnings.is_empty() {
        eprintln!("{} lưu ý (dữ liệu vẫn được đọc).", warnings.len());
    }
}

fn import_dir(dir: &Path, meta: Meta) -> Result<Snapshot, Vec<Problem>> {
    let mut snapshot = load(dir)?;
    let title = std::mem::take(&mut snapshot.meta.title);
    snapshot.meta = Meta {
        title: if meta.title.is_empty() { title } else { meta.title },
        source: if meta.source.is_empty() { snapshot.meta.source.clone() } else { meta.source },
        ..meta
    };
    Ok(snapshot)
}

fn scores_csv(snapshot: &Snapshot, scores: &scoring::Scores) -> String {
    let m = &snapshot.methodology;
    let mut out = String::new();
    let mut header = vec!["unit_code".to_owned(), "unit_name".into(), "level".into()];
    header.extend(m.groups.iter().map(|g| g.code.clone()));
    header.extend(["total".to_owned(), "rank".to_owned()]);
    csv_text::write_record(&mut out, &header, ',');
    for (i, u) in snapshot.units.iter().enumerate() {
        let s = &scores.units[i];
        let mut row = vec![u.code.clone(), u.name.clone(), u.level.code().to_owned()];
        row.extend(s.groups.iter().map(|g| g.points.to_string()));
        row.extend([s.total.to_string(), scores.ranks[i].rank.to_string()]);
        csv_text::write_record(&mut out, &row, ',');
    }
    out
}

fn scores_json(snapshot: &Snapshot, scores: &scoring::Scores) -> String {
    use serde_json::{json, Map, Value};
    let m = &snapshot.methodology;
    let units: Vec<Value> = snapshot
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let s = &scores.units[i];
            let groups: Map<String, Value> =
                m.groups.iter().zip(&s.groups).map(|(g, p)| (g.code.clone(), json!(p.points.as_f64()))).collect();
            let metrics: Map<String, Value> = m
                .metrics
                .iter()
                .zip(&s.metrics)
                .map(|(metric, p)| (metric.code.clone(), p.map_or(Value::Null, |p| json!(p.as_f64()))))
                .collect();
            json!({
                "unit_code": u.code, "unit_name": u.name, "level": u.level.code(),
                "parent": u.parent.map(|p| snapshot.units[p].code.clone()),
                "groups": groups, "total": s.total.as_f64(),
                "rank": scores.ranks[i].rank, "peers": scores.ranks[i].of, "metrics": metrics,
            })
        })
        .collect();
    let out = json!({ "title": snapshot.meta.title, "methodology": m.id, "units": units });
    serde_json::to_string_pretty(&out).expect("JSON values serialise") + "\n"
}

fn bench(units: usize, runs: usize) {
    let snapshot = synthetic::province(Methodology::default_version(), units, 766);
    let json = snapshot_json::to_string(&snapshot);
    let times = |f: &mut dyn FnMut()| {
        let mut t: Vec<f64> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        chiso::engine::sorting::sort_by(&mut t, |a, b| a.total_cmp(b));
        (t[0], t[t.len() / 2], t[t.len() - 1])
    };
    let mut check = 0u64;
    let (min, med, max) = times(&mut || {
        let s = scoring::score(&snapshot);
        check = check.wrapping_add(u64::from(s.units[0].total.hundredths()) + u64::from(s.ranks[units - 1].rank));
    });
    outln!("score+rank {units} units: min {min:.2} ms, median {med:.2} ms, max {max:.2} ms ({runs} runs)");
    let (min, med, max) = times(&mut || {
        let s = snapshot_json::parse(&json, "bench.json").expect("synthetic snapshot is valid");
        check = check.wrapping_add(s.units.len() as u64);
    });
    outln!(
        "parse+validate snapshot JSON ({} KB): min {min:.2} ms, median {med:.2} ms, max {max:.2} ms",
        json.len() / 1024
    );
    // What a slider step costs: one unit's numerator moves, the unit is rescored, its peers reranked.
    let peers = chiso::engine::Peers::of(&snapshot);
    let baseline = scoring::score(&snapshot);
    let metric = snapshot.methodology.metric_index("ONLINE_PAYMENT_DOSSIER").expect("shipped metric");
    let unit = units / 2;
    let den = match lever(&snapshot, unit, metric) {
        Ok((_, den)) => den,
        Err(_) => 0,
    };
    let mut scenario = Scenario::new();
    let mut current = baseline.clone();
    let mut steps: Vec<f64> = (0..1000u64)
        .map(|i| {
            let start = Instant::now();
            let _ = scenario.set(&snapshot, unit, metric, (i * 7919) % (den + 1));
            current = rescore(&snapshot, &peers, &scenario, &current, [unit]);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    chiso::engine::sorting::sort_by(&mut steps, |a, b| a.total_cmp(b));
    outln!(
        "slider step (override + rescore + rerank {} peers): p50 {:.3} ms, p95 {:.3} ms (1000 steps)",
        peers.groups[peers.group_of[unit]].len(),
        steps[steps.len() / 2],
        steps[steps.len() * 95 / 100]
    );
    // Goal seek: the plan of least effort to rank 50 among the communes, and to a total of 99.
    let effort = chiso::engine::plan::Effort::default();
    for (what, goal) in [
        ("rank 50", chiso::engine::plan::Goal::Rank(50)),
        ("total 99", chiso::engine::plan::Goal::Total(chiso::engine::Points(9900))),
    ] {
        let (min, med, max) = times(&mut || {
            let plan = chiso::engine::plan::seek(&snapshot, &peers, &Scenario::new(), &baseline, unit, goal, &effort);
            check = check.wrapping_add(plan.effort);
        });
        outln!(
            "goal seek to {what} ({} peers): min {min:.2} ms, median {med:.2} ms, max {max:.2} ms",
            peers.groups[peers.group_of[unit]].len()
        );
    }
    std::hint::black_box(check);
}
