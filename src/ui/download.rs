//! Saving a file the app made (CSV, JSON) to the user's computer: a Blob behind an object URL (revoked
//! when it goes out of scope) and a temporary link. Nothing leaves the browser.

use wasm_bindgen::JsCast;

pub fn download(name: &str, mime: &str, content: &str) {
    let url = gloo_file::ObjectUrl::from(gloo_file::Blob::new_with_options(content, Some(mime)));
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(a) =
        document.and_then(|d| d.create_element("a").ok()).and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
}
