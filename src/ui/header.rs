use yew::prelude::*;

use crate::engine::Snapshot;
use crate::present::text::Text;

/// The snapshot's title, period, source and capture date, and the methodology version. (A view function.)
pub fn snapshot_header(t: &Text, snapshot: &Snapshot) -> Html {
    let meta = &snapshot.meta;
    let period = meta.period.as_ref().map(|p| t.period(p));
    html! {
        <header class="top">
            <div class="brand">
                <span class="app-name">{ t.app_name }</span>
                <span class="app-subtitle">{ t.app_subtitle }</span>
            </div>
            <h1 data-testid="snapshot-title">
                <bdi>{ &meta.title }</bdi>
                if let Some(p) = period { <span class="period" data-testid="snapshot-period">{ " — " }{ p }</span> }
            </h1>
            <p class="source">
                { t.source }{ ": " }<bdi>{ &meta.source }</bdi>
                if let Some(c) = &meta.captured { { format!(", {} {}", t.captured, t.date(c)) } }
                { format!(". {}: {}", t.methodology, snapshot.methodology.name) }
            </p>
        </header>
    }
}
