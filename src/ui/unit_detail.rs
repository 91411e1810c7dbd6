use yew::prelude::*;

use super::group_levers::{group_levers, GroupLever};
use super::lever_row::LeverRow;
use super::planner::{GoalPanel, LostPanel};
use super::province::{DragPanel, ProvincePanel};
use super::scenario_result::scenario_result;
use crate::present::breakdown::{breakdown, GroupRow, MetricRow};
use crate::present::text::{fill, Lang, Text};
use crate::state::{Action, DetailTab, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

/// The groups that get a group lever and come first, open: digitization and online payment.
pub const LEVER_GROUPS: [&str; 2] = ["MDSH", "TTTT"];

/// The selected unit: the scenario's result, the levers (digitization and online payment first and
/// open), and every group with its metrics, points and points lost.
#[function_component(UnitDetail)]
pub fn unit_detail(Props { state }: &Props) -> Html {
    let t = state.text();
    let Some(u) = state.selected else {
        return html! { <p class="hint">{ t.select_hint }</p> };
    };
    let unit = &state.snapshot().units[u];
    let b = breakdown(state.text(), state.snapshot(), &state.scenario, state.baseline(), &state.current, u);
    let ranked = state.standing(u, &state.current);
    let close = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Select(None)))
    };
    // Lever groups first, then the others in the methodology's order.
    let mut groups: Vec<&GroupRow> = b.groups.iter().collect();
    crate::engine::sorting::sort_by_key(&mut groups, |g| {
        (LEVER_GROUPS.iter().position(|c| *c == g.code).unwrap_or(LEVER_GROUPS.len()), g.index)
    });
    html! {
        <section class="unit-detail" data-testid="unit-detail" data-unit={unit.code.clone()}>
            <div class="detail-head">
                <div>
                    <h2 title={unit.name.clone()}><bdi>{ &*state.data.names[u] }</bdi></h2>
                    <p class="summary">
                        <span data-testid="unit-total">{ t.points(b.total) }</span>
                        { format!(" / {} {} · {} {}", t.points(b.total_max), t.points_unit, t.lost, t.points(b.lost)) }
                        if let Some((rank, of, among)) = ranked {
                            { format!(" · {} ", t.rank) }
                            <span data-testid="unit-rank">{ rank }</span>
                            { format!("/{of} {among}") }
                        }
                    </p>
                </div>
                <button type="button" class="close" onclick={close} aria-label={t.close}>{ "×" }</button>
            </div>
            { versus(state, u) }
            <h3 class="section-title">{ t.scenario }</h3>
            { scenario_result(state, u, &b) }
            { tabs(state) }
            if let Some(e) = &state.lever_error { <p class="field-error" role="alert">{ t.lever_error(e) }</p> }
            {
                match state.tab {
                    DetailTab::WhatIf => html! {
                        <>
                            { group_levers(t, &state.dispatcher(), u, &GroupLever::of(state, u, &LEVER_GROUPS)) }
                            { for groups.into_iter().map(|g| html! {
                                <GroupView key={g.code.clone()} dispatch={state.dispatcher()} unit={u} group={g.clone()} lang={state.lang} />
                            }) }
                        </>
                    },
                    DetailTab::Lost => html! { <LostPanel state={state.clone()} unit={u} /> },
                    DetailTab::Goal => html! { <GoalPanel state={state.clone()} unit={u} /> },
                    DetailTab::Province if state.province() == Some(u) => html! { <ProvincePanel state={state.clone()} /> },
                    DetailTab::Drag if state.province() == Some(u) => html! { <DragPanel state={state.clone()} /> },
                    // The province's panels belong to the province: another unit shows its what-if.
                    DetailTab::Province | DetailTab::Drag => html! {
                        <>
                            { group_levers(t, &state.dispatcher(), u, &GroupLever::of(state, u, &LEVER_GROUPS)) }
                            { for groups.into_iter().map(|g| html! {
                                <GroupView key={g.code.clone()} dispatch={state.dispatcher()} unit={u} group={g.clone()} lang={state.lang} />
                            }) }
                        </>
                    },
                }
            }
        </section>
    }
}

