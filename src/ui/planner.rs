//! The planner's panels of a unit: points lost cheapest first (with the effort model), and a goal to
//! reach (a total or a rank) with assigned target sets. The figures come from `engine::plan`, worded by
//! `present::planning`; these components lay them out and dispatch.

use yew::prelude::*;

use crate::engine::plan::{self, Goal, TargetSet};
use crate::engine::points::Decimal;
use crate::present::lever_input;
use crate::present::planning::{deadlines, lost_rows, new_rate, plan_summary, target_line};
use crate::present::text::fill;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
    pub unit: usize,
}

fn value_of(node: &NodeRef) -> String {
    node.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

/// Points lost, cheapest first: what recovering each takes, a click to put it into the scenario; the
/// effort model above, ceilings and locks per metric; what is not in the unit's hands apart.
#[function_component(LostPanel)]
pub fn lost_panel(Props { state, unit }: &Props) -> Html {
    let t = state.text();
    let u = *unit;
    let lost = plan::points_lost(state.snapshot(), &state.scenario, &state.current, u, &state.effort);
    let rows = lost_rows(t, state.snapshot(), &lost);
    let (movable, fixed): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| r.movable);
    let dispatch = state.dispatcher();
    let line = |r: &crate::present::planning::LostRow| {
        let metric = r.metric;
        let add = r.to.map(|num| {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::SetCount { unit: u, metric, num }))
        });
        let lock = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::ToggleLock { metric }))
        };
        let ceiling = {
            let dispatch = dispatch.clone();
            Callback::from(move |e: Event| {
                let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                let rate = Decimal::parse(text.trim().trim_end_matches('%').replace(',', ".").trim())
                    .and_then(|d| Some(Decimal { digits: d.digits, scale: d.scale.checked_add(2)? }));
                dispatch.dispatch(Action::SetCeiling { metric, rate });
            })
        };
        let ceiling_now = state.effort.ceiling(metric);
        let ceiling_text = t.percent(ceiling_now).trim_end_matches('%').to_owned();
        let locked = state.effort.locked.contains(&metric);
        html! {
            <tr key={r.code.clone()} data-lost-metric={r.code.clone()}>
                <td><span class="group-code">{ &r.group }</span>{ " " }{ &r.name }</td>
                <td class="num">{ &r.points }<br /><span class="lost">{ format!("−{}", r.lost) }</span></td>
                <td>{ &r.action }
                    if let (Some(e), Some(p)) = (&r.effort, &r.per_point) { <br /><small class="note">{ format!("{e} · {p}") }</small> }
                </td>
                <td class="tools">
                    if let Some(add) = add {
                        <button type="button" class="link-button" data-testid="lost-add" onclick={add}>{ t.lost_add }</button>
                    }
                    <label class="small">{ t.ceiling }{ " " }
                        <input type="text" class="ceiling" inputmode="decimal" value={ceiling_text} onchange={ceiling} /></label>
                    <label class="small"><input type="checkbox" checked={locked} onchange={lock.reform(|_: Event| ())} />{ " " }{ t.lock }</label>
                </td>
            </tr>
        }
    };
    let fixed_rows = fixed.iter().map(|r| {
        let metric = r.metric;
        let unlock = state.effort.locked.contains(&metric).then(|| {
            let dispatch = dispatch.clone();
            Callback::from(move |_: Event| dispatch.dispatch(Action::ToggleLock { metric }))
        });
        html! {
            <tr key={r.code.clone()} data-lost-metric={r.code.clone()} class="fixed">
                <td><span class="group-code">{ &r.group }</span>{ " " }{ &r.name }</td>
                <td class="num">{ &r.points }<br /><span class="lost">{ format!("−{}", r.lost) }</span></td>
                <td>{ &r.action }</td>
                <td class="tools">
                    if let Some(unlock) = unlock {
                        <label class="small"><input type="checkbox" checked=true onchange={unlock} />{ " " }{ t.lock }</label>
                    }
                </td>
            </tr>
        }
    });
    let cols = [t.lost_cols[0], t.lost_cols[1], t.lost_cols[3]].into_iter().map(|c| html! { <th>{ c }</th> });
    html! {
        <section class="planner" data-testid="lost-panel">
            <h3 class="section-title">{ t.lost_title }</h3>
            <p class="note">{ t.lost_hint }</p>
            <EffortEditor state={state.clone()} unit={u} />
            <table class="plan-table" data-testid="points-lost">
                <thead><tr>{ for cols }<th></th></tr></thead>
                <tbody>{ for movable.iter().map(line) }</tbody>
                if !fixed.is_empty() {
                    <tbody class="fixed-rows">
                        <tr><th colspan="4" class="sub">{ t.fixed_title }</th></tr>
                        { for fixed_rows }
                    </tbody>
                }
            </table>
        </section>
    }
}

