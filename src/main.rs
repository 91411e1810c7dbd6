//! The web app's entry point (built for wasm32 by trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    chiso::ui::start();
}

/// Called by the import worker (see `ui::import_worker`): exported from the bin, so that the page's own
/// wasm serves as the worker's.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn chiso_import(files: js_sys::Array) -> wasm_bindgen::JsValue {
    chiso::ui::import_in_worker(files)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("chiso-web is the browser app: run `make serve` (or `trunk serve`). The data tool is `chiso`.");
}
