//! The import worker's wasm (trunk builds it as a worker beside the page's): the readers of user data,
//! kept out of the page's own wasm. See `chiso::worker`.

#[cfg(target_arch = "wasm32")]
fn main() {
    chiso::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("chiso-import is the web app's import worker (built by trunk). The data tool is `chiso`.");
}
