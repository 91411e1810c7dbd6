//! Saving a file the app made (CSV, JSON) to the user's computer: a Blob behind an object URL (revoked
//! when it goes out of scope) and a temporary link. Nothing leaves the browser.

use wasm_bindgen::JsCast;

pub fn download(name: &str, mime: &str, content: &str) {
    let url = gloo_file::ObjectUrl::from(gloo_file::Blob::new_with_options(content, Some(mime)));
    save_as(&url, name);
}

/// Saves what `href` holds (an object or `data:` URL) under `name`, through a temporary link.
fn save_as(href: &str, name: &str) {
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(a) =
        document.and_then(|d| d.create_element("a").ok()).and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(href);
        a.set_download(name);
        a.click();
    }
}

/// Saves an SVG the app drew as a PNG at twice its size (crisp on a slide): drawn on a canvas from a
/// `data:` URL (the page's policy allows images from `data:`; nothing is fetched).
pub fn download_png(name: &str, svg: &str) {
    let Ok(img) = web_sys::HtmlImageElement::new() else { return };
    let (name, image) = (name.to_owned(), img.clone());
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let (w, h) = (image.natural_width().max(1), image.natural_height().max(1));
        let document = web_sys::window().and_then(|w| w.document());
        let Some(canvas) = document
            .as_ref()
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width(w * 2);
        canvas.set_height(h * 2);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ =
            ctx.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, f64::from(w * 2), f64::from(h * 2));
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            save_as(&url, &name);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(svg)));
}

/// The browser's print dialog (the report's print stylesheet lays out the page).
pub fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
