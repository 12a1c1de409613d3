//! `hoinghi-cli`: the demo conference and document export, for scripting,
//! automation and benchmarks.
//!
//!   hoinghi-cli demo --db FILE [--extra-delegates N]
//!   hoinghi-cli export --db FILE [--meeting ID] --doc KIND [--profile nd30|hd36|hd05]
//!                      [--date YYYY-MM-DD] [--number N] [--list delegates|sign-in|attendance]
//!                      [--invitation generic|per-person] -o OUT.pdf
//!   hoinghi-cli export-all --db FILE [--meeting ID] [--profile nd30|hd36|hd05]
//!                      [--date YYYY-MM-DD] --dir FOLDER
//!   hoinghi-cli meeting export --db FILE [--meeting ID] -o MEETING.hoinghi
//!   hoinghi-cli meeting import --db FILE MEETING.hoinghi
//!   hoinghi-cli number --db FILE [--meeting ID] --doc KIND --date YYYY-MM-DD [--number N]
//!   hoinghi-cli register --db FILE [--meeting ID] -o REGISTER.pdf
//!   hoinghi-cli search --db FILE [--meeting ID] QUERY
//!   hoinghi-cli checkin --db FILE [--meeting ID] CODE
//!   hoinghi-cli import --db FILE [--meeting ID | --directory] [--sheet NAME] [--section NAME] [--dry-run] PATH
//!   hoinghi-cli export-list --db FILE [--meeting ID] -o LIST.xlsx
//!   hoinghi-cli meeting share --db FILE [--meeting ID]
//!   hoinghi-cli sync serve --db FILE --listen ADDR:PORT [--secret SECRET] [--invite] [--connections N]
//!   hoinghi-cli sync once --db FILE --peer ADDR:PORT --secret SECRET|"SIX WORDS"

/// A short-lived process that builds and frees hundreds of thousands of
/// small strings: mimalloc allocates and frees them several times faster
/// than the system allocator (see `benches/export_process.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use hoinghi_core::model::{
    DocumentKind, DocumentOptions, FormatProfile, ImportChoices, ImportField, ImportPreview,
    InvitationForm, ListForm,
};
use hoinghi_core::Db;
use hoinghi_vanban::docs::{self, files};

