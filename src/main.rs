//! The web app's entry point (built for wasm32 by trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    chiso::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("chiso-web is the browser app: run `make serve` (or `trunk serve`). The data tool is `chiso`.");
}
