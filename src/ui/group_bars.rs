use yew::prelude::*;

use crate::present::breakdown::GroupRow;
use crate::present::text::{fill, Text};

/// Each group's points before (grey) and under the scenario (colour), out of its maximum: hand-made
/// SVG, no chart library. (A view function.)
pub fn group_bars(t: &Text, groups: &[GroupRow]) -> Html {
    // Whole SVG units throughout: float formatting would add ~10 KB of wasm.
    const ROW: u32 = 24;
    const LABEL: u32 = 52;
    const WIDTH: u32 = 250;
    let height = ROW * groups.len() as u32;
    let bars = groups.iter().enumerate().map(|(i, g)| {
        let y = i as u32 * ROW;
        let scale = |p: crate::engine::Points| WIDTH * p.hundredths() / g.max.hundredths().max(1);
        let up = g.points > g.baseline_points;
        html! {
            <g>
                <title>{ fill(t.bar_title, &[("code", &g.code), ("name", &g.name), ("before", &t.points(g.baseline_points)), ("after", &t.points(g.points)), ("max", &t.points(g.max))]) }</title>
                <text x="0" y={(y + 15).to_string()} class="bar-label">{ &g.code }</text>
                <rect x={LABEL.to_string()} y={(y + 3).to_string()} width={WIDTH.to_string()} height="18" class="bar-track" />
                <rect x={LABEL.to_string()} y={(y + 3).to_string()} width={scale(g.baseline_points).to_string()} height="8" class="bar-before" />
                <rect x={LABEL.to_string()} y={(y + 12).to_string()} width={scale(g.points).to_string()} height="9"
                      class={classes!("bar-after", up.then_some("up"))} />
                <text x={(LABEL + WIDTH + 6).to_string()} y={(y + 15).to_string()} class="bar-value">
                    { format!("{}/{}", t.points(g.points), g.max.hundredths() / 100) }
                </text>
            </g>
        }
    });
    html! {
        <svg class="group-bars" viewBox={format!("0 0 370 {height}")} role="img" aria-label={t.bars_title}>
            { for bars }
        </svg>
    }
}
