use yew::prelude::*;

use crate::present::store::Book;
use crate::present::text::{fill, Lang};
use crate::state::{Action, Shared, State};

/// Narrow props: the panel does not re-render at each slider step. "Lưu" saves the scenario the state
/// holds at that moment (the reducer reads it), whatever the address says yet.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub dispatch: UseReducerDispatcher<State>,
    pub saved: Shared<Book>,
    pub lang: Lang,
}

/// Now, in ms since 1970: when a saved scenario changed (the latest change wins across tabs).
fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// A new saved scenario's identity: the time and a random number (two tabs never pick the same one).
fn new_id() -> String {
    format!("{:x}-{:x}", now(), (js_sys::Math::random() * 4_294_967_296.0) as u64)
}

/// The scenarios saved for the data that is open: save the current one under a name, reopen, rename,
/// delete. Kept in this browser only; each found by its id.
#[function_component(SavedScenarios)]
pub fn saved_scenarios(Props { dispatch, saved, lang }: &Props) -> Html {
    let t = lang.text();
    let name = use_state(String::new);
    let save = {
        let (dispatch, name) = (dispatch.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.dispatch(Action::Save { id: new_id(), name: (*name).clone(), at: now() });
            name.set(String::new());
        })
    };
    let oninput = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let rows = saved.list.iter().map(|s| {
        let id = s.id.clone();
        let open = {
            let (dispatch, id) = (dispatch.clone(), id.clone());
            Callback::from(move |_| dispatch.dispatch(Action::OpenSaved { id: id.clone() }))
        };
        let rename = {
            let (dispatch, id, old) = (dispatch.clone(), id.clone(), s.name.clone());
            Callback::from(move |_| {
                let answer = web_sys::window()
                    .and_then(|w| w.prompt_with_message_and_default(t.scenario_name, &old).ok().flatten());
                if let Some(name) = answer {
                    dispatch.dispatch(Action::Rename { id: id.clone(), name, at: now() });
                }
            })
        };
        let delete = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::Delete { id: id.clone(), at: now() }))
        };
        html! {
            <li key={s.id.clone()} data-saved={s.id.clone()}>
                <bdi class="saved-name">{ &s.name }</bdi>
                <button type="button" class="link-button" onclick={open}>{ t.open }</button>
                <button type="button" class="link-button" onclick={rename}>{ t.rename }</button>
                <button type="button" class="link-button" onclick={delete}>{ t.delete }</button>
            </li>
        }
    });
    html! {
        <details class="saved" data-testid="saved-scenarios">
            <summary>{ fill(t.saved_scenarios, &[("n", &saved.list.len().to_string())]) }</summary>
            <form onsubmit={save}>
                <input type="text" aria-label={t.scenario_name} placeholder={t.scenario_name} value={(*name).clone()} {oninput} />
                <button type="submit">{ t.save }</button>
            </form>
            if saved.list.is_empty() { <p class="note">{ t.no_saved }</p> }
            <ul>{ for rows }</ul>
        </details>
    }
}
