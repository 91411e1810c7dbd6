use yew::prelude::*;

use crate::present::text::fill;
use crate::state::{Action, SortColumn, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

/// Row height in pixels (fixed in style.css), for windowed rendering.
const ROW_PX: i32 = 29;
/// Height of the sticky header row (style.css).
const HEAD_PX: i32 = 32;
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

    let header = |column: SortColumn, label: Html, title: String, class: &'static str| {
        let active = state.sort.column == column;
        let ascending = match column {
            SortColumn::Name | SortColumn::Rank => state.sort.natural,
            _ => !state.sort.natural,
        };
        let aria_sort = match (active, ascending) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        };
        let onclick = {
            let state = state.clone();
            Callback::from(move |_| state.dispatch(Action::SortBy(column)))
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
    let group_headers = m.groups.iter().enumerate().map(|(g, group)| {
        header(
            SortColumn::Group(g),
            html! { <>{ &group.code }<small>{ format!("/{}", group.max.hundredths() / 100) }</small></> },
            fill(t.col_group_title, &[("name", &group.name), ("max", &t.points(group.max))]),
            "num",
        )
    });
    // Rows are keyed by their position (slot), not by unit: when a unit climbs past the rows in view,
    // each slot keeps its DOM node and only its text changes; keyed by unit, every row would be moved
    // (and laid out again).
    let body = rows[first..last].iter().enumerate().map(|(slot, &u)| {
        let unit = &state.snapshot().units[u];
        let score = &state.current.units[u];
        let selected = state.selected == Some(u);
        let rank = state.current.ranks[u].rank;
        let moved = i64::from(state.baseline().ranks[u].rank) - i64::from(rank);
        let groups = score.groups.iter().map(|g| {
            html! { <div role="cell" class={classes!("cell", "num", g.given.then_some("given"))}>{ t.points(g.points) }</div> }
        });
        let changed = state.scenario.has_unit(u);
        html! {
            <div role="row" key={first + slot} data-unit={unit.code.clone()} tabindex="0" aria-selected={selected.to_string()}
                class={classes!("row", selected.then_some("selected"), changed.then_some("changed"))}>
                <div role="cell" class="cell rank">
                    { rank }
                    if moved > 0 { <small class="up">{ format!("▲{moved}") }</small> }
                    if moved < 0 { <small class="down">{ format!("▼{}", -moved) }</small> }
                </div>
                <div role="cell" class="cell name" title={unit.name.clone()}>
                    <bdi>{ &unit.name }</bdi>
                    if changed { <span class="changed-mark" title={t.changed_mark}>{ " ●" }</span> }
                </div>
                { for groups }
                <div role="cell" class="cell num total">{ t.points(score.total) }</div>
            </div>
        }
    });
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
    let spacer = |rows: usize| {
        (rows > 0).then(|| html! { <div class="spacer" aria-hidden="true" style={format!("height:{}px", rows as i32 * ROW_PX)}></div> })
    };
    // A grid of fixed-height rows, each its own layout root (`contain: strict`): a slider step that
    // changes the ranks of every row in view re-lays out those rows, not the whole table. ARIA roles
    // give screen readers the same table.
    html! {
        <div class="table-wrap" ref={wrap} {onscroll}>
            <div role="table" class="ranking-table" data-testid="ranking" aria-label={t.ranking_caption}
                 aria-rowcount={rows.len().to_string()} style={format!("--groups:{}", m.groups.len())}>
                <div role="rowgroup" class="head">
                    <div role="row" class="row">
                        { header(SortColumn::Rank, html! { t.col_rank }, t.col_rank.into(), "rank") }
                        { header(SortColumn::Name, html! { t.col_unit }, t.col_unit.into(), "name") }
                        { for group_headers }
                        { header(SortColumn::Total, html! { t.col_total }, t.col_total_title.into(), "num") }
                    </div>
                </div>
                <div role="rowgroup" class="body" {onclick} {onkeydown}>
                    { for spacer(first) }
                    { for body }
                    { for spacer(rows.len() - last) }
                    if rows.is_empty() {
                        <p class="empty">{ t.no_match }</p>
                    }
                </div>
            </div>
            <p class="legend">{ t.given_legend }</p>
        </div>
    }
}
