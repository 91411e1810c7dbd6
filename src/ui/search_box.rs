use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::present::text::Text;
use crate::state::{Action, State};

/// Finds a unit by name, with or without diacritics. (A view function.)
pub fn search_box(t: &Text, dispatch: &UseReducerDispatcher<State>, query: &str) -> Html {
    let oninput = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Search(input.value()));
        })
    };
    html! {
        <label class="search">
            <span class="visually-hidden">{ t.search_label }</span>
            <input type="search" data-testid="search" placeholder={t.search_placeholder}
                   value={query.to_owned()} {oninput} />
        </label>
    }
}