/// What one item of each kind costs: editable, with the stated defaults.
#[function_component(EffortEditor)]
fn effort_editor(Props { state, .. }: &Props) -> Html {
    let t = state.text();
    let dispatch = state.dispatcher();
    let kinds = t.kinds.iter().map(|&(kind, words)| {
        let price = state.effort.per_item.get(kind).copied().unwrap_or(plan::DEFAULT_OTHER);
        let onchange = {
            let dispatch = dispatch.clone();
            Callback::from(move |e: Event| {
                let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                if let Ok(n) = crate::engine::problem::parse_count(&text) {
                    dispatch.dispatch(Action::SetPrice { kind: kind.to_owned(), per_item: n });
                }
            })
        };
        html! {
            <label class="price">{ format!("1 {words} = ") }
                <input type="text" inputmode="numeric" data-price={kind} value={price.to_string()} {onchange} />{ format!(" {}", t.effort_units) }</label>
        }
    });
    let kinds: Vec<Html> = kinds.collect();
    let reset = Callback::from(move |_| dispatch.dispatch(Action::ResetEffort));
    html! {
        <details class="effort" data-testid="effort-model">
            <summary>{ t.effort_title }</summary>
            <p class="note">{ t.effort_hint }</p>
            <div class="prices">{ for kinds }</div>
            <button type="button" class="link-button" onclick={reset}>{ t.effort_reset }</button>
        </details>
    }
}

