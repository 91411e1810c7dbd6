use yew::prelude::*;

use crate::present::breakdown::{breakdown, GroupRow};
use crate::present::{format, labels};
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

/// The selected unit's breakdown: each group out of its maximum, every metric with its counts, rate,
/// points and points lost.
#[function_component(UnitDetail)]
pub fn unit_detail(Props { state }: &Props) -> Html {
    let Some(u) = state.selected else {
        return html! { <p class="hint">{ labels::SELECT_HINT }</p> };
    };
    let unit = &state.snapshot.units[u];
    let b = breakdown(&state.snapshot, &state.scores, u);
    let close = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Select(None)))
    };
    html! {
        <section class="unit-detail" data-testid="unit-detail" data-unit={unit.code.clone()}>
            <div class="detail-head">
                <h2>{ &unit.name }</h2>
                <button type="button" class="close" onclick={close} aria-label={labels::CLOSE}>{ "×" }</button>
            </div>
            <p class="summary">
                <span class="big" data-testid="unit-total">{ format::points(b.total) }</span>
                { format!(" / {} {}", format::points(b.total_max), labels::POINTS_UNIT) }
                <span class="lost">{ format!(" · {} {}", labels::LOST, format::points(b.lost)) }</span>
                <span class="rank-line">
                    { format!(" · {} ", labels::RANK_AMONG) }
                    <strong data-testid="unit-rank">{ b.rank.rank }</strong>
                    { format!("/{} {}", b.rank.of, labels::level_plural(unit.level).to_lowercase()) }
                </span>
            </p>
            { for b.groups.iter().map(group_view) }
        </section>
    }
}

fn group_view(g: &GroupRow) -> Html {
    let pct = if g.max.hundredths() == 0 { 0 } else { g.points.hundredths() * 100 / g.max.hundredths() };
    let metrics = g.metrics.iter().map(|r| {
        let (num, den, rate) = match r.counts {
            Some((n, d)) => (format::int(n), format::int(d), format::rate(n, d)),
            None => ("—".into(), "—".into(), "—".into()),
        };
        html! {
            <tr data-metric={r.code.clone()}>
                <th scope="row">
                    { &r.name }
                    <small class="code">{ format!("{} · {} {} {}", r.code, labels::MAX, format::points(r.max), labels::POINTS_UNIT) }</small>
                    if let Some(t) = &r.full_from { <small class="note">{ format!("{} {}", labels::TARGET_AT, t) }</small> }
                    if let Some(n) = r.note { <small class="note">{ n }</small> }
                </th>
                <td class="num">{ num }</td>
                <td class="num">{ den }</td>
                <td class="num">{ rate }</td>
                <td class="num points">{ r.points.map_or("—".to_owned(), format::points) }</td>
                <td class={classes!("num", "lost", (r.lost.hundredths() > 0).then_some("has-lost"))}>{ format::points(r.lost) }</td>
            </tr>
        }
    });
    html! {
        <div class="group" data-group={g.code.clone()}>
            <h3>
                <span class="group-code">{ &g.code }</span>
                <span class="group-name">{ &g.name }</span>
                <span class="group-points">
                    <strong data-testid={format!("group-{}", g.code)}>{ format::points(g.points) }</strong>
                    { format!(" / {}", format::points(g.max)) }
                    if g.lost.hundredths() > 0 { <span class="lost">{ format!(" (−{})", format::points(g.lost)) }</span> }
                </span>
            </h3>
            <div class="bar" role="img" aria-label={format!("{}%", pct)}><span style={format!("width:{pct}%")}></span></div>
            if g.given {
                <p class="note">{ labels::GIVEN_GROUP }</p>
            } else {
                <table class="metrics">
                    <thead><tr>
                        <th scope="col">{ labels::METRIC }</th>
                        <th scope="col" class="num">{ labels::NUMERATOR }</th>
                        <th scope="col" class="num">{ labels::DENOMINATOR }</th>
                        <th scope="col" class="num">{ labels::RATE }</th>
                        <th scope="col" class="num">{ labels::POINTS }</th>
                        <th scope="col" class="num">{ labels::LOST }</th>
                    </tr></thead>
                    <tbody>{ for metrics }</tbody>
                </table>
            }
        </div>
    }
}
