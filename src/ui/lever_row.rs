use yew::prelude::*;

use super::slider::{slider, Props as SliderProps};
use crate::present::breakdown::MetricRow;
use crate::present::lever_input;
use crate::present::text::Lang;
use crate::state::{Action, State};

/// Only what the row shows and the (stable) dispatcher: a slider step re-renders the rows it changed,
/// not every lever of the unit.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub dispatch: UseReducerDispatcher<State>,
    pub unit: usize,
    pub row: MetricRow,
    pub lang: Lang,
}

/// A metric a scenario can move: its slider (in dossiers or procedures), an exact-value box, and what
/// the move gives: the new rate, the points, the change in counts, the cap.
#[function_component(LeverRow)]
pub fn lever_row(Props { dispatch, unit, row, lang }: &Props) -> Html {
    let t = lang.text();
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
            match lever_input::parse(t, &input.value(), den) {
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
    let rate = t.rate(num, den);
    let points = row.points.map_or("—".to_owned(), |p| t.points(p));
    let delta = match (row.points, row.baseline_points) {
        (Some(a), Some(b)) if a != b => Some(t.points_delta(b, a)),
        _ => None,
    };
    let change = row.count_change(t);
    html! {
        <div class={classes!("lever", row.overridden.then_some("overridden"))} data-metric-row={row.code.clone()}>
            <div class="lever-head">
                <span class="lever-name">{ &row.name }</span>
                if row.overridden {
                    <button type="button" class="reset" onclick={reset} title={format!("{} {}", t.reset, row.name)}>{ t.reset }</button>
                }
            </div>
            <div class="lever-body">
                { slider(SliderProps {
                    label: AttrValue::from(row.name.clone()),
                    value: num,
                    max: den,
                    baseline: Some(base_num),
                    value_text: AttrValue::from(format!("{rate}, {} {} {}", t.int(num), t.of, t.int(den))),
                    metric: Some(AttrValue::from(row.code.clone())),
                    lever: None,
                    onchange,
                }) }
                <input type="text" class="exact" inputmode="decimal" value={t.int(num)} title={t.exact_value}
                       aria-label={format!("{}: {}", row.name, t.exact_value)} onchange={on_exact} />
                <span class="den">{ format!("/ {}", t.int(den)) }</span>
            </div>
            <div class="lever-info">
                <span data-testid="metric-rate">{ rate }</span>
                if num != base_num { <span class="was">{ format!(" ({} {})", t.before, t.rate(base_num, den)) }</span> }
                { " · " }
                <strong data-testid="metric-points">{ points }</strong>
                { format!(" / {} {}", t.points(row.max), t.points_unit) }
                if let Some(d) = delta { <span class={classes!("delta", d.starts_with('+').then_some("up"))}>{ format!(" ({d})") }</span> }
                if let Some(c) = change { <span class="change" data-testid="metric-change">{ format!(" · {c}") }</span> }
                if row.at_max { <span class="at-max">{ format!(" · {}", t.at_max) }</span> }
                if let Some(full) = row.full_from { <small class="note">{ format!(" · {} {}", t.target_at, t.percent(full)) }</small> }
            </div>
            if let Some(msg) = &*field_error { <p class="field-error" role="alert">{ msg }</p> }
        </div>
    }
}