/// The unit against the period compared with: total and rank then → now, and each group's change.
fn versus(state: &UseReducerHandle<State>, u: usize) -> Html {
    let t = state.text();
    let Some(c) = &state.compare else { return html! {} };
    let period = t.period_or_title(&c.other.meta);
    let Some(ch) = c.change(&state.current, u) else {
        return html! { <p class="note versus" data-testid="unit-versus">{ fill(t.compare_unit_new, &[("period", &period)]) }</p> };
    };
    let now = &state.current.units[u];
    let groups = c.groups_then(u).unwrap_or_default();
    let m = &state.snapshot().methodology;
    let lines = m.groups.iter().enumerate().filter_map(|(g, group)| {
        let (then, now) = (groups.get(g)?, now.groups[g].points);
        (*then != now).then(|| format!("{} {}", group.code, t.points_delta(*then, now)))
    });
    let mark = t.rank_mark(ch.rank);
    html! {
        <p class="note versus" data-testid="unit-versus">
            { fill(t.compare_unit, &[
                ("period", &period), ("then", &t.points(ch.total_then)), ("now", &t.points(now.total)),
                ("delta", &t.hundredths_delta(ch.total)), ("rank_then", &ch.rank_then.to_string()),
                ("rank", &state.current.ranks[u].rank.to_string()), ("mark", &mark),
            ]) }
            { " " }{ lines.collect::<Vec<_>>().join(" · ") }
        </p>
    }
}

/// The unit's panels: the what-if, points lost, a goal. (A view function.)
fn tabs(state: &UseReducerHandle<State>) -> Html {
    let t = state.text();
    let province = state.selected.is_some() && state.selected == state.province();
    let tab = |which: DetailTab, label: &'static str, id: &'static str| {
        let dispatch = state.dispatcher();
        let active = state.tab == which;
        html! {
            <button type="button" role="tab" aria-selected={active.to_string()} data-testid={id}
                    class={classes!("tab", active.then_some("active"))} onclick={Callback::from(move |_| dispatch.dispatch(Action::ShowTab(which)))}>
                { label }
            </button>
        }
    };
    html! {
        <div class="tabs detail-tabs" role="tablist">
            { tab(DetailTab::WhatIf, t.tab_what_if, "tab-what-if") }
            { tab(DetailTab::Lost, t.tab_lost, "tab-lost") }
            { tab(DetailTab::Goal, t.tab_goal, "tab-goal") }
            if province {
                { tab(DetailTab::Province, t.tab_province, "tab-province") }
                { tab(DetailTab::Drag, t.tab_drag, "tab-drag") }
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct GroupProps {
    dispatch: UseReducerDispatcher<State>,
    unit: usize,
    group: GroupRow,
    lang: Lang,
}

/// One group of the unit: its points, and its metrics (levers or fixed rows). A component, so that a
/// slider step re-renders the group it changed and not the others.
#[function_component(GroupView)]
fn group_view(GroupProps { dispatch, unit, group: g, lang }: &GroupProps) -> Html {
    let t = lang.text();
    let pct = if g.max.hundredths() == 0 { 0 } else { g.points.hundredths() * 100 / g.max.hundredths() };
    let open = LEVER_GROUPS.contains(&g.code.as_str());
    let changed = g.points != g.baseline_points;
    html! {
        <details class="group" data-group={g.code.clone()} {open}>
            <summary>
                <span class="group-code">{ &g.code }</span>
                <span class="group-name">{ &g.name }</span>
                <span class="group-points">
                    if changed { <span class="was">{ format!("{} → ", t.points(g.baseline_points)) }</span> }
                    <strong data-testid={format!("group-{}", g.code)}>{ t.points(g.points) }</strong>
                    { format!(" / {}", t.points(g.max)) }
                    if g.lost.hundredths() > 0 { <span class="lost">{ format!(" (−{})", t.points(g.lost)) }</span> }
                </span>
            </summary>
            <div class="bar" role="img" aria-label={format!("{pct}%")}><span style={format!("width:{pct}%")}></span></div>
            if g.given {
                <p class="note">{ t.given_group }</p>
            } else {
                { for g.metrics.iter().map(|r| if r.movable {
                    html! { <LeverRow key={r.code.clone()} dispatch={dispatch.clone()} unit={*unit} row={r.clone()} lang={*lang} /> }
                } else {
                    fixed_row(t, r)
                }) }
            }
        </details>
    }
}

/// A metric no lever moves here (a given score, a province-level metric on a child, monitoring).
fn fixed_row(t: &Text, r: &MetricRow) -> Html {
    let counts = r.counts.map(|(n, d)| format!("{} / {} = {}", t.int(n), t.int(d), t.rate(n, d)));
    html! {
        <div class="lever fixed" data-metric-row={r.code.clone()}>
            <div class="lever-head"><span class="lever-name">{ &r.name }</span></div>
            <div class="lever-info">
                if let Some(c) = counts { <span data-testid="metric-rate">{ c }</span>{ " · " } }
                <strong data-testid="metric-points">{ r.points.map_or("—".to_owned(), |p| t.points(p)) }</strong>
                { format!(" / {} {}", t.points(r.max), t.points_unit) }
                if let Some(n) = r.note { <small class="note">{ format!(" · {}", n.text(t)) }</small> }
            </div>
        </div>
    }
}
