//! Mutation fuzzing of every parser of user data: the snapshot JSON reader, the portal CSV folder, the
//! one-table CSV template and the share text. `cargo fuzz` needs a nightly toolchain these machines
//! cannot fetch, so this is a harness with the same budget in time: seeds from real files, random
//! mutations (bit flips, byte and token insertions, deletions, splices), and the parser must return,
//! never panic. It runs for FUZZ_SECONDS per parser (default 2 s in `make test`; `make fuzz` runs 600 s).
//!
//! Slow inputs fail too: some mutations repeat a token or a span thousands of times (a line of
//! semicolons, deep brackets, a huge field), and every execution's time per byte of input is compared
//! with the seeds' own, measured in the same run. An input whose time per byte is many times the
//! seeds' is run again five times, 20 ms apart, and fails if its best stays 40 times the seeds'
//! and over 50 ms: what grows faster than its input is found as a panic would be. Ratios, not timings,
//! so a slow or busy machine does not fail it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::{Duration, Instant};

use chiso::engine::methodology::Methodology;
use chiso::engine::synthetic::SplitMix;
use chiso::engine::{import, portal_csv, share, snapshot_json, template_csv, Meta};

const TOKENS: [&[u8]; 16] = [
    b"-",
    b"\"",
    b",",
    b";",
    b"\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b"null",
    b"1e999",
    b"99999999999999999999",
    b"\xef\xbb\xbf",
    b"\xff",
    b"<img src=x onerror=alert(1)>",
    b"1.234.567",
];

/// The longest input a mutation may make (a repeat stops there).
const MAX_MUTANT: usize = 400_000;

fn mutate(rng: &mut SplitMix, seed: &[u8]) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..1 + rng.next_u64() % 8 {
        let at = if data.is_empty() { 0 } else { (rng.next_u64() % data.len() as u64) as usize };
        match rng.next_u64() % 8 {
            // Amplify: a token or a short span of the input repeated up to 20,000 times (a line of
            // separators, deep nesting, one enormous field): the inputs that find superlinear work.
            6 | 7 if data.len() < MAX_MUTANT => {
                let unit: Vec<u8> = if rng.next_u64() % 2 == 0 || data.is_empty() {
                    TOKENS[(rng.next_u64() % TOKENS.len() as u64) as usize].to_vec()
                } else {
                    let end = (at + 1 + (rng.next_u64() % 16) as usize).min(data.len());
                    data[at..end].to_vec()
                };
                let times = (1 + rng.next_u64() % 20_000) as usize;
                let times = times.min((MAX_MUTANT - data.len()) / unit.len().max(1));
                let span: Vec<u8> = unit.iter().copied().cycle().take(unit.len() * times).collect();
                data.splice(at..at, span);
            }
            0 if !data.is_empty() => data[at] ^= 1 << (rng.next_u64() % 8),
            1 => data.insert(at, (rng.next_u64() % 256) as u8),
            2 if !data.is_empty() => {
                let end = (at + 1 + (rng.next_u64() % 64) as usize).min(data.len());
                data.drain(at..end);
            }
            3 => {
                let t = TOKENS[(rng.next_u64() % TOKENS.len() as u64) as usize];
                data.splice(at..at, t.iter().copied());
            }
            4 if data.len() > 2 => {
                // Duplicate a span elsewhere (repeated rows, keys).
                let from = (rng.next_u64() % data.len() as u64) as usize;
                let end = (from + (rng.next_u64() % 200) as usize).min(data.len());
                let span: Vec<u8> = data[from..end].to_vec();
                data.splice(at..at, span);
            }
            _ => data.truncate(at),
        }
    }
    data
}

fn budget() -> Duration {
    Duration::from_secs(std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(2))
}

