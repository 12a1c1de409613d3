#![no_std]

mod allocator;
pub use allocator::*;
