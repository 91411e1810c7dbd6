use yew::prelude::*;

use super::slider::{slider, Props as SliderProps};
use crate::present::breakdown::MetricRow;
use crate::present::{format, labels, lever_input};
use crate::state::{Action, State};

/// Only what the row shows and the (stable) dispatcher: a slider step re-renders the rows it changed,
/// not every lever of the unit.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub dispatch: UseReducerDispatcher<State>,
    pub unit: usize,
    pub row: MetricRow,
}

/// A metric a scenario can move: its slider (in dossiers or procedures), an exact-value box, and what
/// the move gives: the new rate, the points, the change in counts, the cap.
#[function_component(LeverRow)]
pub fn lever_row(Props { dispatch, unit, row }: &Props) -> Html {
    let field_error = use_state(|| None::<String>);
    let (Some((num, den)), Some((base_num, _))) = (row.counts, row.baseline_counts) else {
        return html! {};
    };
    let (unit, metric) = (*unit, row.index);
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |num: u64| dispatch.dispatch(Action::SetCount { unit, metric, num }))
    };
    let on_exact = {
        let (dispatch, field_error) = (dispatch.clone(), field_error.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            match lever_input::parse(&input.value(), den) {
                Ok(num) => {
                    field_error.set(None);
                    dispatch.dispatch(Action::SetCount { unit, metric, num });
                }
                Err(msg) => field_error.set(Some(msg)),
            }
        })
    };
    let reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ResetMetric { unit, metric }))
    };
    let rate = format::rate(num, den);
    let points = row.points.map_or("—".to_owned(), format::points);
    let delta = match (row.points, row.baseline_points) {
        (Some(a), Some(b)) if a != b => Some(format::points_delta(b, a)),
        _ => None,
    };
    let change = row.count_change();
    html! {
        <div class={classes!("lever", row.overridden.then_some("overridden"))} data-metric-row={row.code.clone()}>
            <div class="lever-head">
                <span class="lever-name">{ &row.name }</span>
                if row.overridden {
                    <button type="button" class="reset" onclick={reset} title={format!("{} {}", labels::RESET, row.name)}>{ labels::RESET }</button>
                }
            </div>
            <div class="lever-body">
                { slider(SliderProps {
                    label: AttrValue::from(row.name.clone()),
                    value: num,
                    max: den,
                    baseline: Some(base_num),
                    value_text: AttrValue::from(format!("{rate}, {} {} {}", format::int(num), labels::OF, format::int(den))),
                    metric: Some(AttrValue::from(row.code.clone())),
                    lever: None,
                    onchange,
                }) }
                <input type="text" class="exact" inputmode="decimal" value={format::int(num)} title={labels::EXACT_VALUE}
                       aria-label={format!("{}: {}", row.name, labels::EXACT_VALUE)} onchange={on_exact} />
                <span class="den">{ format!("/ {}", format::int(den)) }</span>
            </div>
            <div class="lever-info">
                <span data-testid="metric-rate">{ rate }</span>
                if num != base_num { <span class="was">{ format!(" ({} {})", labels::BEFORE, format::rate(base_num, den)) }</span> }
                { " · " }
                <strong data-testid="metric-points">{ points }</strong>
                { format!(" / {} {}", format::points(row.max), labels::POINTS_UNIT) }
                if let Some(d) = delta { <span class={classes!("delta", d.starts_with('+').then_some("up"))}>{ format!(" ({d})") }</span> }
                if let Some(c) = change { <span class="change" data-testid="metric-change">{ format!(" · {c}") }</span> }
                if row.at_max { <span class="at-max">{ format!(" · {}", labels::AT_MAX) }</span> }
                if let Some(t) = &row.full_from { <small class="note">{ format!(" · {} {}", labels::TARGET_AT, t) }</small> }
            </div>
            if let Some(msg) = &*field_error { <p class="field-error" role="alert">{ msg }</p> }
        </div>
    }
}
