//! What the UI shows, computed without any UI crate (tested natively): every word and number format
//! (`text`), search, a unit's breakdown, exports, the link and the browser store's formats.

pub mod breakdown;
pub mod charts;
pub mod export;
pub mod hash;
pub mod lever_input;
pub mod names;
pub mod planning;
pub mod province;
pub mod report;
pub mod search;
pub mod store;
pub mod text;
