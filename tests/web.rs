//! The app mounted in headless Chromium (wasm-bindgen-test): the ranking and a unit's breakdown show
//! exactly the engine's numbers, in Vietnamese format.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use chiso::engine::points::Decimal;
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
    // Every test starts from a browser that kept no scenario.
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
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
    let rows = all(&app.root, "[role=row][data-unit]");
    let want = expected.visible_rows();
    assert_eq!(rows.len(), want.len());
    assert_eq!(rows.len(), 148);
    for (row, &u) in rows.iter().zip(&want) {
        let unit = &expected.snapshot.units[u];
        assert_eq!(row.get_attribute("data-unit").as_deref(), Some(unit.code.as_str()));
        let cells: Vec<String> = all(row, "[role=cell]").iter().map(|c| c.text_content().unwrap()).collect();
        let score = &expected.current.units[u];
        let mut wanted = vec![expected.current.ranks[u].rank.to_string(), unit.name.clone()];
        wanted.extend(score.groups.iter().map(|g| format::points(g.points)));
        wanted.push(format::points(score.total));
        assert_eq!(cells, wanted);
    }
    // The best commune of Phú Thọ in Q3/2026, as the portal ranks it.
    assert_eq!(text(&rows[0], ".total"), "68,45");
}

#[wasm_bindgen_test]
async fn selecting_a_row_shows_the_units_breakdown() {
    set_hash("");
    let app = mount().await;
    let row = app.root.query_selector("[role=row][data-unit='H44.166']").unwrap().unwrap();
    row.dyn_ref::<HtmlElement>().unwrap().click();
    settle().await;
    let s = engine().reduce(Action::Select(Some("H44.166".into())));
    let u = s.selected.unwrap();
    let b = breakdown(&s.snapshot, &s.scenario, &s.baseline, &s.current, u);
    assert_eq!(text(&app.root, "[data-testid=unit-total]"), format::points(b.total));
    assert_eq!(text(&app.root, "[data-testid=unit-rank]"), b.rank.rank.to_string());
    for g in &b.groups {
        assert_eq!(text(&app.root, &format!("[data-testid=group-{}]", g.code)), format::points(g.points), "{}", g.code);
        let shown = all(&app.root, &format!("[data-group={}] [data-metric-row]", g.code));
        assert_eq!(shown.len(), g.metrics.len(), "{}", g.code);
        for (el, m) in shown.iter().zip(&g.metrics) {
            assert_eq!(el.get_attribute("data-metric-row").as_deref(), Some(m.code.as_str()));
            assert_eq!(
                text(el, "[data-testid=metric-points]"),
                m.points.map_or("—".to_owned(), format::points),
                "{}",
                m.code
            );
            if let Some((num, den)) = m.counts {
                assert!(text(el, "[data-testid=metric-rate]").contains(&format::rate(num, den)), "{}", m.code);
            }
            // A movable metric has its slider, at its count, over its denominator.
            let slider = el.query_selector(&format!("input[type=range][data-metric={}]", m.code)).unwrap();
            assert_eq!(slider.is_some(), m.movable, "{}", m.code);
            if let (Some(slider), Some((num, den))) = (slider, m.counts) {
                let input: HtmlInputElement = slider.dyn_into().unwrap();
                assert_eq!((input.value(), input.max()), (num.to_string(), den.to_string()));
            }
        }
    }
    // The selection is in the address (written once the user pauses), so the page can be shared.
    yew::platform::time::sleep(Duration::from_millis(250)).await;
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), "#unit=H44.166");
}

fn slide(root: &Element, selector: &str, value: u64) {
    let input: HtmlInputElement =
        root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("{selector}")).dyn_into().unwrap();
    input.set_value(&value.to_string());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init.unchecked_into()).unwrap())
        .unwrap();
}

/// The figures the result panel must show, from the engine for the same overrides.
fn expected(s: &State, u: usize) -> [String; 5] {
    let b = breakdown(&s.snapshot, &s.scenario, &s.baseline, &s.current, u);
    [
        format::points(b.baseline_total),
        format::points(b.total),
        format::points_delta(b.baseline_total, b.total),
        b.baseline_rank.rank.to_string(),
        b.rank.rank.to_string(),
    ]
}

fn shown(root: &Element) -> [String; 5] {
    ["baseline-total", "scenario-total", "gain", "baseline-rank", "scenario-rank"]
        .map(|id| text(root, &format!("[data-testid={id}]")))
}

