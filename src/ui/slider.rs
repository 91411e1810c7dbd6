use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the slider moves, for screen readers.
    pub label: AttrValue,
    pub value: u64,
    pub max: u64,
    /// The snapshot's value, marked on the track.
    #[prop_or_default]
    pub baseline: Option<u64>,
    /// How the value reads (rate, count), for screen readers.
    pub value_text: AttrValue,
    #[prop_or_default]
    pub metric: Option<AttrValue>,
    #[prop_or_default]
    pub lever: Option<AttrValue>,
    pub onchange: Callback<u64>,
}

/// One reusable range slider: native `input[type=range]` (arrow keys, Page Up/Down, screen readers),
/// with the baseline marked on its track.
#[function_component(Slider)]
pub fn slider(props: &Props) -> Html {
    let oninput = {
        let onchange = props.onchange.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<u64>() {
                onchange.emit(v);
            }
        })
    };
    let mark = props.baseline.filter(|_| props.max > 0).map(|b| {
        let pct = b as f64 * 100.0 / props.max as f64;
        html! { <span class="baseline-mark" aria-hidden="true" style={format!("left:{pct:.2}%")}></span> }
    });
    html! {
        <span class="slider">
            <input type="range" min="0" max={props.max.to_string()} step="1" value={props.value.to_string()}
                   aria-label={props.label.clone()} aria-valuetext={props.value_text.clone()}
                   data-metric={props.metric.clone()} data-lever={props.lever.clone()} {oninput} />
            { for mark }
        </span>
    }
}
