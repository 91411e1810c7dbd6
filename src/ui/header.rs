use std::rc::Rc;

use yew::prelude::*;

use crate::engine::snapshot::vi_date;
use crate::present::labels;
use crate::engine::Snapshot;

#[derive(Properties)]
pub struct Props {
    pub snapshot: Rc<Snapshot>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.snapshot, &other.snapshot)
    }
}

/// The snapshot's title, period, source and capture date, and the methodology version.
#[function_component(SnapshotHeader)]
pub fn snapshot_header(Props { snapshot }: &Props) -> Html {
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
