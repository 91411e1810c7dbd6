//! The import worker (browser build only): every reader of user data runs here, off the page's thread
//! and out of the page's wasm, which holds only the compact format (`engine::wire`) it gets back.
//!
//! Protocol (structured clone): the worker says `"ready"` once it can take work; the page then sends
//! `{lang, files: [[name, File], …]}` (files to read together) or `{lang, url}` (one of the site's
//! own files to fetch and read); the worker answers with `{wire: Uint8Array, warnings: [words…]}` or
//! with an array of problems in words.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::engine::import::{self, Origin};
use crate::engine::{wire, Snapshot};
use crate::present::text::{fill, Lang};

/// Reads files into a snapshot, naming it and its source when the reader does not; warnings and
/// problems in words.
pub fn read(files: &[(String, Vec<u8>)], lang: Lang) -> Result<(Snapshot, Vec<String>), Vec<String>> {
    let t = lang.text();
    match import::read_files(files) {
        Ok(import::Imported { mut snapshot, origin, warnings }) => {
            match origin {
                Origin::PortalCsv => snapshot.meta.source = t.source_portal_csv.to_owned(),
                Origin::PortalJson => snapshot.meta.source = t.source_portal_json.to_owned(),
                Origin::Template(file) => snapshot.meta.source = fill(t.source_file, &[("file", &file)]),
                Origin::Snapshot => {}
            }
            if snapshot.meta.title.is_empty() {
                snapshot.meta.title = fill(t.national_title, &[("n", &snapshot.units.len().to_string())]);
            }
            Ok((snapshot, warnings.iter().map(|w| t.problem(w)).collect()))
        }
        Err(problems) => Err(problems.iter().map(|p| t.problem(p)).collect()),
    }
}

/// The answer: `{wire, warnings}` for a snapshot, or an array of problems; and what to transfer with
/// it (the wire's buffer moves to the page instead of being copied there).
fn answer(result: Result<(Snapshot, Vec<String>), Vec<String>>) -> (JsValue, js_sys::Array) {
    let words = |list: &[String]| list.iter().map(|p| JsValue::from_str(p)).collect::<js_sys::Array>();
    match result {
        Ok((snapshot, warnings)) => {
            let out = js_sys::Object::new();
            let bytes = js_sys::Uint8Array::from(wire::encode(&snapshot).as_slice());
            let _ = js_sys::Reflect::set(&out, &"wire".into(), &bytes);
            let _ = js_sys::Reflect::set(&out, &"warnings".into(), &words(&warnings));
            (out.into(), js_sys::Array::of1(&bytes.buffer()))
        }
        Err(problems) => (words(&problems).into(), js_sys::Array::new()),
    }
}

async fn fetch(scope: &web_sys::DedicatedWorkerGlobalScope, url: &str) -> Result<Vec<u8>, String> {
    let response: web_sys::Response = JsFuture::from(scope.fetch_with_str(url))
        .await
        .map_err(|_| "fetch".to_owned())?
        .dyn_into()
        .map_err(|_| "response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer =
        JsFuture::from(response.array_buffer().map_err(|_| "body".to_owned())?).await.map_err(|_| "body".to_owned())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

async fn work(scope: web_sys::DedicatedWorkerGlobalScope, job: JsValue) {
    let field = |name: &str| js_sys::Reflect::get(&job, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let lang = Lang::from_code(&field("lang").as_string().unwrap_or_default());
    let result = if let Some(url) = field("url").as_string() {
        match fetch(&scope, &url).await {
            Ok(bytes) => read(&[(url.rsplit('/').next().unwrap_or(&url).to_owned(), bytes)], lang),
            Err(e) => Err(vec![format!("{} {url}: {e}", lang.text().load_failed)]),
        }
    } else {
        // The Files the page was given, read here (off the page's thread).
        let list = field("files").dyn_into::<js_sys::Array>().map(|l| l.to_vec()).unwrap_or_default();
        let mut files: Vec<(String, Vec<u8>)> = Vec::with_capacity(list.len());
        let mut unreadable = Vec::new();
        for pair in list {
            let Ok(pair) = pair.dyn_into::<js_sys::Array>() else { continue };
            let Some(name) = pair.get(0).as_string() else { continue };
            let Ok(blob) = pair.get(1).dyn_into::<web_sys::Blob>() else { continue };
            match JsFuture::from(blob.array_buffer()).await {
                Ok(buffer) => files.push((name, js_sys::Uint8Array::new(&buffer).to_vec())),
                Err(_) => unreadable.push(fill(lang.text().read_failed, &[("file", &name)])),
            }
        }
        if unreadable.is_empty() {
            read(&files, lang)
        } else {
            Err(unreadable)
        }
    };
    let (message, transfer) = answer(result);
    let _ = scope.post_message_with_transfer(&message, &transfer);
}

/// The worker's entry: take jobs, say it is ready.
pub fn start() {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else { return };
    let handler = {
        let scope = scope.clone();
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            wasm_bindgen_futures::spawn_local(work(scope.clone(), e.data()));
        })
    };
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget(); // lives as long as the worker
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
