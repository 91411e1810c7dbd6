//! The engine's cost of a slider step in wasm, next to `chiso bench` natively: run by `make bench`
//! (`cargo test --profile bench --target wasm32-unknown-unknown --test wasm_bench -- --nocapture`).
//! It prints figures and asserts only behaviour.
#![cfg(target_arch = "wasm32")]

use chiso::engine::methodology::Methodology;
use chiso::engine::scenario::{lever, rescore, Scenario};
use chiso::engine::{scoring, synthetic, Peers};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

#[wasm_bindgen_test]
fn rescore_step_in_wasm() {
    let units = 10_000;
    let snapshot = synthetic::province(Methodology::default_version(), units, 766);
    let t = now();
    let baseline = scoring::score(&snapshot);
    let full = now() - t;
    let peers = Peers::of(&snapshot);
    let metric = snapshot.methodology.metric_index("ONLINE_PAYMENT_DOSSIER").unwrap();
    let unit = units / 2;
    let (_, den) = lever(&snapshot, unit, metric).unwrap();
    let mut scenario = Scenario::new();
    let mut current = baseline.clone();
    let mut steps: Vec<f64> = (0..1000u64)
        .map(|i| {
            let t = now();
            scenario.set(&snapshot, unit, metric, (i * 7919) % (den + 1)).unwrap();
            current = rescore(&snapshot, &peers, &scenario, &current, [unit]);
            now() - t
        })
        .collect();
    chiso::engine::sorting::sort_by(&mut steps, |a, b| a.total_cmp(b));
    // Goal seek: the plan of least effort to rank 50 among the communes (and to a total of 99).
    let effort = chiso::engine::plan::Effort::default();
    let seek = |goal: chiso::engine::plan::Goal| {
        let mut times: Vec<f64> = (0..10)
            .map(|_| {
                let t = now();
                let plan =
                    chiso::engine::plan::seek(&snapshot, &peers, &Scenario::new(), &baseline, unit, goal, &effort);
                assert!(plan.reached || matches!(goal, chiso::engine::plan::Goal::Total(_)));
                now() - t
            })
            .collect();
        chiso::engine::sorting::sort_by(&mut times, |a, b| a.total_cmp(b));
        times[times.len() / 2]
    };
    let (rank_50, total_99) = (
        seek(chiso::engine::plan::Goal::Rank(50)),
        seek(chiso::engine::plan::Goal::Total(chiso::engine::Points(9900))),
    );
    web_sys::console::log_1(
        &format!("wasm: goal seek on {units} units: rank 50 among the communes median {rank_50:.1} ms, total 99 median {total_99:.1} ms")
            .into(),
    );
    // Incremental steps end where evaluating the scenario from scratch does.
    assert_eq!(current, chiso::engine::scenario::evaluate(&snapshot, &peers, &scenario));
    web_sys::console::log_1(
        &format!(
            "wasm: score+rank {units} units {full:.2} ms; slider step (override + rescore + rerank {} peers) p50 {:.3} ms, p95 {:.3} ms (1000 steps; performance.now() resolution ~0.1 ms)",
            peers.groups[peers.group_of[unit]].len(),
            steps[steps.len() / 2],
            steps[steps.len() * 95 / 100]
        )
        .into(),
    );
}
