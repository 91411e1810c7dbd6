use yew::prelude::*;

use crate::present::{format, labels};
use crate::state::{Action, SortColumn, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

/// The ranking of the shown peer group: rank, unit, the six groups and the total; sortable by any
/// column; a row selects its unit (click, Enter or Space).
#[function_component(RankingTable)]
pub fn ranking_table(Props { state }: &Props) -> Html {
    let m = &state.snapshot.methodology;
    // The selected row is scrolled into view (a unit chosen by link may be far down the list).
    let selected_row = use_node_ref();
    {
        let selected_row = selected_row.clone();
        use_effect_with((state.selected, state.peer_group), move |_| {
            if let Some(row) = selected_row.cast::<web_sys::Element>() {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                row.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    let header = |column: SortColumn, label: Html, title: String, class: &'static str| {
        let active = state.sort.column == column;
        let aria_sort = match (active, state.sort.natural, column) {
            (false, ..) => "none",
            (true, natural, SortColumn::Name | SortColumn::Rank) => if natural { "ascending" } else { "descending" },
            (true, natural, _) => if natural { "descending" } else { "ascending" },
        };
        let onclick = {
            let state = state.clone();
            Callback::from(move |_| state.dispatch(Action::SortBy(column)))
        };
        html! {
            <th scope="col" class={class} aria-sort={aria_sort}>
                <button type="button" class="sort" {title} {onclick}>
                    { label }
                    <span class="sort-mark" aria-hidden="true">{ if active { if aria_sort == "ascending" { "▲" } else { "▼" } } else { "" } }</span>
                </button>
            </th>
        }
    };
    let group_headers = m.groups.iter().enumerate().map(|(g, group)| {
        header(
            SortColumn::Group(g),
            html! { <>{ &group.code }<small>{ format!("/{}", group.max.hundredths() / 100) }</small></> },
            format!("{} (tối đa {} điểm)", group.name, format::points(group.max)),
            "num",
        )
    });
    let rows = state.visible_rows();
    let body = rows.iter().map(|&u| {
        let unit = &state.snapshot.units[u];
        let score = &state.scores.units[u];
        let selected = state.selected == Some(u);
        let select = {
            let state = state.clone();
            let code = unit.code.clone();
            move || state.dispatch(Action::Select(Some(code.clone())))
        };
        let onclick = {
            let select = select.clone();
            Callback::from(move |_: MouseEvent| select())
        };
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                select();
            }
        });
        let groups = score.groups.iter().map(|g| {
            html! { <td class={classes!("num", g.given.then_some("given"))}>{ format::points(g.points) }</td> }
        });
        let node_ref = if selected { selected_row.clone() } else { NodeRef::default() };
        html! {
            <tr key={unit.code.clone()} ref={node_ref} data-unit={unit.code.clone()} tabindex="0" aria-selected={selected.to_string()}
                class={classes!(selected.then_some("selected"))} {onclick} {onkeydown}>
                <td class="rank">{ state.scores.ranks[u].rank }</td>
                <td class="name">{ &unit.name }</td>
                { for groups }
                <td class="num total">{ format::points(score.total) }</td>
            </tr>
        }
    });
    let columns = m.groups.len() + 3;
    html! {
        <div class="table-wrap">
            <table class="ranking-table" data-testid="ranking">
                <caption class="visually-hidden">{ labels::RANKING_CAPTION }</caption>
                <thead>
                    <tr>
                        { header(SortColumn::Rank, html! { labels::COL_RANK }, labels::COL_RANK.into(), "rank") }
                        { header(SortColumn::Name, html! { labels::COL_UNIT }, labels::COL_UNIT.into(), "name") }
                        { for group_headers }
                        { header(SortColumn::Total, html! { labels::COL_TOTAL }, format!("{} (tối đa 100)", labels::TOTAL), "num") }
                    </tr>
                </thead>
                <tbody>
                    { for body }
                    if rows.is_empty() {
                        <tr><td colspan={columns.to_string()} class="empty">{ labels::NO_MATCH }</td></tr>
                    }
                </tbody>
            </table>
            <p class="legend">{ labels::GIVEN_LEGEND }</p>
        </div>
    }
}
