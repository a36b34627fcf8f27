//! Subcommands of the `journeymap` tool that are bigger than a few lines.

pub mod measures;
pub mod tracker;
