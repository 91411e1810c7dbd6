//! The app mounted in headless Chromium (wasm-bindgen-test): the ranking and a unit's breakdown show
//! exactly the engine's numbers, in Vietnamese format.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use chiso::present::{breakdown::breakdown, format};
use chiso::state::{Action, State};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<chiso::ui::App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

fn set_hash(hash: &str) {
    web_sys::window().unwrap().location().set_hash(hash).unwrap();
}

async fn mount() -> Mounted {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let props = chiso::ui::AppProps { snapshot: Some(Rc::new(chiso::default_snapshot::load())) };
    let handle = yew::Renderer::<chiso::ui::App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    Mounted { root, handle: Some(handle) }
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap()).collect()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("{selector}")).text_content().unwrap_or_default()
}

/// The engine's view of the same data, computed independently of the DOM.
fn engine() -> State {
    State::new(Rc::new(chiso::default_snapshot::load()))
}

#[wasm_bindgen_test]
async fn ranking_shows_the_engines_commune_ranking() {
    set_hash("");
    let app = mount().await;
    let expected = engine();
    let rows = all(&app.root, "tr[data-unit]");
    let want = expected.visible_rows();
    assert_eq!(rows.len(), want.len());
    assert_eq!(rows.len(), 148);
    for (row, &u) in rows.iter().zip(&want) {
        let unit = &expected.snapshot.units[u];
        assert_eq!(row.get_attribute("data-unit").as_deref(), Some(unit.code.as_str()));
        let cells: Vec<String> = all(row, "td").iter().map(|c| c.text_content().unwrap()).collect();
        let score = &expected.scores.units[u];
        let mut wanted = vec![expected.scores.ranks[u].rank.to_string(), unit.name.clone()];
        wanted.extend(score.groups.iter().map(|g| format::points(g.points)));
        wanted.push(format::points(score.total));
        assert_eq!(cells, wanted);
    }
    // The best commune of Phú Thọ in Q3/2026, as the portal ranks it.
    assert_eq!(text(&rows[0], "td.total"), "68,45");
}

#[wasm_bindgen_test]
async fn selecting_a_row_shows_the_units_breakdown() {
    set_hash("");
    let app = mount().await;
    let row = app.root.query_selector("tr[data-unit='H44.166']").unwrap().unwrap();
    row.dyn_ref::<HtmlElement>().unwrap().click();
    settle().await;
    let s = engine().reduce(Action::Select(Some("H44.166".into())));
    let u = s.selected.unwrap();
    let b = breakdown(&s.snapshot, &s.scores, u);
    assert_eq!(text(&app.root, "[data-testid=unit-total]"), format::points(b.total));
    assert_eq!(text(&app.root, "[data-testid=unit-rank]"), b.rank.rank.to_string());
    for g in &b.groups {
        assert_eq!(text(&app.root, &format!("[data-testid=group-{}]", g.code)), format::points(g.points), "{}", g.code);
        let shown = all(&app.root, &format!("[data-group={}] tr[data-metric]", g.code));
        assert_eq!(shown.len(), g.metrics.len(), "{}", g.code);
        for (tr, m) in shown.iter().zip(&g.metrics) {
            let cells: Vec<String> = all(tr, "td").iter().map(|c| c.text_content().unwrap()).collect();
            match m.counts {
                Some((num, den)) => {
                    assert_eq!(cells[0], format::int(num));
                    assert_eq!(cells[1], format::int(den));
                    assert_eq!(cells[2], format::rate(num, den));
                }
                None => assert_eq!(cells[..3], ["—", "—", "—"], "{}: a given score has no counts", m.code),
            }
            assert_eq!(cells[3], m.points.map_or("—".to_owned(), format::points));
            assert_eq!(cells[4], format::points(m.lost));
        }
    }
    // The selection is in the address, so the page can be shared.
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), "#unit=H44.166");
}

#[wasm_bindgen_test]
async fn the_url_hash_selects_a_unit_and_its_peer_group() {
    set_hash("#unit=H44.07");
    let app = mount().await;
    assert_eq!(text(&app.root, "[data-testid=unit-detail] h2"), "Sở Công Thương - Tỉnh Phú Thọ");
    assert_eq!(all(&app.root, "tr[data-unit]").len(), 15, "the departments are shown");
    set_hash("#unit=H44");
    settle().await;
    assert_eq!(text(&app.root, "[data-testid=unit-total]"), "61,39");
    // A hostile or unknown hash selects nothing and breaks nothing.
    set_hash("#unit=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
    settle().await;
    assert!(app.root.query_selector("[data-testid=unit-detail]").unwrap().is_none());
    set_hash("");
}

#[wasm_bindgen_test]
async fn search_finds_a_unit_without_diacritics() {
    set_hash("");
    let app = mount().await;
    let input: HtmlInputElement = app.root.query_selector("[data-testid=search]").unwrap().unwrap().dyn_into().unwrap();
    input.set_value("tam son");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init.unchecked_into()).unwrap()).unwrap();
    settle().await;
    let rows = all(&app.root, "tr[data-unit]");
    assert_eq!(rows.len(), 1);
    assert_eq!(text(&rows[0], "td.name"), "UBND xã Tam Sơn - Tỉnh Phú Thọ");
}

#[wasm_bindgen_test]
async fn sorting_by_a_column_reorders_the_rows() {
    set_hash("");
    let app = mount().await;
    let headers = all(&app.root, "th button.sort");
    // Rank, Unit, six groups, Total: the last is the total; twice gives the worst first.
    let total = headers.last().unwrap().dyn_ref::<HtmlElement>().unwrap().clone();
    total.click();
    settle().await;
    total.click();
    settle().await;
    let rows = all(&app.root, "tr[data-unit]");
    assert_eq!(text(&rows[0], "td.total"), "50,23");
    let th = app.root.query_selector("th[aria-sort=ascending]").unwrap();
    assert!(th.is_some(), "the sorted column says so to screen readers");
}
