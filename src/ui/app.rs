use std::rc::Rc;

use yew::prelude::*;

use super::workspace::Workspace;
use crate::default_snapshot;
use crate::engine::Snapshot;
use crate::present::text::{Lang, Text};

#[derive(Properties, PartialEq, Default)]
pub struct Props {
    /// A snapshot to open with; without one the app loads the default snapshot from its own files.
    #[prop_or_default]
    pub snapshot: Option<Rc<Snapshot>>,
}

/// Loads the default snapshot (one of the app's own static files: data is not code, so it stays out
/// of the wasm), then shows the workspace.
#[function_component(App)]
pub fn app(props: &Props) -> Html {
    let t: &Text = Lang::default().text();
    let loaded = use_state(|| props.snapshot.clone().map(Ok::<_, Vec<String>>));
    {
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            if loaded.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    // Read in the import worker, like any file: the page's wasm holds no reader.
                    let result = super::import_worker::load(default_snapshot::FILE_NAME, Lang::default()).await;
                    loaded.set(Some(result.map(Rc::new)));
                });
            }
        });
    }
    html! {
        <div class="app">
            {
                match &*loaded {
                    Some(Ok(snapshot)) => html! { <Workspace snapshot={Rc::clone(snapshot)} /> },
                    Some(Err(problems)) => html! {
                        <div class="load-error" role="alert">
                            <h1>{ t.app_name }</h1>
                            <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                        </div>
                    },
                    None => html! { <p class="loading" aria-busy="true">{ t.loading }</p> },
                }
            }
        </div>
    }
}