#[wasm_bindgen_test]
async fn what_if_sliders_move_the_total_the_rank_and_the_table() {
    set_hash("#unit=H44.166");
    let app = mount().await;
    let mut s = engine().reduce(Action::Select(Some("H44.166".into())));
    let u = s.selected.unwrap();
    let m = s.snapshot.methodology.clone();
    let (tttt, mdsh) = (m.group_index("TTTT").unwrap(), m.group_index("MDSH").unwrap());
    assert_eq!(shown(&app.root), expected(&s, u));
    assert_eq!(text(&app.root, "[data-testid=gain]"), "0,00");

    // Online payment to 100%, digitization to at least 80%.
    slide(&app.root, "input[data-lever=TTTT]", 100);
    settle().await;
    slide(&app.root, "input[data-lever=MDSH]", 80);
    settle().await;
    s = s.reduce(Action::LiftGroup { unit: u, group: tttt, rate: Decimal::parse("1").unwrap() });
    s = s.reduce(Action::LiftGroup { unit: u, group: mdsh, rate: Decimal::parse("0.8").unwrap() });
    assert_eq!(shown(&app.root), expected(&s, u));
    assert!(s.current.units[u].total > s.baseline.units[u].total);
    assert!(s.current.ranks[u].rank < s.baseline.ranks[u].rank, "Tam Sơn climbs from the last place");

    // One metric slider on top: dossiers paid online back to half of them.
    let k = m.metric_index("ONLINE_PAYMENT_DOSSIER").unwrap();
    let (_, den) = chiso::engine::scenario::lever(&s.snapshot, u, k).unwrap();
    slide(&app.root, "input[data-metric=ONLINE_PAYMENT_DOSSIER]", den / 2);
    settle().await;
    s = s.reduce(Action::SetCount { unit: u, metric: k, num: den / 2 });
    assert_eq!(shown(&app.root), expected(&s, u));
    let row = app.root.query_selector("[data-metric-row=ONLINE_PAYMENT_DOSSIER]").unwrap().unwrap();
    assert!(text(&row, "[data-testid=metric-change]").contains("hồ sơ thanh toán trực tuyến"));

    // The ranking shows the scenario: the unit's row with its new rank, marked as changed.
    let tr = app.root.query_selector("[role=row][data-unit='H44.166']").unwrap().unwrap();
    assert!(tr.get_attribute("class").unwrap_or_default().split_whitespace().any(|c| c == "changed"));
    let rank_cell = text(&tr, ".rank");
    let moved = s.baseline.ranks[u].rank - s.current.ranks[u].rank;
    assert_eq!(rank_cell, format!("{}▲{moved}", s.current.ranks[u].rank));
    assert_eq!(text(&tr, ".total"), format::points(s.current.units[u].total));
    // The peers it passes are named.
    let passes = text(&app.root, "[data-testid=passes]");
    let first_passed = chiso::engine::scenario::passed(&s.peers, &s.baseline, &s.current, u)[0];
    assert!(passes.contains(&s.snapshot.units[first_passed].name), "{passes}");

    // Reset all: back to the snapshot.
    let reset = all(&app.root, "button.reset")
        .into_iter()
        .find(|b| b.text_content().unwrap().starts_with("Đặt lại tất cả"))
        .unwrap();
    reset.dyn_ref::<HtmlElement>().unwrap().click();
    settle().await;
    assert_eq!(shown(&app.root), expected(&engine().reduce(Action::Select(Some("H44.166".into()))), u));
    set_hash("");
}

#[wasm_bindgen_test]
async fn a_typed_count_or_rate_moves_the_lever_and_a_bad_one_is_explained() {
    set_hash("#unit=H44");
    let app = mount().await;
    let input: HtmlInputElement = app
        .root
        .query_selector("[data-metric-row=ONLINE_PAYMENT_PROCEDURE] input.exact")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let change = |value: &str| {
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        input.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    };
    change("80%"); // 249 of 311 procedures: full 2 points
    settle().await;
    let row = app.root.query_selector("[data-metric-row=ONLINE_PAYMENT_PROCEDURE]").unwrap().unwrap();
    assert_eq!(text(&row, "[data-testid=metric-points]"), "2,00");
    assert!(text(&row, ".at-max").contains("đã đạt điểm tối đa"));
    assert!(text(&row, "[data-testid=metric-change]").starts_with(" · +134 TTHC"));
    change("400");
    settle().await;
    assert!(text(&row, ".field-error").contains("400 vượt mẫu số 311"));
    assert_eq!(text(&row, "[data-testid=metric-points]"), "2,00", "a refused value changes nothing");
    set_hash("");
}

#[wasm_bindgen_test]
async fn the_url_hash_selects_a_unit_and_its_peer_group() {
    set_hash("#unit=H44.07");
    let app = mount().await;
    assert_eq!(text(&app.root, "[data-testid=unit-detail] h2"), "Sở Công Thương - Tỉnh Phú Thọ");
    assert_eq!(all(&app.root, "[role=row][data-unit]").len(), 15, "the departments are shown");
    set_hash("#unit=H44");
    settle().await;
    assert_eq!(text(&app.root, "[data-testid=unit-total]"), "61,39");
    // A hostile or unknown hash changes nothing and shows no markup.
    set_hash("#unit=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
    settle().await;
    assert_eq!(text(&app.root, "[data-testid=unit-total]"), "61,39");
    assert!(app.root.query_selector("img").unwrap().is_none());
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
    input
        .dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init.unchecked_into()).unwrap())
        .unwrap();
    settle().await;
    let rows = all(&app.root, "[role=row][data-unit]");
    assert_eq!(rows.len(), 1);
    assert_eq!(text(&rows[0], ".name"), "UBND xã Tam Sơn - Tỉnh Phú Thọ");
}

#[wasm_bindgen_test]
async fn sorting_by_a_column_reorders_the_rows() {
    set_hash("");
    let app = mount().await;
    let headers = all(&app.root, "[role=columnheader] button.sort");
    // Rank, Unit, six groups, Total: the last is the total; twice gives the worst first.
    let total = headers.last().unwrap().dyn_ref::<HtmlElement>().unwrap().clone();
    total.click();
    settle().await;
    total.click();
    settle().await;
    let rows = all(&app.root, "[role=row][data-unit]");
    assert_eq!(text(&rows[0], ".total"), "50,23");
    let th = app.root.query_selector("[role=columnheader][aria-sort=ascending]").unwrap();
    assert!(th.is_some(), "the sorted column says so to screen readers");
}