/// How many times the seeds' time per byte an input may take (its best of six runs) before it fails
/// (FUZZ_SLOW_RATIO to look closer).
fn slow_ratio() -> f64 {
    std::env::var("FUZZ_SLOW_RATIO").ok().and_then(|s| s.parse().ok()).unwrap_or(40.0)
}
/// An execution shorter than this never fails for being slow (a preempted run loses that much).
const MIN_SLOW: Duration = Duration::from_millis(50);
/// Inputs this small are timed against this many bytes: their time is mostly fixed cost, not growth.
const FLOOR_BYTES: usize = 4_096;

/// Seconds per byte of one call (the input counted as at least FLOOR_BYTES, plus what the target
/// holds besides it, e.g. the other files of a folder).
fn per_byte(target: &mut impl FnMut(&[u8]), data: &[u8], fixed_bytes: usize) -> f64 {
    let t = Instant::now();
    target(data);
    t.elapsed().as_secs_f64() / (data.len().max(FLOOR_BYTES) + fixed_bytes) as f64
}

/// Fuzzes `target` with mutants of the seeds for the time budget; `fixed_bytes` is the size of what the
/// target reads besides the mutant.
fn run(name: &str, seeds: &[Vec<u8>], fixed_bytes: usize, mut target: impl FnMut(&[u8])) {
    // The seeds' own time per byte, the best of five runs each: the yardstick of this run.
    let base = seeds
        .iter()
        .map(|s| (0..5).map(|_| per_byte(&mut target, s, fixed_bytes)).fold(f64::MAX, f64::min))
        .fold(0.0, f64::max);
    let mut rng = SplitMix(0x766);
    let (start, mut runs, mut bytes) = (Instant::now(), 0u64, 0u64);
    let mut worst = (0.0f64, 0usize);
    let mut slowest = Vec::new();
    while start.elapsed() < budget() {
        let seed = &seeds[(rng.next_u64() % seeds.len() as u64) as usize];
        let data = mutate(&mut rng, seed);
        let mut cost = per_byte(&mut target, &data, fixed_bytes);
        // A slow one (over 4 times the seeds') is timed five times more, 20 ms apart, its best kept: a
        // busy machine slows one run, or a few back to back, not six spread over a tenth of a second
        // (and the slowest figure printed is then the input's, not the machine's). Only what takes long
        // in itself can fail: a superlinear path on a few hundred kilobytes takes seconds, not the
        // milliseconds a preempted run loses.
        if cost > 4.0 * base {
            for _ in 0..5 {
                std::thread::sleep(Duration::from_millis(20));
                cost = cost.min(per_byte(&mut target, &data, fixed_bytes));
            }
            let best = Duration::from_secs_f64(cost * (data.len().max(FLOOR_BYTES) + fixed_bytes) as f64);
            if cost > slow_ratio() * base && best > MIN_SLOW {
                let path = std::env::temp_dir().join(format!("chiso-slow-{}.bin", name.replace(' ', "-")));
                let _ = std::fs::write(&path, &data);
                panic!(
                    "fuzz {name}: an input of {} bytes takes {:.0}× the seeds' time per byte ({:.2} µs/byte); \
                     kept in {}",
                    data.len(),
                    cost / base,
                    cost * 1e6,
                    path.display()
                );
            }
        }
        runs += 1;
        bytes += data.len() as u64;
        if cost > worst.0 {
            worst = (cost, data.len());
            slowest = data;
        }
    }
    // The slowest input is kept, to look at.
    let kept = std::env::temp_dir().join(format!("chiso-slowest-{}.bin", name.replace(' ', "-")));
    let _ = std::fs::write(&kept, &slowest);
    println!(
        "fuzz {name}: {runs} executions ({:.0} MB) in {:.0} s, no panic; slowest {:.3} µs/byte on {} bytes, \
         {:.1}× the seeds' {:.3} µs/byte (kept in {})",
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64(),
        worst.0 * 1e6,
        worst.1,
        worst.0 / base,
        base * 1e6,
        kept.display()
    );
    assert!(runs > 0);
}

