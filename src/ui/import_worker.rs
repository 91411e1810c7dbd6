//! The page's side of the import worker (`crate::worker`): every file the user opens, and the site's own
//! data files, are read there, off the page's thread and out of its wasm. The worker's answer, compact
//! bytes (`engine::wire`), gets every check a file gets before the page takes it; that and what the
//! page derives from a snapshot run in steps, the page's thread given back every 30 ms.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::engine::{wire, Snapshot};
use crate::present::text::Lang;
use crate::state::{LoadSteps, Loaded, Shared};

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
async fn run(job: &js_sys::Object, lang: Lang) -> Result<Read, Vec<String>> {
    let t = lang.text();
    let failed = || vec![t.worker_failed.to_owned()];
    let worker = web_sys::Worker::new(WORKER).map_err(|_| failed())?;
    let answer = async {
        // The worker says when its wasm is ready; a job sent before would be lost.
        if next_message(&worker).await?.as_string().as_deref() != Some("ready") {
            return Err(());
        }
        let _ = js_sys::Reflect::set(job, &"lang".into(), &lang.code().into());
        worker.post_message(job).map_err(|_| ())?;
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
        let words = |ps: Vec<crate::engine::problem::Problem>| ps.iter().map(|p| t.problem(p)).collect::<Vec<_>>();
        // Into the page's memory a slice at a time (one copy of 20 MB would hold the thread).
        let mut slice = Slice::start();
        let mut bytes_in = vec![0u8; bytes.length() as usize];
        for (i, part) in bytes_in.chunks_mut(COPY_BYTES).enumerate() {
            let from = (i * COPY_BYTES) as u32;
            bytes.subarray(from, from + part.len() as u32).copy_to(part);
            slice.pause_if_long().await;
        }
        let bytes = bytes_in;
        let mut decoder = wire::Decoder::new(&bytes).map_err(words)?;
        while !decoder.step(STEP_UNITS).map_err(words)? {
            slice.pause_if_long().await;
        }
        return Ok((decoder.finish().map_err(words)?, warnings));
    }
    let problems: js_sys::Array = data.dyn_into().map_err(|_| failed())?;
    Err(problems.iter().filter_map(|p| p.as_string()).collect())
}

/// Units per step of the page's work on a large snapshot (a few milliseconds each).
const STEP_UNITS: usize = 1_000;
/// Bytes of the worker's answer copied into the page's memory at a time.
const COPY_BYTES: usize = 1 << 20;
/// The page's thread is given back at least this often (ms) while a large snapshot is opened.
const SLICE_MS: f64 = 30.0;

/// Time spent on the page's thread since it was last given back: long enough, it is given back (one
/// frame at most) before the work goes on.
struct Slice(f64);

impl Slice {
    fn start() -> Slice {
        Slice(js_sys::Date::now())
    }
    async fn pause_if_long(&mut self) {
        if js_sys::Date::now() - self.0 >= SLICE_MS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            self.0 = js_sys::Date::now();
        }
    }
}

/// What the page derives from a snapshot once (scores, ranks, peers, identity: `state::Loaded`), in
/// steps with the page's thread given back between them: a 50,000-unit file opens without freezing it.
pub async fn loaded_in_steps(snapshot: Rc<Snapshot>) -> Shared<Loaded> {
    let mut steps = LoadSteps::new(snapshot);
    let mut slice = Slice::start();
    while !steps.step(STEP_UNITS) {
        slice.pause_if_long().await;
    }
    Shared::new(steps.finish())
}

/// Reads files the user gave in the worker (the files themselves are sent: the worker reads them).
pub async fn import(files: &[gloo_file::File], lang: Lang) -> Result<Read, Vec<String>> {
    let list = js_sys::Array::new();
    for f in files {
        let blob: &web_sys::Blob = f.as_ref();
        list.push(&js_sys::Array::of2(&JsValue::from_str(&f.name()), blob));
    }
    let job = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&job, &"files".into(), &list);
    run(&job, lang).await
}

/// Reads one of the site's own data files (relative to the page) in the worker.
pub async fn load(url: &str, lang: Lang) -> Result<Read, Vec<String>> {
    let job = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&job, &"url".into(), &url.into());
    run(&job, lang).await
}
