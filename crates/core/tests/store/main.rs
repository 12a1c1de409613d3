//! Integration tests of the store, one module per area, built as one binary.

mod agenda;
mod attendance;
mod bindings;
mod db;
mod demo;
mod meetings;
mod minutes;
mod people;
mod support;
