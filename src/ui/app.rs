use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use super::hooks::{kept_lang, location_hash};
use super::workspace::Workspace;
use crate::datasets::{self, Dataset};
use crate::engine::Snapshot;
use crate::present::hash::Link;
use crate::present::text::{Lang, Text};
use crate::state::{Loaded, Shared};

#[derive(Properties, PartialEq, Default)]
pub struct Props {
    /// A snapshot to open with (the browser tests); without one the app loads the built-in data the
    /// address names (`#data=<id>`), or the default.
    #[prop_or_default]
    pub snapshot: Option<Rc<Snapshot>>,
    /// The built-in dataset `snapshot` is, if it is one.
    #[prop_or_default]
    pub dataset: Option<&'static str>,
    /// The national list of the same period, with `snapshot`.
    #[prop_or_default]
    pub nation: Option<Rc<Snapshot>>,
}

/// The built-in data a hash names, if the site has it.
fn named(hash: &str) -> Option<&'static Dataset> {
    Link::parse(hash).0.data.as_deref().and_then(datasets::find)
}

/// What is open: a built-in dataset (its id), its snapshot and the national list of its period.
#[derive(Clone, PartialEq)]
struct Opened {
    id: &'static str,
    /// Which asking opened it (the workspace starts afresh for each).
    asked: u32,
    /// The snapshot and what the page derives from it.
    data: Shared<Loaded>,
    nation: Option<Rc<Snapshot>>,
}

/// Reads a built-in dataset, and its national list beside it, in the import worker (like any file:
/// the page's wasm holds no reader). The national list is optional: without it there is no national
/// rank, and the data still opens.
async fn open(d: &'static Dataset, lang: Lang) -> Result<Opened, Vec<String>> {
    let nation_file = d.nation.and_then(datasets::find).map(Dataset::file);
    let (own, nation) = futures::future::join(super::import_worker::load(&d.file(), lang), async {
        match &nation_file {
            Some(f) => super::import_worker::load(f, lang).await.ok(),
            None => None,
        }
    })
    .await;
    let (snapshot, _) = own?;
    let data = super::import_worker::loaded_in_steps(Rc::new(snapshot)).await;
    Ok(Opened { id: d.id, asked: 0, data, nation: nation.map(|(n, _)| Rc::new(n)) })
}

/// Loads the built-in data the address names (one of the app's static files: data is not code, so it
/// stays out of the wasm), then shows the workspace. A link that names other built-in data (pasted,
/// or back and forward, or the data menu) opens it; the workspace then applies the rest of the link.
#[function_component(App)]
pub fn app(props: &Props) -> Html {
    let t: &Text = kept_lang().text();
    // The data asked for, and how many times it was asked for since the page opened: asking again for
    // data already chosen (after opening a file in its place) reads it again.
    let wanted = use_state(|| {
        let d = props.dataset.and_then(datasets::find).or_else(|| named(&location_hash())).unwrap_or(&datasets::ALL[0]);
        (d, 0u32)
    });
    let asked = use_mut_ref(|| 0u32);
    // The built-in data the workspace shows (`None` once a file is opened in its place).
    let showing = use_memo((), |_| std::cell::Cell::new(None::<&'static str>));
    let loaded = use_state(|| {
        // A snapshot given as a property (the browser tests) is small: loaded at once.
        props.snapshot.clone().map(|snapshot| Opened {
            id: wanted.0.id,
            asked: 0,
            data: Shared::new(Loaded::new(snapshot)),
            nation: props.nation.clone(),
        })
    });
    // Data asked for and not (yet) open: being read, or refused (then what was open stays).
    let busy = use_state(|| false);
    let failed = use_state(|| None::<Vec<String>>);
    {
        let (loaded, busy, failed) = (loaded.clone(), busy.clone(), failed.clone());
        use_effect_with(*wanted, move |&(d, n): &(&'static Dataset, u32)| {
            if n > 0 || loaded.as_ref().is_none_or(|o| o.id != d.id) {
                busy.set(true);
                wasm_bindgen_futures::spawn_local(async move {
                    match open(d, kept_lang()).await {
                        Ok(o) => {
                            failed.set(None);
                            loaded.set(Some(Opened { asked: n, ..o }));
                        }
                        Err(problems) => failed.set(Some(problems)),
                    }
                    busy.set(false);
                });
            }
        });
    }
    {
        let (wanted, showing) = (wanted.clone(), showing.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    if let Some(d) = named(&location_hash()).filter(|d| showing.get() != Some(d.id)) {
                        *asked.borrow_mut() += 1;
                        wanted.set((d, *asked.borrow()));
                    }
                })
            });
            move || drop(listener)
        });
    }
    let on_showing = {
        let showing = showing.clone();
        use_callback((), move |id: Option<&'static str>, _| showing.set(id))
    };
    let problems = (*failed).clone().map(|problems| {
        html! {
            <div class="load-error" role="alert" data-testid="load-error">
                <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            </div>
        }
    });
    html! {
        <div class="app">
            if *busy && loaded.is_some() { <p class="loading-bar" aria-busy="true" data-testid="data-loading">{ t.data_loading }</p> }
            {
                match &*loaded {
                    Some(o) => html! {
                        <>
                            { problems.unwrap_or_default() }
                            <Workspace key={format!("{}-{}", o.id, o.asked)} data={o.data.clone()} dataset={o.id}
                                       nation={o.nation.clone()} showing={on_showing} />
                        </>
                    },
                    None if failed.is_some() => html! {
                        <>
                            <h1 class="load-title">{ t.app_name }</h1>
                            { problems.unwrap_or_default() }
                        </>
                    },
                    None => html! { <p class="loading" aria-busy="true">{ t.loading }</p> },
                }
            }
        </div>
    }
}
