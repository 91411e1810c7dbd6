use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::present::labels;
use crate::state::{Action, State};

/// Finds a unit by name, with or without diacritics. (A view function.)
pub fn search_box(dispatch: &UseReducerDispatcher<State>, query: &str) -> Html {
    let oninput = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Search(input.value()));
        })
    };
    html! {
        <label class="search">
            <span class="visually-hidden">{ labels::SEARCH_LABEL }</span>
            <input type="search" data-testid="search" placeholder={labels::SEARCH_PLACEHOLDER}
                   value={query.to_owned()} {oninput} />
        </label>
    }
}
