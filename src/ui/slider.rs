use yew::prelude::*;

/// What a slider shows and does.
pub struct Props {
    /// What the slider moves, for screen readers.
    pub label: AttrValue,
    pub value: u64,
    pub max: u64,
    /// The snapshot's value, marked on the track.
    pub baseline: Option<u64>,
    /// How the value reads (rate, count), for screen readers.
    pub value_text: AttrValue,
    pub metric: Option<AttrValue>,
    pub lever: Option<AttrValue>,
    pub onchange: Callback<u64>,
}

/// One reusable range slider: native `input[type=range]` (arrow keys, Page Up/Down, screen readers),
/// with the baseline marked on its track. A plain view function, not a component: it has no state of
/// its own and its parent decides when to render (each function component costs ~5 KB of wasm).
pub fn slider(props: Props) -> Html {
    let oninput = {
        let onchange = props.onchange;
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<u64>() {
                onchange.emit(v);
            }
        })
    };
    // Integer arithmetic (hundredths of a percent): float formatting would add ~10 KB of wasm.
    let mark = props.baseline.filter(|_| props.max > 0).map(|b| {
        let bp = u128::from(b) * 10_000 / u128::from(props.max);
        html! { <span class="baseline-mark" aria-hidden="true" style={format!("left:{}.{:02}%", bp / 100, bp % 100)}></span> }
    });
    html! {
        <span class="slider">
            <input type="range" min="0" max={props.max.to_string()} step="1" value={props.value.to_string()}
                   aria-label={props.label} aria-valuetext={props.value_text}
                   data-metric={props.metric} data-lever={props.lever} {oninput} />
            { for mark }
        </span>
    }
}
