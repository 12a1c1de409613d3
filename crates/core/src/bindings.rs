//! TypeScript types for the UI, generated from `model` with ts-rs. The output is
//! committed at `ui/src/ipc/bindings.ts`; a test fails when it is out of date
//! (run `cargo xtask bindings` to rewrite it).

use ts_rs::{Config, TS};

use crate::model::*;

macro_rules! declarations {
    ($cfg:expr; $($t:ty),+ $(,)?) => {
        vec![$(format!("export {}", <$t as TS>::decl($cfg))),+]
    };
}

/// The whole `bindings.ts` file.
pub fn typescript() -> String {
    let cfg = Config::default();
    let decls = declarations!(&cfg;
        FormatProfile, MeetingStatus, MeetingKind, AttendanceEventKind, AttendanceState,
        MinutesKind, DocumentKind, DocumentOptions, DocumentField, DocumentFont, FontSettings, FormatSettings,
        Organisation, Meeting, MeetingInput, MeetingSummary, AgendaItem,
        AgendaItemInput, Person, PersonInput, Participant, AttendanceEvent, MinutesEntry,
        MinutesInput, Task, TaskInput, IpcError, AppInfo,
    );
    let mut out = String::from(
        "// Generated from crates/core/src/model.rs by `cargo xtask bindings`. Do not edit.\n\n",
    );
    for d in decls {
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