#[test]
fn fuzz_snapshot_json() {
    let seeds = vec![
        chiso::datasets::json("phu-tho-2026-q3").unwrap().as_bytes()[..20_000].to_vec(),
        common::snapshot_json(vec![common::unit("P", "province", None)]).to_string().into_bytes(),
    ];
    run("snapshot JSON", &seeds, 0, |data| {
        let _ = snapshot_json::parse(&String::from_utf8_lossy(data), "f.json");
    });
}

#[test]
fn fuzz_portal_csv_folder() {
    let files = common::read_dir_files(&common::phu_tho_dir());
    let names: Vec<String> = files.keys().cloned().collect();
    let seeds: Vec<Vec<u8>> = files.values().map(|b| b[..b.len().min(6_000)].to_vec()).collect();
    let mut i = 0;
    let fixed = files.values().map(Vec::len).sum::<usize>() / files.len() * (files.len() - 1);
    run("portal CSV folder", &seeds, fixed, |data| {
        // One mutated file among the other five, in turn.
        let mut set = files.clone();
        set.insert(names[i % names.len()].clone(), data.to_vec());
        i += 1;
        let _ = portal_csv::import(&set, Methodology::default_version(), Meta::default());
    });
}

#[test]
fn fuzz_template_csv() {
    let full = template_csv::write(&chiso::datasets::sample());
    let seeds =
        vec![full.as_bytes()[..8_000].to_vec(), template_csv::example(Methodology::default_version()).into_bytes()];
    run("template CSV", &seeds, 0, |data| {
        let _ = import::read_files(&[("mau.csv".into(), data.to_vec())]);
    });
}

#[test]
fn fuzz_share_text() {
    let s = chiso::datasets::sample();
    let seeds = vec![
        b"H44.166:13=1900,14=240;H44.170:3=5".to_vec(),
        b"#unit=H44.166&id=f89aeee0db5fa295&s=H44.166:8=1976,9=33&t=UBND%20t%E1%BB%89nh".to_vec(),
        // The heaviest link the app accepts: 1,000 counts over 200 units (the yardstick of time per
        // byte must include applying a scenario, not only reading a short one).
        format!(
            "#id={}&s={}",
            share::identity(&s),
            s.units.iter().take(200).map(|u| format!("{}:1=1,2=2,3=3,4=4,5=5", u.code)).collect::<Vec<_>>().join(";")
        )
        .into_bytes(),
        format!("#unit=H44.166{}", "&t=x".repeat(5_000)).into_bytes(),
    ];
    // The whole path of a link: parsed, checked against the data, applied or explained.
    let state = chiso::state::State::new(std::rc::Rc::new(s.clone()));
    run("share text and URL hash", &seeds, 0, |data| {
        let text = String::from_utf8_lossy(data);
        let _ = share::decode(&s, &text);
        let opened = state.reduce(chiso::state::Action::OpenLink(text.into_owned()));
        if let Some(notice) = &opened.notice {
            let _ = notice.text(&chiso::present::text::VI);
        }
        let _ = opened.link().to_hash();
    });
}

#[test]
fn fuzz_portal_json_answers() {
    // One mutated answer among the other five (the smaller ones whole, the large ones cut short).
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/portal-responses-phu-tho-2026-q3");
    let files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    let seeds: Vec<Vec<u8>> = files.iter().map(|(_, b)| b[..b.len().min(8_000)].to_vec()).collect();
    let mut i = 0;
    let fixed = files.iter().map(|(_, b)| b.len()).sum::<usize>() / files.len() * (files.len() - 1);
    run("portal JSON answers", &seeds, fixed, |data| {
        let mut set = files.clone();
        let k = i % set.len();
        set[k].1 = data.to_vec();
        i += 1;
        let _ = import::read_files(&set);
        // The same bytes as a HAR's only file.
        let _ = import::read_files(&[("x.har".into(), data.to_vec())]);
    });
}
