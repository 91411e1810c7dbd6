use yew::prelude::*;

use super::group_bars::group_bars;
use crate::present::breakdown::Breakdown;
use crate::state::{Action, State};

/// How many units the "passes" line names before "and N more".
const NAMED: usize = 5;

/// The unit's total and rank before → after, the gain, the peers it passes, and each group as bars.
/// (A view function: it re-renders with its unit's panel.)
pub fn scenario_result(state: &UseReducerHandle<State>, unit: usize, b: &Breakdown) -> Html {
    let t = state.text();
    let gain = t.points_delta(b.baseline_total, b.total);
    // The province is ranked among the provinces (when the national list is there), not alone.
    let rank_label = if state.nation.is_some() && state.province() == Some(unit) { t.national_rank } else { t.rank };
    let ranked = state.standing(unit, state.baseline()).zip(state.standing(unit, &state.current));
    let (passed, names) = state.passed_names(unit, NAMED);
    let names: Vec<String> = names.into_iter().map(|(name, total)| format!("{name} ({})", t.points(total))).collect();
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
                if let Some(((before, _, _), (after, of, _))) = ranked {
                <div class="kpi">
                    <span class="kpi-label">{ rank_label }</span>
                    <span class="kpi-values">
                        <span data-testid="baseline-rank">{ before }</span>
                        { " → " }
                        <strong data-testid="scenario-rank">{ after }</strong>
                        { format!("/{of}") }
                    </span>
                    {{
                        let change = i64::from(before) - i64::from(after);
                        html! {
                            <span class={classes!("gain", (change > 0).then_some("up"), (change < 0).then_some("down"))}>
                                { if change == 0 { "±0".to_owned() } else { t.rank_mark(change) } }
                            </span>
                        }
                    }}
                </div>
                }
            </div>
            <p class="passes" data-testid="passes">
                if passed == 0 {
                    { t.no_pass }
                } else {
                    <bdi>{ format!("{}: {}", t.passes, names.join(", ")) }</bdi>
                    // The names isolated, the app's own words after them outside the isolate.
                    if let Some(more) = t.more_of(names.len(), passed) { { format!(" {more}") } }
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
