use yew::prelude::*;

use crate::present::breakdown::GroupRow;
use crate::present::{format, labels};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub groups: Vec<GroupRow>,
}

/// Each group's points before (grey) and under the scenario (colour), out of its maximum: hand-made
/// SVG, no chart library.
#[function_component(GroupBars)]
pub fn group_bars(Props { groups }: &Props) -> Html {
    const ROW: f64 = 24.0;
    const LABEL: f64 = 52.0;
    const WIDTH: f64 = 250.0;
    let height = ROW * groups.len() as f64;
    let bars = groups.iter().enumerate().map(|(i, g)| {
        let y = i as f64 * ROW;
        let scale = |p: crate::engine::Points| {
            if g.max.hundredths() == 0 { 0.0 } else { WIDTH * f64::from(p.hundredths()) / f64::from(g.max.hundredths()) }
        };
        let up = g.points > g.baseline_points;
        html! {
            <g>
                <title>{ format!("{} {}: {} → {} / {}", g.code, g.name, format::points(g.baseline_points), format::points(g.points), format::points(g.max)) }</title>
                <text x="0" y={format!("{:.1}", y + 15.0)} class="bar-label">{ &g.code }</text>
                <rect x={LABEL.to_string()} y={format!("{:.1}", y + 3.0)} width={WIDTH.to_string()} height="18" class="bar-track" />
                <rect x={LABEL.to_string()} y={format!("{:.1}", y + 3.0)} width={format!("{:.1}", scale(g.baseline_points))} height="8" class="bar-before" />
                <rect x={LABEL.to_string()} y={format!("{:.1}", y + 12.0)} width={format!("{:.1}", scale(g.points))} height="9"
                      class={classes!("bar-after", up.then_some("up"))} />
                <text x={format!("{:.1}", LABEL + WIDTH + 6.0)} y={format!("{:.1}", y + 15.0)} class="bar-value">
                    { format!("{}/{}", format::points(g.points), g.max.hundredths() / 100) }
                </text>
            </g>
        }
    });
    html! {
        <svg class="group-bars" viewBox={format!("0 0 370 {height}")} role="img" aria-label={labels::BARS_TITLE}>
            { for bars }
        </svg>
    }
}
