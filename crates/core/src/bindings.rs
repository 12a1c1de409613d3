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
        FormatProfile, OrganisationKind, MeetingStatus, MeetingEventKind, MeetingKind, AttendanceEventKind, AttendanceState,
        MinutesKind, ParticipantRole, ToneMarks, ListForm, InvitationForm, DocumentKind, DocumentFieldKey, DocumentOptions, DocumentFormat, DocumentField, DocumentFont,
        FontSettings, ListOrder, FormatSettings, Organisation, Meeting, MeetingEvent, MeetingInput, MeetingSummary,
        AgendaItem, AgendaItemInput, Person, PersonInput, Participant, AttendanceSummary, SectionAttendance, CheckIn, ImportField, ImportAction, ImportColumn, ImportProblem, ImportRowPlan, ImportPreview, ImportChoices, ImportFix, ImportOutcome,
        AttendanceEvent, MinutesEntry, MinutesInput, Task, TaskInput, Vote, VoteInput, DocumentNumber, SavedDocument, SavedFolder, BackupReason, BackupInfo, BackupSettings, PortableImport, SharingState, SyncPeer, JoinedMeeting, ErrorKind, IpcError, AppInfo,
    );
    // The lists the UI iterates over, so that a new variant reaches every screen.
    let lists = [
        list(
            "DOCUMENT_KINDS",
            "DocumentKind",
            DocumentKind::ALL.iter().map(|k| k.as_str()),
        ),
        list(
            "DOCUMENT_FIELD_KEYS",
            "DocumentFieldKey",
            DocumentFieldKey::ALL.iter().map(|k| k.as_str()),
        ),
        list(
            "ERROR_KINDS",
            "ErrorKind",
            ErrorKind::ALL.iter().map(|k| k.as_str()),
        ),
        list(
            "LIST_ORDERS",
            "ListOrder",
            ListOrder::ALL.iter().map(|k| k.as_str()),
        ),
        authority_prefixes(),
        table_font_sizes(),
    ];
    let mut out = String::from(
        "// Generated from crates/core/src/model.rs by `cargo xtask bindings`. Do not edit.\n\n",
    );
    for d in decls.into_iter().chain(lists) {
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// `export const NAME: readonly Type[] = ["a", "b"];`
fn list<'a>(name: &str, ty: &str, items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.map(|i| format!("{i:?}")).collect();
    format!(
        "export const {name}: readonly {ty}[] = [{}];",
        items.join(", ")
    )
}

/// The signing-authority prefixes each kind of body writes, for the settings form.
fn authority_prefixes() -> String {
    let entries: Vec<String> = OrganisationKind::ALL
        .iter()
        .map(|k| {
            let prefixes: Vec<String> = k
                .spelling()
                .authority_prefixes()
                .iter()
                .map(|x| format!("{x:?}"))
                .collect();
            format!("{:?}: [{}]", k.as_str(), prefixes.join(", "))
        })
        .collect();
    format!(
        "export const AUTHORITY_PREFIXES: Record<OrganisationKind, readonly string[]> = {{ {} }};",
        entries.join(", ")
    )
}

/// The table sizes each profile allows, for the settings form.
fn table_font_sizes() -> String {
    let entries: Vec<String> = FormatProfile::ALL
        .iter()
        .map(|p| {
            let sizes: Vec<String> = p.table_font_sizes().map(|s| s.to_string()).collect();
            format!("{:?}: [{}]", p.as_str(), sizes.join(", "))
        })
        .collect();
    format!(
        "export const TABLE_FONT_SIZES: Record<FormatProfile, readonly number[]> = {{ {} }};",
        entries.join(", ")
    )
}
