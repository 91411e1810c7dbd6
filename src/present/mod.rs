//! What the UI shows, computed without any UI crate (tested natively): Vietnamese number formats,
//! search, labels, and a unit's breakdown. Components only render these.

pub mod breakdown;
pub mod export;
pub mod format;
pub mod hash;
pub mod labels;
pub mod lever_input;
pub mod search;
pub mod store;