#[derive(Parser)]
#[command(
    name = "hoinghi-cli",
    version,
    about = "HoiNghi: dữ liệu mẫu và xuất văn bản PDF"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the demo conference into a new database file.
    Demo {
        #[arg(long)]
        db: PathBuf,
        /// Add this many deterministic synthetic delegates.
        #[arg(long, default_value_t = 0)]
        extra_delegates: usize,
    },
    /// Export one document of a meeting as PDF.
    Export {
        #[arg(long)]
        db: PathBuf,
        /// The meeting's id (default: the only, or most recent, meeting).
        #[arg(long)]
        meeting: Option<String>,
        /// giay-moi, chuong-trinh, danh-sach, bien-ban, thong-bao or bao-cao.
        #[arg(long, value_parser = parse_doc)]
        doc: DocumentKind,
        /// nd30, hd36 or hd05 (default: the organisation's format on the
        /// document's date: a Party body's documents from 27/5/2026 are hd05).
        #[arg(long, value_parser = parse_profile)]
        profile: Option<FormatProfile>,
        /// Ngày ban hành, YYYY-MM-DD (default: the usual day for the document).
        #[arg(long)]
        date: Option<String>,
        /// The number in số/ký hiệu (blank when omitted).
        #[arg(long)]
        number: Option<u32>,
        /// Danh sách: the list sent with the giấy mời (default), the sign-in
        /// sheet for the door, or the attendance list kept with the biên bản.
        /// Its --number and --date are those of that giấy mời or biên bản.
        #[arg(long, value_parser = parse_list, default_value = "delegates")]
        list: ListForm,
        /// Giấy mời: one generic invitation with the list of invitees attached
        /// (default), or one invitation per invitee, each on its own pages.
        #[arg(long, value_parser = parse_invitation, default_value = "generic")]
        invitation: InvitationForm,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Export all six documents of a meeting into a folder, under their usual names.
    ExportAll {
        #[arg(long)]
        db: PathBuf,
        /// The meeting's id (default: the only, or most recent, meeting).
        #[arg(long)]
        meeting: Option<String>,
        /// nd30, hd36 or hd05 (default: the organisation's format on the
        /// document's date: a Party body's documents from 27/5/2026 are hd05).
        #[arg(long, value_parser = parse_profile)]
        profile: Option<FormatProfile>,
        /// Ngày ban hành, YYYY-MM-DD (default: the usual day for the document).
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        dir: PathBuf,
    },
    /// Carry one meeting to another machine or to the archive, as a `.hoinghi` file.
    #[command(subcommand)]
    Meeting(MeetingCommand),
    /// Exchange shared meetings with other laptops (see `meeting share`).
    #[command(subcommand)]
    Sync(SyncCommand),
    /// Give a document of a meeting its số and ngày ban hành in the register
    /// of outgoing documents; later exports print them.
    Number {
        #[arg(long)]
        db: PathBuf,
        /// The meeting's id (default: the only, or most recent, meeting).
        #[arg(long)]
        meeting: Option<String>,
        #[arg(long, value_parser = parse_doc)]
        doc: DocumentKind,
        /// Ngày ban hành, YYYY-MM-DD.
        #[arg(long)]
        date: String,
        /// The number to give (default: the one it has, or the next in its series).
        #[arg(long)]
        number: Option<u32>,
    },
    /// Write the register of outgoing documents (sổ đăng ký văn bản đi) of
    /// the body that issues a meeting's documents, as PDF.
    Register {
        #[arg(long)]
        db: PathBuf,
        /// The meeting whose body's register to print (default: the only, or
        /// most recent, meeting).
        #[arg(long)]
        meeting: Option<String>,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Find people on a meeting's list as the door's search box does: best
    /// first, at most 10, one per line as CODE, name, chức vụ and đơn vị
    /// separated by tabs.
    Search {
        #[arg(long)]
        db: PathBuf,
        /// The meeting's id (default: the only, or most recent, meeting).
        #[arg(long)]
        meeting: Option<String>,
        /// What a secretary would type: "nguyen van tuan", "nvt", "HN-0042"…
        query: String,
    },
    /// Check one person in by their code, as a scanner at the door does.
    Checkin {
        #[arg(long)]
        db: PathBuf,
        /// The meeting's id (default: the only, or most recent, meeting).
        #[arg(long)]
        meeting: Option<String>,
        code: String,
    },
    /// Add a delegate list (.xlsx, .xls, .ods, .csv, .txt; legacy Vietnamese
    /// encodings converted) to a meeting's list: people already listed are
    /// updated. Prints the format, the columns and every problem found; all
    /// rows are written or none.
    Import {
        #[arg(long)]
        db: PathBuf,
        /// The meeting's id (default: the only, or most recent, meeting).
        #[arg(long, conflicts_with = "directory")]
        meeting: Option<String>,
        /// Into the person directory (danh bạ) only, invited to no meeting.
        #[arg(long)]
        directory: bool,
        /// The sheet to read (default: the first that looks like a list).
        #[arg(long)]
        sheet: Option<String>,
        /// The group (thành phần) of rows that name none.
        #[arg(long)]
        section: Option<String>,
        /// Show what would be done; write nothing.
        #[arg(long)]
        dry_run: bool,
        path: PathBuf,
    },
    /// Write a meeting's list (with attendance) to an .xlsx file in the
    /// columns `import` reads.
    ExportList {
        #[arg(long)]
        db: PathBuf,
        /// The meeting's id (default: the only, or most recent, meeting).
        #[arg(long)]
        meeting: Option<String>,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
}

#[derive(Subcommand)]
enum MeetingCommand {
    /// Write one meeting, with everything in it, to a `.hoinghi` file.
    Export {
        #[arg(long)]
        db: PathBuf,
        /// The meeting's id (default: the only, or most recent, meeting).
        #[arg(long)]
        meeting: Option<String>,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Bring the meeting in a `.hoinghi` file into a database (created if missing);
    /// rows already there are kept unless the file's are newer.
    Import {
        #[arg(long)]
        db: PathBuf,
        file: PathBuf,
    },
    /// Share a meeting with other laptops and print its pairing secret (the
    /// same secret every time for a meeting already shared).
    Share {
        #[arg(long)]
        db: PathBuf,
        /// The meeting's id (default: the only, or most recent, meeting).
        #[arg(long)]
        meeting: Option<String>,
    },
}

#[derive(Subcommand)]
enum SyncCommand {
    /// Serve the shared meetings of a database to other laptops until stopped.
    Serve {
        #[arg(long)]
        db: PathBuf,
        /// The address and port to listen on, e.g. 0.0.0.0:47470.
        #[arg(long)]
        listen: std::net::SocketAddr,
        /// Serve only the meeting shared under this secret.
        #[arg(long)]
        secret: Option<String>,
        /// Print a six-word invitation into each meeting served (good for 30
        /// minutes), which another laptop can give `sync once` as its secret.
        #[arg(long)]
        invite: bool,
        /// Stop after this many connections.
        #[arg(long)]
        connections: Option<usize>,
    },
    /// Exchange a shared meeting's changes with one laptop, both ways. Into a
    /// missing or empty database, brings the meeting (joins it).
    Once {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        peer: std::net::SocketAddr,
        /// The meeting's secret, or a six-word invitation the laptop at
        /// --peer issued.
        #[arg(long)]
        secret: String,
    },
}

fn parse_doc(s: &str) -> Result<DocumentKind, String> {
    DocumentKind::parse(s).ok_or_else(|| choices(s, DocumentKind::ALL.iter().map(|k| k.as_str())))
}

fn parse_profile(s: &str) -> Result<FormatProfile, String> {
    FormatProfile::parse(s).ok_or_else(|| choices(s, FormatProfile::ALL.iter().map(|p| p.as_str())))
}

fn parse_invitation(s: &str) -> Result<InvitationForm, String> {
    InvitationForm::parse(s)
        .ok_or_else(|| choices(s, InvitationForm::ALL.iter().map(|f| f.as_str())))
}

fn parse_list(s: &str) -> Result<ListForm, String> {
    ListForm::parse(s).ok_or_else(|| choices(s, ListForm::ALL.iter().map(|f| f.as_str())))
}

fn choices<'a>(given: &str, names: impl Iterator<Item = &'a str>) -> String {
    format!(
        "\"{given}\" không hợp lệ; chọn một trong: {}",
        names.collect::<Vec<_>>().join(", ")
    )
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(message) => {
            if !message.is_empty() {
                println!("{message}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("hoinghi-cli: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<String, String> {
    match command {
        Command::Demo {
            db,
            extra_delegates,
        } => {
            if db.exists() {
                return Err(format!(
                    "{} đã tồn tại; hãy chọn một tệp mới.",
                    db.display()
                ));
            }
            let mut store = Db::open(&db).map_err(|e| e.to_string())?;
            let id = store
                .write_demo_with_extra(extra_delegates)
                .map_err(|e| e.to_string())?;
            Ok(format!("Đã ghi hội nghị mẫu {id} vào {}", db.display()))
        }
        Command::Export {
            db,
            meeting,
            doc,
            profile,
            date,
            number,
            list,
            invitation,
            output,
        } => {
            let store = open_existing(&db)?;
            let meeting_id = meeting_or_latest(&store, meeting)?;
            let request = DocumentOptions {
                profile,
                number,
                issued_on: date,
                list,
                invitation,
            };
            let snapshot = docs::Snapshot::take(&store, &meeting_id, doc, &request)
                .map_err(|e| e.to_string())?;
            files::save(&snapshot, &output).map_err(|e| e.to_string())?;
            left_to_exit(snapshot);
            left_to_exit(store);
            Ok(format!("Đã xuất {} vào {}", doc.name(), output.display()))
        }
        Command::ExportAll {
            db,
            meeting,
            profile,
            date,
            dir,
        } => {
            let store = open_existing(&db)?;
            let meeting_id = meeting_or_latest(&store, meeting)?;
            let request = DocumentOptions {
                profile,
                number: None,
                issued_on: date,
                list: ListForm::Delegates,
                invitation: InvitationForm::Generic,
            };
            let snapshots = DocumentKind::ALL
                .iter()
                .map(|kind| docs::Snapshot::take(&store, &meeting_id, *kind, &request))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| e.to_string())?;
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("không tạo được thư mục {}: {e}", dir.display()))?;
            let mut lines = Vec::new();
            let mut failed = false;
            for saved in files::save_all(&snapshots, &dir) {
                match saved.error {
                    None => lines.push(format!("Đã xuất {} vào {}", saved.kind.name(), saved.path)),
                    Some(e) => {
                        failed = true;
                        lines.push(format!(
                            "Không xuất được {}: {}",
                            saved.kind.name(),
                            e.message
                        ));
                    }
                }
            }
            if failed {
                Err(lines.join("\n"))
            } else {
                Ok(lines.join("\n"))
            }
        }
        Command::Meeting(MeetingCommand::Export {
            db,
            meeting,
            output,
        }) => {
            let store = open_existing(&db)?;
            let meeting_id = meeting_or_latest(&store, meeting)?;
            let title = store
                .export_meeting(&meeting_id, &output)
                .map_err(|e| e.to_string())?;
            Ok(format!(
                "Đã ghi hội nghị «{title}» vào {}",
                output.display()
            ))
        }
        Command::Number {
            db,
            meeting,
            doc,
            date,
            number,
        } => {
            let mut store = open_existing_for_writing(&db)?;
            let meeting_id = meeting_or_latest(&store, meeting)?;
            let given = store
                .issue_document_number(&meeting_id, doc, number, &date)
                .map_err(|e| e.to_string())?;
            Ok(format!(
                "Đã cấp số {} ngày {} cho {}",
                given.symbol, given.issued_on, given.summary
            ))
        }
        Command::Register {
            db,
            meeting,
            output,
        } => {
            let store = open_existing(&db)?;
            let meeting_id = meeting_or_latest(&store, meeting)?;
            let body = store.issuing_body(&meeting_id).map_err(|e| e.to_string())?;
            let pdf =
                docs::so_van_ban::register_pdf(&store, &body.id, chrono::Utc::now().naive_utc())
                    .map_err(|e| e.to_string())?;
            files::write_atomic(&output, &pdf).map_err(|e| e.to_string())?;
            Ok(format!(
                "Đã ghi sổ đăng ký văn bản đi vào {}",
                output.display()
            ))
        }
        Command::Search { db, meeting, query } => {
            let store = open_existing(&db)?;
            let meeting_id = meeting_or_latest(&store, meeting)?;
            let found = store
                .search_participants(&meeting_id, &query, 10)
                .map_err(|e| e.to_string())?;
            Ok(found
                .iter()
                .map(|p| {
                    let p = &p.person;
                    format!(
                        "{}\t{}\t{}\t{}",
                        p.checkin_code, p.full_name, p.position_title, p.unit
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        Command::Checkin { db, meeting, code } => {
            let mut store = open_existing_for_writing(&db)?;
            let meeting_id = meeting_or_latest(&store, meeting)?;
            let done = store
                .check_in_code(&meeting_id, &code)
                .map_err(|e| e.to_string())?;
            let p = &done.participant;
            let at = p
                .arrived_at
                .as_deref()
                .and_then(|t| t.get(11..16))
                .unwrap_or("?");
            let s = done.summary;
            let counts = format!(
                "Có mặt {}/{} (trong đó đến muộn {}), vắng {}, chưa đến {}.",
                s.attended,
                s.invited,
                s.late,
                s.absent_total(),
                s.pending
            );
            Ok(if done.already {
                format!(
                    "{} đã điểm danh lúc {at}; giữ nguyên giờ đến. {counts}",
                    p.person.full_name
                )
            } else {
                format!("Đã điểm danh {} lúc {at}. {counts}", p.person.full_name)
            })
        }
        Command::Import {
            db,
            meeting,
            directory,
            sheet,
            section,
            dry_run,
            path,
        } => {
            let mut store = if dry_run {
                open_existing(&db)?
            } else {
                open_existing_for_writing(&db)?
            };
            let meeting_id = if directory {
                None
            } else {
                Some(meeting_or_latest(&store, meeting)?)
            };
            let bytes = std::fs::read(&path)
                .map_err(|e| format!("không đọc được {}: {e}", path.display()))?;
            let name = path
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            let source = hoinghi_import::read(&bytes, &name).map_err(|e| e.to_string())?;
            let choices = ImportChoices {
                sheet,
                section,
                ..ImportChoices::default()
            };
            if dry_run {
                let plan =
                    hoinghi_import::preview(&store, meeting_id.as_deref(), &source, &choices)
                        .map_err(|e| e.to_string())?;
                return Ok(format!(
                    "{}\nChưa ghi gì (--dry-run): sẽ thêm {}, cập nhật {}, giữ nguyên {}, bỏ qua {}.",
                    import_report(&plan),
                    plan.added,
                    plan.updated,
                    plan.unchanged,
                    plan.skipped
                ));
            }
            let (plan, done) =
                hoinghi_import::apply(&mut store, meeting_id.as_deref(), &source, &choices)
                    .map_err(|e| e.to_string())?;
            Ok(format!(
                "{}\nĐã nhập: thêm {}, cập nhật {}, giữ nguyên {}, bỏ qua {}.",
                import_report(&plan),
                done.added,
                done.updated,
                done.unchanged,
                done.skipped
            ))
        }
        Command::ExportList {
            db,
            meeting,
            output,
        } => {
            let store = open_existing(&db)?;
            let meeting_id = meeting_or_latest(&store, meeting)?;
            let bytes =
                hoinghi_import::export_list(&store, &meeting_id).map_err(|e| e.to_string())?;
            files::write_atomic(&output, &bytes).map_err(|e| e.to_string())?;
            Ok(format!("Đã ghi danh sách vào {}", output.display()))
        }
        Command::Meeting(MeetingCommand::Share { db, meeting }) => {
            let mut store = open_existing_for_writing(&db)?;
            let meeting_id = meeting_or_latest(&store, meeting)?;
            let shared = store
                .share_meeting(&meeting_id)
                .map_err(|e| e.to_string())?;
            eprintln!(
                "Hội nghị «{}» được dùng chung. Mã ghép nối (nhập trên máy kia):",
                shared.title
            );
            Ok(shared.secret)
        }
        Command::Sync(SyncCommand::Serve {
            db,
            listen,
            secret,
            invite,
            connections,
        }) => {
            let store = open_existing_for_writing(&db)?;
            let shared = store.shared_meetings().map_err(|e| e.to_string())?;
            if shared.is_empty() {
                return Err("chưa có hội nghị nào được dùng chung (xem `meeting share`).".into());
            }
            let invitations = hoinghi_sync::Invitations::default();
            if invite {
                let only = secret.as_deref().map(hoinghi_sync::normalise_secret);
                for s in shared
                    .iter()
                    .filter(|s| only.as_ref().is_none_or(|o| *o == s.secret))
                {
                    let words = hoinghi_sync::invite(&store, &invitations, &s.meeting_id)
                        .map_err(|e| e.to_string())?
                        .words;
                    println!("{words}\t{}", s.title);
                }
            }
            let listener = std::net::TcpListener::bind(listen)
                .map_err(|e| format!("không mở được cổng {listen}: {e}"))?;
            let bound = listener.local_addr().map_err(|e| e.to_string())?;
            eprintln!("Đang phục vụ các hội nghị dùng chung tại {bound}.");
            hoinghi_sync::serve(
                &std::sync::Mutex::new(store),
                &listener,
                secret.as_deref(),
                &invitations,
                connections,
                |served| match served.outcome {
                    Ok(done) => eprintln!(
                        "{}: nhận {} thay đổi, gửi {} thay đổi của «{}»",
                        served.peer, done.received, done.sent, done.title
                    ),
                    Err(e) => eprintln!("{}: {e}", served.peer),
                },
            )
            .map_err(|e| e.to_string())?;
            Ok(String::new())
        }
        Command::Sync(SyncCommand::Once { db, peer, secret }) => {
            let new_file = !db.exists();
            let store = std::sync::Mutex::new(Db::open(&db).map_err(|e| e.to_string())?);
            match hoinghi_sync::exchange(&store, peer, &secret, 0) {
                Ok(done) => Ok(format!(
                    "{} «{}» với {peer}: nhận {} thay đổi, gửi {} thay đổi.",
                    if done.joined {
                        "Đã tham gia hội nghị"
                    } else {
                        "Đã trao đổi hội nghị"
                    },
                    done.title,
                    done.received,
                    done.sent
                )),
                Err(e) => {
                    drop(store);
                    if new_file {
                        // A laptop that failed to join keeps no half-made file.
                        for suffix in ["", "-wal", "-shm", ".lock"] {
                            let mut name = db.as_os_str().to_owned();
                            name.push(suffix);
                            let _ = std::fs::remove_file(PathBuf::from(name));
                        }
                    }
                    Err(e.to_string())
                }
            }
        }
        Command::Meeting(MeetingCommand::Import { db, file }) => {
            let mut store = Db::open(&db).map_err(|e| e.to_string())?;
            let done = store.import_meeting(&file).map_err(|e| e.to_string())?;
            let mut message = format!(
                "Đã nhập hội nghị «{}» ({}): {} mục mới, {} mục được cập nhật.",
                done.title, done.meeting_id, done.added, done.updated
            );
            if let Some(body) = &done.organisation_added {
                message.push_str(&format!(
                    "\nCơ quan ban hành «{body}» chưa có trên máy này và đã được thêm vào danh sách cơ quan."
                ));
            }
            if done.in_trash {
                message.push_str("\nHội nghị này đang ở Thùng rác trên máy này.");
            }
            Ok(message)
        }
    }
}

/// The format, the columns and the problems an import found, as text.
fn import_report(plan: &ImportPreview) -> String {
    let mut out = format!("Tệp: {}", plan.format);
    if !plan.encoding.is_empty() {
        out.push_str(&format!(", mã hoá {}", plan.encoding));
    }
    out.push_str(&format!(
        "; trang tính «{}», tiêu đề ở dòng {}.\nCột:",
        plan.sheet, plan.header_row
    ));
    for (i, c) in plan.columns.iter().enumerate() {
        if c.header.is_empty() && c.field == ImportField::Ignore {
            continue;
        }
        out.push_str(&format!(
            "\n  {}. «{}» → {}",
            i + 1,
            c.header,
            field_name(c.field)
        ));
        if !c.converted_from.is_empty() {
            out.push_str(&format!(" (chuyển từ {}", c.converted_from));
            if let Some((before, after)) = c.examples.first() {
                out.push_str(&format!(": «{before}» → «{after}»"));
            }
            out.push(')');
        }
    }
    if plan.problems.is_empty() {
        out.push_str("\nKhông có lỗi.");
    } else {
        out.push_str(&format!("\nCần xem lại ({}):", plan.problems.len()));
        for p in &plan.problems {
            let what = if p.blocking { "bỏ qua" } else { "lưu ý" };
            out.push_str(&format!("\n  Dòng {} ({what}): {}", p.row, p.message));
        }
    }
    out
}

fn field_name(field: ImportField) -> &'static str {
    match field {
        ImportField::Ordinal => "STT",
        ImportField::FullName => "Họ và tên",
        ImportField::FamilyName => "Họ (và đệm)",
        ImportField::GivenName => "Tên",
        ImportField::Title => "Chức vụ",
        ImportField::Unit => "Đơn vị",
        ImportField::Code => "Mã",
        ImportField::Phone => "Điện thoại",
        ImportField::Email => "Email",
        ImportField::Section => "Thành phần",
        ImportField::Ignore => "không nhập",
    }
}

/// Exports only read: the file is opened read-only, so a foreign or newer file
/// is refused untouched, and a database open in the app can still be exported.
fn open_existing(db: &std::path::Path) -> Result<Db, String> {
    if !db.exists() {
        return Err(format!("không tìm thấy tệp dữ liệu {}", db.display()));
    }
    Db::open_read_only(db).map_err(|e| e.to_string())
}

/// Leaves `value` to the end of the process, which follows the command: the
/// kernel takes back its memory, and a read-only database's file and mapping,
/// faster than freeing a thousand people's records and unmapping the file
/// one by one (0.2 ms of a 14 ms export). Only for what holds no unsaved work.
fn left_to_exit<T>(value: T) {
    std::mem::forget(value);
}

/// An existing database, opened to write (never created here).
fn open_existing_for_writing(db: &std::path::Path) -> Result<Db, String> {
    if !db.exists() {
        return Err(format!("không tìm thấy tệp dữ liệu {}", db.display()));
    }
    Db::open(db).map_err(|e| e.to_string())
}

/// The meeting asked for, or the most recent one.
fn meeting_or_latest(store: &Db, meeting: Option<String>) -> Result<String, String> {
    match meeting {
        Some(id) => Ok(id),
        None => store
            .latest_meeting_id()
            .map_err(|e| e.to_string())?
            .ok_or_else(|| "tệp dữ liệu chưa có hội nghị nào".to_string()),
    }
}