/// A goal (a total, or a rank among peers) → the plan of least effort; and assigned target sets.
#[function_component(GoalPanel)]
pub fn goal_panel(Props { state, unit }: &Props) -> Html {
    let t = state.text();
    let u = *unit;
    let total_ref = use_node_ref();
    let rank_ref = use_node_ref();
    let error = use_state(|| None::<String>);
    let seek = {
        let (dispatch, total_ref, rank_ref, error) =
            (state.dispatcher(), total_ref.clone(), rank_ref.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (total, rank) = (value_of(&total_ref), value_of(&rank_ref));
            let goal = if !rank.trim().is_empty() {
                lever_input::parse_rank(t, &rank).map(Goal::Rank)
            } else {
                lever_input::parse_points(t, &total).map(Goal::Total)
            };
            match goal {
                Ok(goal) => {
                    error.set(None);
                    dispatch.dispatch(Action::GoalSeek { unit: u, goal });
                }
                Err(msg) => error.set(Some(msg)),
            }
        })
    };
    let plan_view = state.plan.as_ref().filter(|p| p.plan.unit == u).map(|p| {
        let goal_words = match p.goal {
            Goal::Rank(r) => Some(fill(t.plan_needed_rank, &[("rank", &r.to_string()), ("needed", &t.points(p.plan.needed))])),
            Goal::Total(_) => None,
        };
        // The plan's starting point: the data at the deadline when there is one.
        let start = state.horizon.as_ref().map_or_else(|| state.current.rc().clone(), |h| h.data.baseline.clone());
        let summary = plan_summary(t, state.snapshot(), &start, &p.plan, goal_words.clone());
        let apply = {
            let dispatch = state.dispatcher();
            Callback::from(move |_| dispatch.dispatch(Action::ApplyPlan))
        };
        let cols = [t.plan_cols[0], t.plan_cols[2], t.plan_cols[4], t.plan_cols[5]].into_iter().map(|c| html! { <th>{ c }</th> });
        // At a deadline: what the plan asks of the items still to come.
        let new_rates: std::collections::BTreeMap<usize, String> = state
            .horizon
            .as_ref()
            .map(|h| {
                let snap = state.snapshot();
                summary
                    .rows
                    .iter()
                    .filter_map(|r| {
                        let &(still, _) = h.projection.added.get(&(u, r.metric))?;
                        let crate::engine::MetricInput::Counts { num, .. } = snap.units[u].metrics[r.metric] else { return None };
                        let name = t.metric_name(&snap.methodology.metrics[r.metric]);
                        Some((r.metric, new_rate(t, &h.projection.to, name, num, r.to, still)))
                    })
                    .collect()
            })
            .unwrap_or_default();
        html! {
            <div class="plan">
                if let Some(why) = &summary.unreachable {
                    <p class="field-error" role="alert" data-testid="plan-unreachable">{ why }</p>
                } else if let Some(g) = goal_words {
                    <p class="note">{ g }</p>
                }
                if summary.rows.is_empty() && summary.unreachable.is_none() {
                    <p class="note" data-testid="plan">{ t.plan_nothing }</p>
                } else {
                    <table class="plan-table" data-testid="plan">
                        <thead><tr>{ for cols }</tr></thead>
                        <tbody>
                            { for summary.rows.iter().map(|r| html! {
                                <tr key={r.code.clone()} data-plan-metric={r.code.clone()} data-from={r.from.to_string()} data-to={r.to.to_string()}>
                                    <td>{ &r.name }<br /><small class="change">{ &r.more }</small>
                                        if let Some(words) = new_rates.get(&r.metric) { <br /><small class="new-rate" data-testid="new-rate">{ words }</small> }
                                    </td>
                                    <td class="num">{ &r.now }<br />{ "→ " }{ &r.planned }</td>
                                    <td class="num">{ &r.points }</td>
                                    <td class="num">{ &r.effort }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    <p class="plan-sum" data-testid="plan-sum">{ &summary.sum }</p>
                    <button type="button" class="primary" data-testid="apply-plan" onclick={apply}>{ t.plan_apply }</button>
                }
            </div>
        }
    });
    html! {
        <section class="planner" data-testid="goal-panel">
            <h3 class="section-title">{ t.goal_title }</h3>
            <HorizonPicker state={state.clone()} unit={u} />
            <form class="goal" onsubmit={seek}>
                <label>{ t.goal_total }{ " " }<input type="text" inputmode="decimal" ref={total_ref} data-testid="target-total" placeholder="94" /></label>
                <span class="note">{ t.goal_or }</span>
                <label>{ t.goal_rank }{ " " }<input type="text" inputmode="numeric" ref={rank_ref} data-testid="target-rank" placeholder="10" /></label>
                <button type="submit" class="primary" data-testid="goal-seek">{ t.goal_seek }</button>
            </form>
            if let Some(msg) = &*error { <p class="field-error" role="alert">{ msg }</p> }
            { plan_view.unwrap_or_default() }
            <TargetsPanel state={state.clone()} unit={u} />
        </section>
    }
}

/// Assigned target sets: pick one, apply it to the unit or to its whole peer group, see who reaches a
/// score; edit, name and keep sets.
#[function_component(TargetsPanel)]
fn targets_panel(Props { state, unit }: &Props) -> Html {
    let t = state.text();
    let u = *unit;
    let chosen = use_state(|| 0usize);
    let score_ref = use_node_ref();
    let score = use_state(|| crate::engine::Points(9400));
    let sets = &state.target_sets;
    let set = (*chosen).min(sets.len().saturating_sub(1));
    let dispatch = state.dispatcher();
    let pick = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            chosen.set(v.parse().unwrap_or(0));
        })
    };
    let apply = |whole_group: bool| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ApplyTargets { set, unit: u, whole_group }))
    };
    let on_score = {
        let score = score.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            if let Ok(p) = lever_input::parse_points(t, &text) {
                score.set(p);
            }
        })
    };
    let snap = state.snapshot();
    let lines_for_unit = state
        .target_report
        .as_ref()
        .and_then(|r| r.lines.iter().find(|(v, _)| *v == u).map(|(_, l)| l.clone()))
        .unwrap_or_default();
    let report = state.target_report.as_ref().filter(|r| r.lines.len() > 1).map(|r| {
        let mut units: Vec<usize> = r.lines.iter().map(|(v, _)| *v).collect();
        crate::engine::sorting::sort_by_key(&mut units, |&v| (state.current.ranks[v].rank, v));
        let reach = units.iter().filter(|&&v| state.current.units[v].total >= *score).count();
        let cols = t.targets_cols.iter().map(|c| html! { <th>{ *c }</th> });
        html! {
            <div class="target-report" data-testid="target-report">
                <p>{ fill(t.targets_report, &[("set", &r.set), ("n", &units.len().to_string()), ("reach", &reach.to_string()), ("score", &t.points(*score))]) }</p>
                <table class="plan-table">
                    <thead><tr>{ for cols }</tr></thead>
                    <tbody>
                        { for units.iter().map(|&v| {
                            let (before, after) = (state.baseline().units[v].total, state.current.units[v].total);
                            html! {
                                <tr key={v} data-unit={snap.units[v].code.clone()}>
                                    <td class="num">{ state.baseline().ranks[v].rank }</td>
                                    <td><bdi>{ &*state.data.names[v] }</bdi></td>
                                    <td class="num">{ t.points(before) }</td>
                                    <td class="num" data-testid="target-total-after">{ t.points(after) }</td>
                                    <td class="num">{ state.current.ranks[v].rank }</td>
                                    <td>{ if after >= *score { t.yes } else { t.no } }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        }
    });
    html! {
        <div class="targets">
            <h3 class="section-title">{ t.targets_title }</h3>
            <p class="note">{ t.targets_hint }</p>
            <div class="goal">
                <select data-testid="target-set" onchange={pick}>
                    { for sets.iter().enumerate().map(|(i, s)| html! { <option value={i.to_string()} selected={i == set}>{ &s.name }</option> }) }
                </select>
                <button type="button" class="primary" data-testid="apply-targets" onclick={apply(false)}>{ t.targets_apply }</button>
                <button type="button" data-testid="apply-targets-all" onclick={apply(true)}>{ t.targets_apply_all }</button>
                <label>{ t.targets_score }{ " " }<input type="text" inputmode="decimal" ref={score_ref} value={t.points(*score)} onchange={on_score} /></label>
            </div>
            if !lines_for_unit.is_empty() {
                <ul class="target-lines" data-testid="target-lines">
                    { for lines_for_unit.iter().map(|l| html! { <li>{ target_line(t, snap, l) }</li> }) }
                </ul>
            }
            { report.unwrap_or_default() }
            <TargetEditor state={state.clone()} unit={u} set={set} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    state: UseReducerHandle<State>,
    unit: usize,
    set: usize,
}

/// Edit a set's rates (from the chosen one), name it, keep it (with the scenarios, in this browser).
#[function_component(TargetEditor)]
fn target_editor(EditorProps { state, set, .. }: &EditorProps) -> Html {
    let t = state.text();
    let m = &state.snapshot().methodology;
    let base = state.target_sets.get(*set).cloned().unwrap_or(TargetSet { name: String::new(), minimum: Vec::new() });
    let name_ref = use_node_ref();
    let form_ref = use_node_ref();
    // The metrics a set can name: those scored from counts of the unit's own.
    let metrics: Vec<usize> = (0..m.metrics.len())
        .filter(|&k| {
            let d = &m.metrics[k];
            !matches!(d.rule, crate::engine::methodology::Rule::Given | crate::engine::methodology::Rule::Monitor)
                && d.inherit == crate::engine::methodology::Inherit::None
        })
        .collect();
    let save = {
        let (dispatch, name_ref, form_ref, metrics) =
            (state.dispatcher(), name_ref.clone(), form_ref.clone(), metrics.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = form_ref.cast::<web_sys::Element>() else { return };
            let mut minimum = Vec::new();
            for &k in &metrics {
                let Ok(Some(el)) = form.query_selector(&format!("input[data-target-metric='{k}']")) else { continue };
                let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el) else { continue };
                let text = input.value();
                let text = text.trim().trim_end_matches('%').trim().replace(',', ".");
                if let Some(d) = Decimal::parse(&text)
                    .and_then(|d| Some(Decimal { digits: d.digits, scale: d.scale.checked_add(2)? }))
                {
                    if d.as_fraction().0 > 0 && d.as_fraction().0 <= d.as_fraction().1 {
                        minimum.push((k, d));
                    }
                }
            }
            dispatch.dispatch(Action::SaveTargetSet(TargetSet { name: value_of(&name_ref), minimum }));
        })
    };
    let delete = (*set > 0).then(|| {
        let (dispatch, name) = (state.dispatcher(), base.name.clone());
        Callback::from(move |_| dispatch.dispatch(Action::DeleteTargetSet(name.clone())))
    });
    let inputs = metrics.iter().map(|&k| {
        let rate = base.minimum.iter().find(|(x, _)| *x == k).map(|(_, r)| t.percent(*r).trim_end_matches('%').to_owned()).unwrap_or_default();
        html! {
            <label class="target-rate">{ t.metric_name(&m.metrics[k]) }{ " " }
                <input type="text" inputmode="decimal" data-target-metric={k.to_string()} value={rate} />{ " %" }</label>
        }
    });
    html! {
        <details class="target-editor">
            <summary>{ t.targets_edit }</summary>
            <form ref={form_ref} onsubmit={save}>
                <div class="target-rates">{ for inputs }</div>
                <label>{ t.targets_name }{ " " }<input type="text" ref={name_ref} value={if *set > 0 { base.name.clone() } else { String::new() }} /></label>
                <button type="submit">{ t.targets_save }</button>
                if let Some(delete) = delete { <button type="button" class="link-button" onclick={delete}>{ t.targets_delete }</button> }
            </form>
        </details>
    }
}

/// The deadline the plan runs to: today's counts (changing what is already counted), or the end of the
/// month, quarter or year, or a date the user picks; with the items still to come, from the pace or
/// typed, per metric of the unit.
#[function_component(HorizonPicker)]
fn horizon_picker(Props { state, unit }: &Props) -> Html {
    let t = state.text();
    let u = *unit;
    let snap = state.snapshot();
    let (Some(period), Some(captured)) = (&snap.meta.period, &snap.meta.captured) else { return html! {} };
    let choices = deadlines(t, captured, &period.to);
    let current = state.horizon.as_ref().map(|h| h.projection.to.clone());
    let other = use_state(|| false);
    let dispatch = state.dispatcher();
    let pick = {
        let (dispatch, other) = (dispatch.clone(), other.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            match v.as_str() {
                "" => {
                    other.set(false);
                    dispatch.dispatch(Action::SetHorizon(None));
                }
                "other" => other.set(true),
                date => {
                    other.set(false);
                    dispatch.dispatch(Action::SetHorizon(Some(date.to_owned())));
                }
            }
        })
    };
    let on_date = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            if !v.is_empty() {
                dispatch.dispatch(Action::SetHorizon(Some(v)));
            }
        })
    };
    let known = current.as_ref().is_some_and(|c| choices.iter().any(|(_, d)| d == c));
    let details = state.horizon.as_ref().map(|h| {
        let p = &h.projection;
        let m = &snap.methodology;
        let rows = (0..m.metrics.len()).filter_map(|k| {
            let &(still, _) = p.added.get(&(u, k))?;
            let crate::engine::MetricInput::Counts { num, den } = snap.units[u].metrics[k] else { return None };
            let onchange = {
                let dispatch = dispatch.clone();
                Callback::from(move |e: Event| {
                    let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                    let count = crate::engine::problem::parse_count(&text).ok();
                    dispatch.dispatch(Action::SetStillToCome { unit: u, metric: k, count });
                })
            };
            Some(html! {
                <tr key={k} data-still-metric={m.metrics[k].code.clone()}>
                    <td>{ t.metric_name(&m.metrics[k]) }</td>
                    <td class="num">{ format!("{} / {}", t.int(num), t.int(den)) }</td>
                    <td class="num"><input type="text" inputmode="numeric" class="ceiling" value={still.to_string()} {onchange} /></td>
                </tr>
            })
        });
        let cols = t.horizon_cols.iter().map(|c| html! { <th>{ *c }</th> });
        html! {
            <div class="horizon" data-testid="horizon">
                <p class="note">{ fill(t.horizon_pace, &[
                    ("date", &t.date(&p.to)), ("from", &t.date(&period.from)), ("captured", &t.date(captured)),
                    ("elapsed", &p.elapsed.to_string()), ("remaining", &p.remaining.to_string()),
                ]) }</p>
                <details>
                    <summary>{ t.horizon_cols[2] }</summary>
                    <table class="plan-table"><thead><tr>{ for cols }</tr></thead><tbody>{ for rows }</tbody></table>
                </details>
            </div>
        }
    });
    html! {
        <div class="goal">
            <label>{ t.horizon_label }{ " " }
                <select data-testid="horizon" onchange={pick}>
                    <option value="" selected={current.is_none() && !*other}>{ t.horizon_now }</option>
                    { for choices.iter().map(|(label, date)| html! {
                        <option value={date.clone()} selected={current.as_deref() == Some(date.as_str())}>{ label }</option>
                    }) }
                    <option value="other" selected={*other || (current.is_some() && !known)}>{ t.horizon_other }</option>
                </select>
            </label>
            if *other || (current.is_some() && !known) {
                <input type="date" data-testid="horizon-date" min={captured.clone()} max={period.to.clone()}
                       value={current.clone().unwrap_or_default()} onchange={on_date} />
            }
            { details.unwrap_or_default() }
        </div>
    }
}
