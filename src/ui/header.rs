use yew::prelude::*;

use crate::engine::snapshot::vi_date;
use crate::engine::Snapshot;
use crate::present::labels;

/// The snapshot's title, period, source and capture date, and the methodology version. (A view function.)
pub fn snapshot_header(snapshot: &Snapshot) -> Html {
    let meta = &snapshot.meta;
    let period = meta.period.as_ref().map(|p| p.label_vi());
    html! {
        <header class="top">
            <div class="brand">
                <span class="app-name">{ labels::APP_NAME }</span>
                <span class="app-subtitle">{ labels::APP_SUBTITLE }</span>
            </div>
            <h1 data-testid="snapshot-title">
                { &meta.title }
                if let Some(p) = period { <span class="period" data-testid="snapshot-period">{ " — " }{ p }</span> }
            </h1>
            <p class="source">
                { labels::SOURCE }{ ": " }{ &meta.source }
                if let Some(c) = &meta.captured { { format!(", {} {}", labels::CAPTURED, vi_date(c)) } }
                { format!(". {}: {}", labels::METHODOLOGY, snapshot.methodology.name) }
            </p>
        </header>
    }
}
