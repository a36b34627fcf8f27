//! Integration tests of the core library against real `.journey` files in temporary folders,
//! and of the `journeymap` command-line tool run as a process.

mod bindings;
mod cjml;
mod cli;
mod crash;
mod files;
mod hostile;
#[cfg(feature = "room")]
#[path = "../shared/http.rs"]
mod http;
mod interchange;
mod layers;
mod layout;
mod measures;
#[cfg(feature = "report")]
mod pictures;
#[cfg(feature = "report")]
mod report;
#[cfg(feature = "room")]
mod room;
mod sheets;
mod support;
mod validate;
