//! The province and the nation: the province's bar (its total and national rank under the scenario,
//! always in view), the province's panel (national ranking, a plan for the province spread over its
//! units) and who drags the province down. Figures from `engine::nation` and `engine::province`, worded
//! by `present::province`; these components lay them out and dispatch.

use yew::prelude::*;

use super::download::download;
use crate::engine::province;
use crate::present::text::fill;
use crate::present::{export, lever_input, province as words};
use crate::state::{Action, DetailTab, ProvinceGoal, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

fn value_of(node: &NodeRef) -> String {
    node.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// The province's total and groups under the scenario beside the baseline, and its rank among the
/// provinces: in view whichever unit is selected.
#[function_component(ProvinceBar)]
pub fn province_bar(Props { state }: &Props) -> Html {
    let t = state.text();
    let Some(root) = state.province() else { return html! {} };
    let b = words::bar(t, state.snapshot(), state.baseline(), &state.current, root, state.nation.as_deref());
    let open = {
        let (dispatch, code) = (state.dispatcher(), b.code.clone());
        Callback::from(move |_| {
            dispatch.dispatch(Action::Select(Some(code.clone())));
            dispatch.dispatch(Action::ShowTab(DetailTab::Province));
        })
    };
    let changed = !b.delta.is_empty();
    html! {
        <section class="province-bar" data-testid="province-bar" title={t.province_bar_title}>
            <span class="pb-name"><bdi>{ &b.name }</bdi></span>
            <span class="pb-total">
                { t.province_bar }{ " " }
                if changed { <span class="was">{ format!("{} → ", b.before) }</span> }
                <strong data-testid="province-total">{ &b.after }</strong>
                if changed { <span class="delta" data-testid="province-delta">{ format!(" ({})", b.delta) }</span> }
            </span>
            <span class="pb-groups">
                { for b.groups.iter().map(|g| html! {
                    <span class={classes!("pb-group", g.changed.then_some("changed"))} data-group={g.code.clone()}>
                        <span class="group-code">{ &g.code }</span>{ " " }
                        if g.changed { <span class="was">{ format!("{} → ", g.before) }</span> }
                        { &g.after }
                    </span>
                }) }
            </span>
            <span class="pb-nation">
                { t.national_rank }{ " " }
                {
                    match &b.national {
                        Some(n) => html! {
                            <>
                                if n.before.rank != n.after.rank { <span class="was">{ format!("{} → ", n.before.rank) }</span> }
                                <strong data-testid="national-rank">{ n.after.rank }</strong>
                                { fill(t.national_of, &[("n", &n.after.of.to_string())]) }
                                if !n.passes.is_empty() { <small class="note" data-testid="national-passes">{ format!(" · {}", n.passes) }</small> }
                            </>
                        },
                        None => html! { <small class="note">{ t.national_none }</small> },
                    }
                }
            </span>
            <button type="button" class="primary" data-testid="open-province" onclick={open}>{ t.province_open }</button>
        </section>
    }
}

/// The province's panel: where it stands among the provinces under the scenario, and a plan for its
/// total (a score or a national rank) spread over its units.
#[function_component(ProvincePanel)]
pub fn province_panel(Props { state }: &Props) -> Html {
    let t = state.text();
    let total_ref = use_node_ref();
    let rank_ref = use_node_ref();
    let error = use_state(|| None::<String>);
    let Some(root) = state.province() else { return html! {} };
    let snap = state.snapshot();
    let (before, now) = (state.baseline().units[root].total, state.current.units[root].total);
    let asked = match state.province_plan.as_ref().map(|p| p.goal) {
        Some(ProvinceGoal::NationalRank(r)) => Some(r),
        _ => None,
    };
    let nation = state.nation.as_ref().map(|view| {
        let rows = words::nation_rows(view, t, before, now);
        let (heading, lines) = words::agreement(t, snap, view);
        let date = view.nation.list.meta.captured.as_deref().map(|d| t.date(d)).unwrap_or_default();
        let cols = t.nation_cols.iter().map(|c| html! { <th>{ *c }</th> });
        html! {
            <div class="nation" data-testid="nation">
                <h3 class="section-title">{ t.nation_title }</h3>
                <p class="note">{ fill(t.nation_hint, &[("date", &date)]) }</p>
                <ul class="gaps" data-testid="nation-gaps">
                    { for words::gaps(t, view, now, asked).into_iter().map(|g| html! { <li>{ g }</li> }) }
                </ul>
                <p class={classes!("note", (!lines.is_empty()).then_some("warning"))} data-testid="nation-agreement">{ heading }</p>
                if !lines.is_empty() { <ul class="warning">{ for lines.iter().map(|l| html! { <li>{ l }</li> }) }</ul> }
                <details>
                    <summary>{ t.nation_title }{ format!(" ({})", rows.len()) }</summary>
                    <table class="plan-table" data-testid="national-table">
                        <thead><tr>{ for cols }</tr></thead>
                        <tbody>
                            { for rows.iter().map(|r| html! {
                                <tr key={r.code.clone()} data-province={r.code.clone()}
                                    class={classes!(r.own.then_some("own"), r.passed.then_some("passed"))}>
                                    <td class="num">{ r.rank }</td>
                                    <td><bdi>{ &r.name }</bdi></td>
                                    <td class="num">{ &r.total }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </details>
            </div>
        }
    });
    let seek = {
        let (dispatch, total_ref, rank_ref, error) =
            (state.dispatcher(), total_ref.clone(), rank_ref.clone(), error.clone());
        let has_nation = state.nation.is_some();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (total, rank) = (value_of(&total_ref), value_of(&rank_ref));
            let goal = if has_nation && !rank.trim().is_empty() {
                lever_input::parse_rank(t, &rank).map(ProvinceGoal::NationalRank)
            } else {
                lever_input::parse_points(t, &total).map(ProvinceGoal::Total)
            };
            match goal {
                Ok(goal) => {
                    error.set(None);
                    dispatch.dispatch(Action::ProvinceSeek(goal));
                }
                Err(msg) => error.set(Some(msg)),
            }
        })
    };
    let plan = state.province_plan.as_ref().map(|p| {
        let plan = &p.plan;
        let rows = words::plan_rows(t, snap, plan);
        let sum = words::plan_sum(t, plan, now, state.nation.as_deref());
        let needed_rank = match p.goal {
            ProvinceGoal::NationalRank(r) => {
                Some(fill(t.province_plan_needed_rank, &[("rank", &r.to_string()), ("needed", &t.points(plan.needed))]))
            }
            ProvinceGoal::Total(_) => None,
        };
        let unreachable = (!plan.reached).then(|| {
            fill(t.province_plan_unreachable, &[("needed", &t.points(plan.needed)), ("best", &t.points(plan.total))])
        });
        let apply = {
            let dispatch = state.dispatcher();
            Callback::from(move |_| dispatch.dispatch(Action::ApplyProvincePlan))
        };
        let export = {
            let (state, plan) = (state.clone(), plan.clone());
            Callback::from(move |_| {
                let code = &state.snapshot().units[plan.root].code;
                let name = export::file_name(&["ke-hoach-tinh", code, &today()], "csv");
                download(&name, "text/csv;charset=utf-8", &export::province_plan(t, state.snapshot(), &plan));
            })
        };
        let cols = t.province_plan_cols.iter().map(|c| html! { <th>{ *c }</th> });
        html! {
            <div class="plan" data-testid="province-plan">
                if let Some(why) = unreachable {
                    <p class="field-error" role="alert" data-testid="province-plan-unreachable">{ why }</p>
                } else if let Some(w) = needed_rank {
                    <p class="note">{ w }</p>
                }
                if rows.is_empty() {
                    <p class="note">{ t.province_plan_nothing }</p>
                } else {
                    <p class="note">{ t.province_plan_hint }</p>
                    <table class="plan-table">
                        <thead><tr>{ for cols }</tr></thead>
                        <tbody>
                            { for rows.iter().map(|r| html! {
                                <tr key={r.code.clone()} data-plan-unit={r.code.clone()}>
                                    <td><bdi>{ &r.name }</bdi><br /><small class="note">{ &r.code }</small></td>
                                    <td>{ for r.moves.iter().map(|m| html! { <div class="change">{ m }</div> }) }</td>
                                    <td class="num">{ &r.total }</td>
                                    <td class="num">{ &r.effort }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    <p class="plan-sum" data-testid="province-plan-sum">{ sum }</p>
                    <button type="button" class="primary" data-testid="apply-province-plan" onclick={apply}>{ t.province_plan_apply }</button>
                    { " " }
                    <button type="button" class="link-button" data-testid="export-province-plan" onclick={export}>{ t.province_plan_export }</button>
                }
            </div>
        }
    });
    html! {
        <section class="planner" data-testid="province-panel">
            { nation.unwrap_or_default() }
            <h3 class="section-title">{ t.province_goal_title }</h3>
            <form class="goal" onsubmit={seek}>
                <label>{ t.province_goal_total }{ " " }
                    <input type="text" inputmode="decimal" ref={total_ref} data-testid="target-province-total" placeholder="70" /></label>
                if state.nation.is_some() {
                    <span class="note">{ t.goal_or }</span>
                    <label>{ t.province_goal_rank }{ " " }
                        <input type="text" inputmode="numeric" ref={rank_ref} data-testid="target-national-rank" placeholder="10" /></label>
                }
                <button type="submit" class="primary" data-testid="goal-seek-province">{ t.province_goal_seek }</button>
            </form>
            if let Some(msg) = &*error { <p class="field-error" role="alert">{ msg }</p> }
            { plan.unwrap_or_default() }
        </section>
    }
}

/// Who drags the province down: for each metric its units' counts make, the province's lost points
/// and each unit's share; and the shares summed per unit. Exported as a table to publish.
#[function_component(DragPanel)]
pub fn drag_panel(Props { state }: &Props) -> Html {
    let t = state.text();
    let Some(root) = state.province() else { return html! {} };
    let snap = state.snapshot();
    let drags = province::drag(snap, &state.scenario, &state.current, root);
    let views = words::drag_views(t, snap, &drags);
    let totals = words::drag_totals(t, snap, &drags);
    let export = {
        let state = state.clone();
        Callback::from(move |_| {
            let drags = province::drag(state.snapshot(), &state.scenario, &state.current, root);
            let code = &state.snapshot().units[root].code;
            let name = export::file_name(&["don-vi-keo-diem", code, &today()], "csv");
            download(&name, "text/csv;charset=utf-8", &export::drag(t, state.snapshot(), &state.scenario, &drags));
        })
    };
    /// Rows shown per metric before "and n more".
    const SHOWN: usize = 10;
    let cols = || t.drag_cols.iter().map(|c| html! { <th>{ *c }</th> });
    html! {
        <section class="planner" data-testid="drag-panel">
            <h3 class="section-title">{ t.drag_title }</h3>
            <p class="note">{ t.drag_hint }</p>
            if views.is_empty() {
                <p class="note">{ t.drag_none }</p>
            } else {
                <button type="button" class="link-button" data-testid="export-drag" onclick={export}>{ t.drag_export }</button>
                <h4>{ t.drag_by_unit }</h4>
                <table class="plan-table" data-testid="drag-by-unit">
                    <thead><tr><th>{ t.drag_cols[0] }</th><th>{ t.drag_cols[2] }</th></tr></thead>
                    <tbody>
                        { for totals.iter().take(SHOWN).map(|r| html! {
                            <tr key={r.code.clone()} data-drag-unit={r.code.clone()}>
                                <td><bdi>{ &r.name }</bdi></td><td class="num">{ &r.points }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                if totals.len() > SHOWN { <p class="note">{ fill(t.drag_more, &[("n", &(totals.len() - SHOWN).to_string())]) }</p> }
                { for views.iter().enumerate().map(|(i, v)| html! {
                    <details class="drag" data-drag-metric={v.code.clone()} open={i == 0}>
                        <summary><span class="group-code">{ &v.group }</span>{ " " }{ &v.name }{ ": " }{ &v.head }</summary>
                        <table class="plan-table">
                            <thead><tr>{ for cols() }</tr></thead>
                            <tbody>
                                { for v.rows.iter().take(SHOWN).map(|r| html! {
                                    <tr key={r.code.clone()} data-drag-unit={r.code.clone()}>
                                        <td><bdi>{ &r.name }</bdi></td>
                                        <td class="num">{ &r.missing }</td>
                                        <td class="num">{ &r.points }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                        if v.rows.len() > SHOWN { <p class="note">{ fill(t.drag_more, &[("n", &(v.rows.len() - SHOWN).to_string())]) }</p> }
                    </details>
                }) }
            }
        </section>
    }
}
