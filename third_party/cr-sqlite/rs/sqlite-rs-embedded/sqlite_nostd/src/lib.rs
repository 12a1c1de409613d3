#![no_std]
#![allow(non_camel_case_types)]

mod nostd;
pub use crate::nostd::*;
