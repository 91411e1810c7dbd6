//! The page's side of the import worker (`crate::worker`): every file the user opens, and the site's own
//! data files, are read there, off the page's thread and out of its wasm. The worker's answer, compact
//! bytes (`engine::wire`), gets every check a file gets before the page takes it.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::engine::{wire, Snapshot};
use crate::present::text::Lang;

/// The worker's script, beside the page (trunk writes it: `data-loader-shim` in index.html).
const WORKER: &str = "chiso-import_loader.js";

/// The next message from a worker (or its error).
async fn next_message(worker: &web_sys::Worker) -> Result<JsValue, ()> {
    let reply = js_sys::Promise::new(&mut |resolve, reject| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
        worker.set_onmessageerror(Some(&reject));
    });
    let event = JsFuture::from(reply).await.map_err(|_| ())?;
    Ok(event.dyn_into::<web_sys::MessageEvent>().map_err(|_| ())?.data())
}

/// A snapshot read by the worker, with its warnings in words.
pub type Read = (Snapshot, Vec<String>);

/// Sends one job to a fresh worker and reads its answer.
async fn run(job: &js_sys::Object, transfer: &js_sys::Array, lang: Lang) -> Result<Read, Vec<String>> {
    let t = lang.text();
    let failed = || vec![t.worker_failed.to_owned()];
    let worker = web_sys::Worker::new(WORKER).map_err(|_| failed())?;
    let answer = async {
        // The worker says when its wasm is ready; a job sent before would be lost.
        if next_message(&worker).await?.as_string().as_deref() != Some("ready") {
            return Err(());
        }
        let _ = js_sys::Reflect::set(job, &"lang".into(), &lang.code().into());
        worker.post_message_with_transfer(job, transfer).map_err(|_| ())?;
        next_message(&worker).await
    }
    .await;
    worker.terminate();
    let data = answer.map_err(|_| failed())?;
    let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok();
    if let Some(bytes) = field("wire").and_then(|w| w.dyn_into::<js_sys::Uint8Array>().ok()) {
        let warnings: Vec<String> = field("warnings")
            .and_then(|w| w.dyn_into::<js_sys::Array>().ok())
            .map(|list| list.iter().filter_map(|w| w.as_string()).collect())
            .unwrap_or_default();
        let snapshot =
            wire::decode(&bytes.to_vec()).map_err(|ps| ps.iter().map(|p| t.problem(p)).collect::<Vec<_>>())?;
        return Ok((snapshot, warnings));
    }
    let problems: js_sys::Array = data.dyn_into().map_err(|_| failed())?;
    Err(problems.iter().filter_map(|p| p.as_string()).collect())
}

/// Reads files the user gave (name, bytes) in the worker.
pub async fn import(files: &[(String, Vec<u8>)], lang: Lang) -> Result<Read, Vec<String>> {
    let list = js_sys::Array::new();
    let transfer = js_sys::Array::new();
    for (name, bytes) in files {
        let data = js_sys::Uint8Array::from(bytes.as_slice());
        transfer.push(&data.buffer());
        list.push(&js_sys::Array::of2(&JsValue::from_str(name), &data));
    }
    let job = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&job, &"files".into(), &list);
    run(&job, &transfer, lang).await
}

/// Reads one of the site's own data files (relative to the page) in the worker.
pub async fn load(url: &str, lang: Lang) -> Result<Read, Vec<String>> {
    let job = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&job, &"url".into(), &url.into());
    run(&job, &js_sys::Array::new(), lang).await
}
