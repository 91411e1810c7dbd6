//! The thin UI: small yew components over the one reducer of `crate::state`. Everything they show is
//! computed by `engine` and `present` and worded by `present::text`; components lay it out and dispatch
//! actions, and the browser's side effects live in `hooks`.

mod app;
mod compare;
mod data_tools;
mod download;
mod group_bars;
mod group_levers;
mod header;
mod hooks;
mod import_panel;
mod import_worker;
mod lever_row;
mod notice;
mod peer_tabs;
mod planner;
mod province;
mod ranking_table;
mod report;
mod saved_scenarios;
mod scenario_result;
mod search_box;
mod slider;
mod storage;
mod unit_detail;
mod workspace;

use std::rc::Rc;

pub use app::{App, Props as AppProps};

use crate::state::{Action, State};

impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(State::reduce(&self, action))
    }
}

/// Mounts the app on the page's body (not in the import worker, which loads the same wasm).
pub fn start() {
    if web_sys::window().is_some() {
        yew::Renderer::<App>::new().render();
    }
}
