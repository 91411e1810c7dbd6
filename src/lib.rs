//! chiso: the calculator for the Decision 766 citizen/business service index.
//!
//! - `engine`: pure Rust, scores exactly as the national portal does (tested natively);
//! - `present`: what the UI shows (formats, search, breakdowns), no UI crate;
//! - `state`: the app's one state and reducer, no UI crate;
//! - `ui`: the yew components (browser build only);
//! - `worker`: the import worker, where the readers of user data run (browser build only).

// A `Problem` names its file, row, unit and field (about 144 bytes): returned only on bad input, a
// cold path, so it is not boxed.
#![allow(clippy::result_large_err)]

pub mod datasets;
pub mod engine;
pub mod present;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod worker;
