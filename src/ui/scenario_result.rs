use yew::prelude::*;

use super::group_bars::group_bars;
use crate::engine::scenario::passed;
use crate::present::breakdown::Breakdown;
use crate::present::text::fill;
use crate::state::{Action, State};

/// How many units the "passes" line names before "and N more".
const NAMED: usize = 5;

/// The unit's total and rank before → after, the gain, the peers it passes, and each group as bars.
/// (A view function: it re-renders with its unit's panel.)
pub fn scenario_result(state: &UseReducerHandle<State>, unit: usize, b: &Breakdown) -> Html {
    let t = state.text();
    let gain = t.points_delta(b.baseline_total, b.total);
    // The province is ranked among the provinces (when the national list is there), not alone.
    let national = state.nation.as_ref().filter(|_| state.province() == Some(unit));
    let (rank_label, before, after, of) = match national {
        Some(n) => {
            let (x, y) = (n.nation.standing(n.at, b.baseline_total), n.nation.standing(n.at, b.total));
            (t.national_rank, x.rank, y.rank, y.of)
        }
        None => (t.rank, b.baseline_rank.rank, b.rank.rank, b.rank.of),
    };
    let rank_change = i64::from(before) - i64::from(after);
    let (passed, names): (Vec<usize>, Vec<String>) = match national {
        Some(n) => {
            let p = n.nation.passed(n.at, b.baseline_total, b.total);
            let names = p
                .iter()
                .take(NAMED)
                .map(|&o| {
                    let name = crate::present::names::province(&n.nation.list.units[o].name);
                    format!("{name} ({})", t.points(n.nation.totals[o]))
                })
                .collect();
            (p, names)
        }
        None => {
            let p = passed(state.peers(), state.baseline(), &state.current, unit);
            let names = p
                .iter()
                .take(NAMED)
                .map(|&o| format!("{} ({})", state.data.names[o], t.points(state.current.units[o].total)))
                .collect();
            (p, names)
        }
    };
    let reset_unit = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ResetUnit(unit)))
    };
    let reset_all = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ResetAll))
    };
    html! {
        <div class="result" aria-live="polite">
            <div class="kpis">
                <div class="kpi">
                    <span class="kpi-label">{ t.total }</span>
                    <span class="kpi-values">
                        <span data-testid="baseline-total">{ t.points(b.baseline_total) }</span>
                        { " → " }
                        <strong data-testid="scenario-total">{ t.points(b.total) }</strong>
                    </span>
                    <span class={classes!("gain", (b.total > b.baseline_total).then_some("up"), (b.total < b.baseline_total).then_some("down"))}
                          data-testid="gain">{ gain }</span>
                </div>
                if of > 1 {
                <div class="kpi">
                    <span class="kpi-label">{ rank_label }</span>
                    <span class="kpi-values">
                        <span data-testid="baseline-rank">{ before }</span>
                        { " → " }
                        <strong data-testid="scenario-rank">{ after }</strong>
                        { format!("/{of}") }
                    </span>
                    <span class={classes!("gain", (rank_change > 0).then_some("up"), (rank_change < 0).then_some("down"))}>
                        { match rank_change { 0 => "±0".to_owned(), c if c > 0 => format!("▲{c}"), c => format!("▼{}", -c) } }
                    </span>
                </div>
                }
            </div>
            <p class="passes" data-testid="passes">
                if passed.is_empty() {
                    { t.no_pass }
                } else {
                    <bdi>{ format!("{}: {}", t.passes, names.join(", ")) }</bdi>
                    if passed.len() > NAMED { { format!(" {}", fill(t.and_more, &[("n", &(passed.len() - NAMED).to_string())])) } }
                    { "." }
                }
            </p>
            { group_bars(t, &b.groups) }
            <div class="result-actions">
                if state.scenario.has_unit(unit) {
                    <button type="button" class="reset" onclick={reset_unit}>{ t.reset_unit }</button>
                }
                if !state.scenario.is_empty() {
                    <button type="button" class="reset" onclick={reset_all}>{ format!("{} ({})", t.reset_all, state.scenario.units().len()) }</button>
                }
            </div>
        </div>
    }
}
