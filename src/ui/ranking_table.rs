use yew::prelude::*;

use crate::present::text::fill;
use std::rc::Rc;

use crate::present::text::Lang;
use crate::state::{Action, Loaded, Shared, Sort, SortColumn, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

/// Row height in pixels (fixed in style.css), for windowed rendering.
const ROW_PX: i32 = 29;
/// Height of the sticky header row (style.css).
const HEAD_PX: i32 = 40;
/// Peer groups larger than this render only the rows in view (and a margin).
const WINDOW_FROM: usize = 300;
const OVERSCAN: i32 = 4;

/// The ranking of the shown peer group under the scenario: rank (and its change), unit, the six
/// groups and the total; sortable by any column; a row selects its unit (click, Enter or Space).
/// Large peer groups (thousands of units) render only what is visible.
#[function_component(RankingTable)]
pub fn ranking_table(Props { state }: &Props) -> Html {
    let t = state.text();
    let m = &state.snapshot().methodology;
    let rows = {
        let s = state.clone();
        let key = (state.current.clone(), state.sort, state.query.clone(), state.peer_group);
        use_memo(key, move |_| s.visible_rows())
    };
    let windowed = rows.len() > WINDOW_FROM;
    let view = use_state(|| (0i32, 800i32)); // (scroll top, viewport height)
    let wrap = use_node_ref();
    // The selected unit stays in view: chosen by a link far down the list, or climbing as its levers
    // move. Rows have a fixed height, so its position is arithmetic (no DOM lookup). In a windowed
    // table (thousands of peers) the view follows the selection but not every step of a drag: the
    // window would jump and redraw every row at each step.
    {
        let (wrap, rows, selected) = (wrap.clone(), rows.clone(), state.selected);
        let rank = selected.filter(|_| !windowed).map(|u| state.current.ranks[u].rank);
        use_effect_with((selected, rank, state.peer_group, rows.len()), move |_| {
            if let (Some(el), Some(u)) = (wrap.cast::<web_sys::Element>(), selected) {
                if let Some(i) = rows.iter().position(|&r| r == u) {
                    // Out of view: bring it to the middle (context above and below).
                    let (top, height) = (el.scroll_top(), el.client_height());
                    let row_top = HEAD_PX + i as i32 * ROW_PX;
                    if row_top < top + HEAD_PX || row_top + ROW_PX > top + height {
                        el.set_scroll_top(row_top - height / 2);
                        // And the table itself in the window (on a small screen the header and the data
                        // tools push it below the fold): the least scroll that shows all of it.
                        let options = web_sys::ScrollIntoViewOptions::new();
                        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                        el.scroll_into_view_with_scroll_into_view_options(&options);
                    }
                }
            }
        });
    }
    let onscroll = {
        let (view, wrap) = (view.clone(), wrap.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = wrap.cast::<web_sys::Element>() {
                view.set((el.scroll_top(), el.client_height()));
            }
        })
    };
    let (first, last) = if windowed {
        let (top, height) = *view;
        let first = (top / ROW_PX - OVERSCAN).max(0) as usize;
        let last = ((top + height) / ROW_PX + OVERSCAN).max(0) as usize;
        (first.min(rows.len()), last.min(rows.len()))
    } else {
        (0, rows.len())
    };

    // Rows are keyed by unit, each a component placed at its position by a transform: when a unit
    // climbs past the rows in view, they keep their DOM and only their rank and place change (no
    // layout: rows are absolutely placed, each its own layout root); a row whose figures did not change
    // is not rendered again. The list holds rows only, so yew diffs it by key.
    let data = &*state.data;
    // Against another period: each unit's change in rank and points (or "only in this period").
    let versus = |u: usize| {
        state.compare.as_ref().map(|c| match c.change(&state.current, u) {
            Some(ch) => Versus::Change { rank: ch.rank, total: ch.total },
            None => Versus::OnlyHere,
        })
    };
    let body = rows[first..last].iter().enumerate().map(|(i, &u)| {
        html! {
            <RankingRow key={u} top={(first + i) as u32 * ROW_PX as u32} code={AttrValue::from(Rc::clone(&data.codes[u]))} name={AttrValue::from(Rc::clone(&data.names[u]))}
                score={Shared::from(std::rc::Rc::clone(&state.current.units[u]))} rank={state.current.ranks[u].rank}
                baseline_rank={state.baseline().ranks[u].rank} selected={state.selected == Some(u)}
                changed={state.scenario.has_unit(u)} lang={state.lang} versus={versus(u)} />
        }
    });
    let versus_label = state.compare.as_ref().map(|c| AttrValue::from(t.period_or_title(&c.other.meta)));
    // One handler for every row (delegation): a render creates no closure per row.
    let select_from = {
        let state = state.clone();
        move |target: Option<web_sys::EventTarget>| {
            let row = target
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .and_then(|el| el.closest("[role=row][data-unit]").ok().flatten());
            if let Some(code) = row.and_then(|r| r.get_attribute("data-unit")) {
                state.dispatch(Action::Select(Some(code)));
            }
        }
    };
    let onclick = {
        let select_from = select_from.clone();
        Callback::from(move |e: MouseEvent| select_from(e.target()))
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            select_from(e.target());
        }
    });
    // Fixed-height rows, each its own layout root: a slider step that changes the ranks of every row in
    // view repaints those rows, and lays out nothing else. ARIA roles give screen readers the same table.
    // The groups named in words, above the codes.
    let legend = m.groups.iter().map(|g| html! { <span><b>{ &g.code }</b>{ " " }{ t.group_name(g) }</span> });
    html! {
        <>
        <p class="group-legend" data-testid="group-legend">{ for legend }</p>
        <div class="table-wrap" ref={wrap} {onscroll}>
            <div role="table" class={classes!("ranking-table", versus_label.is_some().then_some("versus"))} data-testid="ranking" aria-label={t.ranking_caption}
                 aria-rowcount={rows.len().to_string()} style={format!("--groups:{}", m.groups.len())}>
                <RankingHead dispatch={state.dispatcher()} sort={state.sort} data={state.data.clone()} lang={state.lang} versus={versus_label} />
                <div role="rowgroup" class="body" style={format!("height:{}px", rows.len() as i32 * ROW_PX)} {onclick} {onkeydown}>
                    { for body }
                </div>
                if rows.is_empty() {
                    <p class="empty">{ t.no_match }</p>
                }
            </div>
            <p class="legend">{ t.given_legend }</p>
        </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    /// Where the row sits in the table body, in pixels.
    top: u32,
    code: AttrValue,
    name: AttrValue,
    /// Compared by identity: the engine replaces a unit's scores when they change.
    score: Shared<crate::engine::UnitScore>,
    rank: u32,
    baseline_rank: u32,
    selected: bool,
    changed: bool,
    lang: crate::present::text::Lang,
    /// Against another period, when one is open.
    versus: Option<Versus>,
}

