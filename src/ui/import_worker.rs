//! Importing off the page's thread. The page starts a module worker that loads this same wasm (already
//! in the browser's cache; its URLs are in the page's preload links, so no fixed file name is needed)
//! and calls `chiso_import` (exported by the web bin). The checked snapshot comes back as `engine::wire`
//! bytes, which decode in milliseconds. Anything unexpected — no worker, a refused script, a bad reply —
//! gives `None`, and the caller imports on the page as before.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::engine::import::{self, Origin};
use crate::engine::{wire, Snapshot};
use crate::present::text::{fill, Lang};

/// Reads files into a snapshot, naming its source when the reader does not (the same on the page and in
/// the worker); problems in words.
pub fn import_here(files: &[(String, Vec<u8>)], lang: Lang) -> Result<Snapshot, Vec<String>> {
    let t = lang.text();
    match import::read_files(files) {
        Ok((mut snapshot, origin)) => {
            match origin {
                Origin::PortalCsv => snapshot.meta.source = t.source_portal_csv.to_owned(),
                Origin::Template(file) => snapshot.meta.source = fill(t.source_file, &[("file", &file)]),
                Origin::Snapshot => {}
            }
            Ok(snapshot)
        }
        Err(problems) => Err(problems.iter().map(|p| t.problem(p)).collect()),
    }
}

/// The worker side: files as an array of [name, Uint8Array] → wire bytes, or an array of problems.
pub fn import_in_worker(files: js_sys::Array) -> JsValue {
    let files: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).dyn_into::<js_sys::Uint8Array>().ok()?.to_vec()))
        })
        .collect();
    match import_here(&files, Lang::default()) {
        Ok(snapshot) => js_sys::Uint8Array::from(wire::encode(&snapshot).as_slice()).into(),
        Err(problems) => problems.iter().map(|p| JsValue::from_str(p)).collect::<js_sys::Array>().into(),
    }
}

fn asset_url(selector: &str) -> Option<String> {
    let el = web_sys::window()?.document()?.query_selector(selector).ok()??;
    Some(el.dyn_into::<web_sys::HtmlLinkElement>().ok()?.href())
}

/// The page side: the import's result, or `None` to import on the page instead.
pub async fn import(files: &[(String, Vec<u8>)], lang: Lang) -> Option<Result<Snapshot, Vec<String>>> {
    let glue = asset_url("link[rel=modulepreload]")?;
    let wasm = asset_url("link[rel=preload][type='application/wasm']")?;
    let source = format!(
        "import init, {{ chiso_import }} from {glue:?};\n\
         const ready = init({{ module_or_path: {wasm:?} }});\n\
         self.onmessage = async (e) => {{ await ready; self.postMessage(chiso_import(e.data)); }};\n"
    );
    let parts = js_sys::Array::of1(&JsValue::from_str(&source));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let worker_options = web_sys::WorkerOptions::new();
    worker_options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&url, &worker_options).ok();
    let _ = web_sys::Url::revoke_object_url(&url);
    let worker = worker?;
    let message = js_sys::Array::new();
    let transfer = js_sys::Array::new();
    for (name, bytes) in files {
        let data = js_sys::Uint8Array::from(bytes.as_slice());
        transfer.push(&data.buffer());
        message.push(&js_sys::Array::of2(&JsValue::from_str(name), &data));
    }
    let reply = js_sys::Promise::new(&mut |resolve, reject| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
        worker.set_onmessageerror(Some(&reject));
    });
    let sent = worker.post_message_with_transfer(&message, &transfer).is_ok();
    let answer = if sent { JsFuture::from(reply).await.ok() } else { None };
    worker.terminate();
    let data = answer?.dyn_into::<web_sys::MessageEvent>().ok()?.data();
    if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
        // The worker's answer gets every check a file gets.
        let t = lang.text();
        return Some(wire::decode(&bytes.to_vec()).map_err(|ps| ps.iter().map(|p| t.problem(p)).collect()));
    }
    let problems: js_sys::Array = data.dyn_into().ok()?;
    Some(Err(problems.iter().filter_map(|p| p.as_string()).collect()))
}
