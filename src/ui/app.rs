use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::workspace::Workspace;
use crate::default_snapshot;
use crate::engine::{snapshot_json, Snapshot};
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
                    let result = match fetch_text(default_snapshot::FILE_NAME).await {
                        Ok(text) => snapshot_json::parse(&text, default_snapshot::FILE_NAME)
                            .map(Rc::new)
                            .map_err(|problems| problems.iter().map(|p| t.problem(p)).collect()),
                        Err(e) => Err(vec![format!("{} {}: {e}", t.load_failed, default_snapshot::FILE_NAME)]),
                    };
                    loaded.set(Some(result));
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

/// One of the app's own files, as text (relative URL: works under any sub-path).
async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "fetch".to_owned())?
        .dyn_into()
        .map_err(|_| "response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().map_err(|_| "text".to_owned())?;
    JsFuture::from(text).await.ok().and_then(|t| t.as_string()).ok_or_else(|| "text".to_owned())
}