/// A unit against another period.
#[derive(Clone, Copy, PartialEq)]
enum Versus {
    /// Rank (positive: better now) and total (hundredths) changes.
    Change {
        rank: i64,
        total: i64,
    },
    OnlyHere,
}

/// One unit's row: rank and its change, name, the groups and the total.
#[function_component(RankingRow)]
fn ranking_row(p: &RowProps) -> Html {
    let t = p.lang.text();
    let moved = i64::from(p.baseline_rank) - i64::from(p.rank);
    let groups = p.score.groups.iter().map(|g| {
        html! { <div role="cell" class={classes!("cell", "num", g.given.then_some("given"))}>{ t.points(g.points) }</div> }
    });
    // The change marks are always there (empty when nothing moved): text changes, no node comes or goes.
    let mark_class = |by: i64| match by.signum() {
        1 => "up",
        -1 => "down",
        _ => "",
    };
    let mark = if moved == 0 { String::new() } else { t.rank_mark(moved) };
    html! {
        <div role="row" data-unit={p.code.clone()} tabindex="0" aria-selected={p.selected.to_string()}
            style={format!("transform:translateY({}px)", p.top)}
            class={classes!("row", p.selected.then_some("selected"), p.changed.then_some("changed"))}>
            <div role="cell" class="cell rank">{ p.rank }<small class={mark_class(moved)}>{ mark }</small></div>
            <div role="cell" class="cell name" title={p.name.clone()}>
                <bdi>{ p.name.clone() }</bdi>
                <span class="changed-mark" title={t.changed_mark}>{ if p.changed { " ●" } else { "" } }</span>
            </div>
            { for groups }
            <div role="cell" class="cell num total">{ t.points(p.score.total) }</div>
            if let Some(v) = p.versus {
                {
                    match v {
                        Versus::Change { rank, total } => {
                            let (class, mark) = (mark_class(rank), t.rank_mark(rank));
                            let points = t.hundredths_delta(total);
                            html! {
                                <div role="cell" class="cell num versus">
                                    <span class={class} data-testid="rank-delta">{ mark }</span>
                                    <small>{ format!(" {points}") }</small>
                                </div>
                            }
                        }
                        Versus::OnlyHere => html! { <div role="cell" class="cell versus"><small data-testid="rank-delta">{ t.compare_only_here_short }</small></div> },
                    }
                }
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct HeadProps {
    dispatch: UseReducerDispatcher<State>,
    sort: Sort,
    /// The other period's name, when one is compared.
    versus: Option<AttrValue>,
    data: Shared<Loaded>,
    lang: Lang,
}

/// The column headers: each sorts by its column (again: the other way). A component: a slider step
/// does not render it again.
#[function_component(RankingHead)]
fn ranking_head(HeadProps { dispatch, sort, data, lang, versus }: &HeadProps) -> Html {
    let t = lang.text();
    let header = |column: SortColumn, label: Html, title: String, class: &'static str| {
        let active = sort.column == column;
        let ascending = match column {
            SortColumn::Name | SortColumn::Rank => sort.natural,
            _ => !sort.natural,
        };
        let aria_sort = match (active, ascending) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        };
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::SortBy(column)))
        };
        html! {
            <div role="columnheader" class={classes!("cell", class)} aria-sort={aria_sort}>
                <button type="button" class="sort" {title} {onclick}>
                    { label }
                    <span class="sort-mark" aria-hidden="true">{ if !active { "" } else if ascending { "▲" } else { "▼" } }</span>
                </button>
            </div>
        }
    };
    let groups = data.snapshot.methodology.groups.iter().enumerate().map(|(g, group)| {
        header(
            SortColumn::Group(g),
            html! { <>{ &group.code }<small>{ fill(t.col_group_max, &[("max", &(group.max.hundredths() / 100).to_string())]) }</small></> },
            fill(t.col_group_title, &[("name", t.group_name(group)), ("max", &t.points(group.max))]),
            "num",
        )
    });
    html! {
        <div role="rowgroup" class="head">
            <div role="row" class="row">
                { header(SortColumn::Rank, html! { t.col_rank }, t.col_rank.into(), "rank") }
                { header(SortColumn::Name, html! { t.col_unit }, t.col_unit.into(), "name") }
                { for groups }
                { header(SortColumn::Total, html! { t.col_total }, t.col_total_title.into(), "num") }
                if let Some(v) = versus {
                    <div role="columnheader" class="cell num versus" title={fill(t.compare_col_title, &[("period", v)])}>
                        <span class="sort">{ t.compare_col }<small>{ v.clone() }</small></span>
                    </div>
                }
            </div>
        </div>
    }
}
