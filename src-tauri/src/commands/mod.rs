//! IPC commands, one file per area. Each takes the state and a DTO, calls the
//! core on a blocking thread, and returns the core's result or an `IpcError`.
//! The list of them is `list.rs`.

mod agenda;
mod app;
mod backups;
mod documents;
mod lists;
mod meetings;
mod minutes;
mod organisation;
mod people;
mod sharing;

pub use app::PROJECTOR;

include!("list.rs");

/// Every command's name, in the order of `list.rs`.
pub const COMMANDS: &[&str] = with_commands!(command_names);

macro_rules! handlers {
    ($($area:ident :: $name:ident),+ $(,)?) => {
        tauri::generate_handler![$($area::$name),+]
    };
}

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    with_commands!(handlers)
}

/// `ui/src/ipc/commands.ts`: the command names for the UI, whose `call` takes
/// only these, so that calling a command that does not exist fails the type-check.
pub fn typescript() -> String {
    let names: Vec<String> = COMMANDS.iter().map(|c| format!("  {c:?},\n")).collect();
    format!(
        "// Generated from src-tauri/src/commands/list.rs by `cargo xtask bindings`. Do not edit.\n\n\
         export const COMMANDS = [\n{}] as const;\n\n\
         export type Command = (typeof COMMANDS)[number];\n",
        names.concat()
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    fn repository() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn the_window_may_call_exactly_the_registered_commands() {
        let text = std::fs::read_to_string(repository().join("src-tauri/capabilities/main.json"))
            .expect("the capability file is readable");
        let json: serde_json::Value = serde_json::from_str(&text).expect("it is JSON");
        let granted: BTreeSet<String> = json["permissions"]
            .as_array()
            .expect("it lists permissions")
            .iter()
            .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
            .map(|p| p.replace('-', "_"))
            .collect();
        let registered: BTreeSet<String> = COMMANDS.iter().map(|c| c.to_string()).collect();
        assert_eq!(
            granted, registered,
            "src-tauri/capabilities/main.json must grant allow-<name> for each command in \
             src-tauri/src/commands/list.rs, and nothing else"
        );
    }

    /// The hall screen only reads: its window may call a few read commands
    /// and close itself, nothing that writes.
    #[test]
    fn the_projector_window_only_reads() {
        let text =
            std::fs::read_to_string(repository().join("src-tauri/capabilities/projector.json"))
                .expect("the projector's capability file is readable");
        let json: serde_json::Value = serde_json::from_str(&text).expect("it is JSON");
        assert_eq!(json["windows"], serde_json::json!([PROJECTOR]));
        let granted: BTreeSet<&str> = json["permissions"]
            .as_array()
            .expect("it lists permissions")
            .iter()
            .filter_map(|p| p.as_str())
            .collect();
        let reads = [
            "allow-get-meeting",
            "allow-list-agenda",
            "allow-attendance-summary",
            "core:window:allow-close",
        ];
        assert_eq!(granted, BTreeSet::from(reads));
        for p in reads.iter().filter_map(|p| p.strip_prefix("allow-")) {
            assert!(COMMANDS.contains(&p.replace('-', "_").as_str()), "{p}");
        }
    }

    /// The page is untrusted: no command takes a path or a folder from it, and
    /// the window has no file-system or dialog permission of its own. Places
    /// are chosen in native dialogs opened by the commands in Rust.
    #[test]
    fn no_command_takes_a_path_from_the_page() {
        let mut offending = Vec::new();
        for entry in std::fs::read_dir(repository().join("src-tauri/src/commands")).unwrap() {
            let path = entry.unwrap().path();
            if path.ends_with("mod.rs") || path.ends_with("list.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for command in text.split("#[tauri::command]").skip(1) {
                let signature = &command[..command.find('{').unwrap_or(command.len())];
                let name = signature
                    .split("fn ")
                    .nth(1)
                    .and_then(|s| s.split('(').next());
                assert!(
                    name.is_some_and(|n| COMMANDS.contains(&n.trim())),
                    "{}: an unlisted command {name:?}",
                    path.display()
                );
                for param in signature.split(['(', ',']).skip(1) {
                    let Some((arg, ty)) = param.split_once(':') else {
                        continue;
                    };
                    let arg = arg.trim().to_lowercase();
                    let suspicious = ["path", "dir", "folder", "file"]
                        .iter()
                        .any(|w| arg.contains(w))
                        || ty.contains("PathBuf")
                        || ty.contains("Path>");
                    if suspicious {
                        offending.push(format!("{}: {}", name.unwrap_or("?").trim(), param.trim()));
                    }
                }
            }
        }
        assert!(
            offending.is_empty(),
            "commands taking a path from the page: {offending:?}"
        );

        let capability =
            std::fs::read_to_string(repository().join("src-tauri/capabilities/main.json")).unwrap();
        for plugin in ["\"dialog:", "\"fs:", "\"shell:", "\"opener:", "\"http:"] {
            assert!(
                !capability.contains(plugin),
                "the window must not hold {plugin} permissions"
            );
        }
    }

    #[test]
    fn commands_have_unique_names() {
        let unique: BTreeSet<&str> = COMMANDS.iter().copied().collect();
        assert_eq!(unique.len(), COMMANDS.len(), "a command is listed twice");
    }

    /// The version lives in the workspace's Cargo.toml: Tauri takes it from there
    /// (tauri.conf.json has none), and package.json must say the same.
    #[test]
    fn the_version_is_written_in_one_place() {
        let read = |name: &str| -> serde_json::Value {
            let text = std::fs::read_to_string(repository().join(name)).expect("readable");
            serde_json::from_str(&text).expect("JSON")
        };
        assert!(
            read("tauri.conf.json").get("version").is_none(),
            "tauri.conf.json must not repeat the version of Cargo.toml"
        );
        assert_eq!(
            read("package.json")["version"],
            env!("CARGO_PKG_VERSION"),
            "package.json and Cargo.toml ([workspace.package] version) disagree"
        );
    }

    /// Set UPDATE_BINDINGS=1 (or run `cargo xtask bindings`) to rewrite it.
    #[test]
    fn the_ui_list_of_commands_is_up_to_date() {
        let path = repository().join("ui/src/ipc/commands.ts");
        let generated = typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &generated).expect("commands.ts is writable");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "ui/src/ipc/commands.ts is out of date with src-tauri/src/commands/list.rs; \
             run `cargo xtask bindings`"
        );
    }
}
