//! Integration tests of the store, one module per area, built as one binary.

mod agenda;
mod attendance;
mod backup;
mod bindings;
mod bodies;
mod checkin;
mod db;
mod demo;
mod guard;
mod hygiene;
mod import;
mod lock;
mod meetings;
mod minutes;
mod numbers;
mod people;
mod portable;
mod sharing;
mod support;
mod votes;
