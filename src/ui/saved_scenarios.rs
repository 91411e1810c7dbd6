use std::rc::Rc;

use yew::prelude::*;

use super::storage;
use crate::engine::{share, Snapshot};
use crate::present::hash::Link;
use crate::present::labels;
use crate::present::store::Saved;
use crate::state::{Action, State};

/// Narrow props: the panel does not re-render at each slider step. What it saves is what the address
/// holds (the link to the current view), read when "Lưu" is pressed.
#[derive(Properties)]
pub struct Props {
    pub dispatch: UseReducerDispatcher<State>,
    pub snapshot: Rc<Snapshot>,
    pub identity: Rc<str>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.snapshot, &other.snapshot) && self.identity == other.identity
    }
}

/// The scenarios saved for the data that is open: save the current one under a name, reopen, rename,
/// delete. Kept in this browser only.
#[function_component(SavedScenarios)]
pub fn saved_scenarios(Props { dispatch, snapshot, identity }: &Props) -> Html {
    // The list is read from storage when the data changes, and after each change made here: never on
    // a render (a slider step re-renders this panel).
    let id = identity.to_string();
    let list = use_state(Vec::<Saved>::new);
    {
        let list = list.clone();
        use_effect_with(id.clone(), move |id| {
            list.set(storage::load().0.by_data.get(id).map(|d| d.saved.clone()).unwrap_or_default())
        });
    }
    let name = use_state(String::new);
    let change = {
        let (list, id, title) = (list.clone(), id.clone(), snapshot.meta.title.clone());
        move |f: &dyn Fn(&mut Vec<Saved>)| {
            let (mut store, _) = storage::load();
            let entry = store.by_data.entry(id.clone()).or_default();
            entry.title = title.clone();
            f(&mut entry.saved);
            list.set(entry.saved.clone());
            storage::save(&store);
        }
    };
    let list_len = list.len();
    let save = {
        let (change, name) = (change.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let label = name.trim().to_owned();
            let label = if label.is_empty() { format!("{} {}", labels::SCENARIO, 1 + list_len) } else { label };
            let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
            let link = Link::parse(&hash);
            let saved = Saved { name: label, text: link.scenario.unwrap_or_default(), unit: link.unit };
            change(&|list| list.push(saved.clone()));
            name.set(String::new());
        })
    };
    let oninput = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let rows = list.iter().enumerate().map(|(i, s)| {
        let open = {
            let (dispatch, snapshot, s) = (dispatch.clone(), snapshot.clone(), s.clone());
            Callback::from(move |_| match share::decode(&snapshot, &s.text) {
                Ok(scenario) => dispatch.dispatch(Action::SetScenario { scenario, unit: s.unit.clone() }),
                Err(e) => dispatch.dispatch(Action::Notice(Some(format!("«{}»: {e}", s.name)))),
            })
        };
        let rename = {
            let (change, old) = (change.clone(), s.name.clone());
            Callback::from(move |_| {
                let answer = web_sys::window()
                    .and_then(|w| w.prompt_with_message_and_default(labels::SCENARIO_NAME, &old).ok().flatten());
                if let Some(new) = answer.map(|a| a.trim().to_owned()).filter(|a| !a.is_empty()) {
                    change(&|list| list[i].name = new.clone());
                }
            })
        };
        let delete = {
            let change = change.clone();
            Callback::from(move |_| {
                change(&|list| {
                    list.remove(i);
                })
            })
        };
        html! {
            <li>
                <span class="saved-name">{ &s.name }</span>
                <button type="button" class="link-button" onclick={open}>{ labels::OPEN }</button>
                <button type="button" class="link-button" onclick={rename}>{ labels::RENAME }</button>
                <button type="button" class="link-button" onclick={delete}>{ labels::DELETE }</button>
            </li>
        }
    });
    html! {
        <details class="saved" data-testid="saved-scenarios">
            <summary>{ format!("{} ({})", labels::SAVED_SCENARIOS, list.len()) }</summary>
            <form onsubmit={save}>
                <input type="text" aria-label={labels::SCENARIO_NAME} placeholder={labels::SCENARIO_NAME} value={(*name).clone()} {oninput} />
                <button type="submit">{ labels::SAVE }</button>
            </form>
            if list.is_empty() { <p class="note">{ labels::NO_SAVED }</p> }
            <ul>{ for rows }</ul>
        </details>
    }
}
