//! Biên bản hội nghị: NĐ30 Mẫu 1.9 for state bodies (no date line in the
//! header; THƯ KÝ left, CHỦ TỌA right) or Hướng dẫn 16-HD/VPTW for Party bodies
//! (thành phần with counts, diễn biến, kết luận; NGƯỜI GHI BIÊN BẢN left,
//! CHỦ TRÌ HỘI NGHỊ right).

use hoinghi_core::model::{
    AttendanceState, AttendanceSummary, DocumentFieldKey, MinutesEntry, MinutesKind,
};

use super::{capitalise, clock, person, sentence, task_text, when, with_ending, Ctx};
use crate::layout::{Block, Column, PageSpec};
use crate::profile::date_line;

pub(super) fn build(ctx: &Ctx) -> (PageSpec, Vec<Block>) {
    let conf = ctx.conf;
    let m = &conf.meeting;
    let party = ctx.profile().is_party();
    let mut blocks = ctx.header(true, party);
    blocks.extend(ctx.title("Biên bản", &m.title));

    let start = format!("{}.", when(conf.starts()));
    blocks.push(ctx.labelled(
        if party {
            "Thời gian"
        } else {
            "Thời gian bắt đầu"
        },
        &start,
    ));
    if !m.venue.trim().is_empty() {
        blocks.push(ctx.labelled("Địa điểm", &sentence(&m.venue)));
    }
    let chair = sentence(&conf.chair());
    let secretary = sentence(&person(&m.secretary_name, &m.secretary_title));
    if party {
        blocks.push(ctx.labelled("Nội dung", &sentence(&m.title)));
        blocks.push(ctx.labelled("Người chủ trì", &chair));
        blocks.push(ctx.labelled("Người ghi biên bản", &secretary));
        blocks.push(ctx.heading("1. Thành phần hội nghị"));
        blocks.push(ctx.para(&ctx.text(DocumentFieldKey::Attendance, attendance_summary(ctx))));
        blocks.push(ctx.heading("2. Diễn biến hội nghị"));
    } else {
        blocks.push(ctx.labelled(
            "Thành phần tham dự",
            &ctx.text(DocumentFieldKey::Attendance, attendance_summary(ctx)),
        ));
        blocks.push(ctx.labelled("Chủ trì", &chair));
        blocks.push(ctx.labelled("Thư ký", &secretary));
        blocks.push(ctx.heading("Nội dung (theo diễn biến hội nghị):"));
    }
    blocks.extend(proceedings(ctx));

    let conclusions: Vec<&MinutesEntry> = conf
        .minutes
        .iter()
        .filter(|e| e.kind == MinutesKind::Conclusion)
        .collect();
    if !conclusions.is_empty() || !conf.tasks.is_empty() {
        blocks.push(ctx.heading(if party {
            "3. Kết luận của đồng chí chủ trì hội nghị"
        } else {
            "Kết luận của đồng chí chủ trì:"
        }));
        for e in &conclusions {
            blocks.push(ctx.para(&e.text));
        }
        for (i, t) in conf.tasks.iter().enumerate() {
            blocks.push(ctx.para(&format!("{}. {}", i + 1, task_text(t))));
        }
    }

    let end = conf.ends();
    let closing = with_ending(
        &format!(
            "Hội nghị kết thúc vào {}, {}",
            clock(end),
            date_line("", end.date())
        ),
        ctx.ending(),
    );
    let closing = ctx.text(DocumentFieldKey::Closing, closing);
    let closing = if party {
        format!(
            "{} {closing}",
            if conclusions.is_empty() && conf.tasks.is_empty() {
                "3."
            } else {
                "4."
            }
        )
    } else {
        closing
    };
    let (left_title, right_title) = if party {
        ("NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ")
    } else {
        ("THƯ KÝ", "CHỦ TỌA")
    };
    let half = ctx.profile().page.content_width() / 2.0;
    let signatures = Block::Columns(vec![
        Column {
            width: half,
            blocks: ctx.profile().signer("", left_title, &m.secretary_name),
        },
        Column {
            width: half,
            blocks: ctx.profile().signer("", right_title, &m.chair_name),
        },
    ]);
    let mut closing_blocks = vec![ctx.para(&closing), Block::Space(6.0), signatures];
    if !party {
        let recipients = ctx.text(
            DocumentFieldKey::Recipients,
            "- Lưu: VT, Hồ sơ.".to_string(),
        );
        let recipients: Vec<String> = recipients.lines().map(str::to_string).collect();
        closing_blocks.push(ctx.profile().signature(&recipients, "", "", ""));
    }
    blocks.push(Block::KeepTogether(closing_blocks));
    (ctx.profile().page, blocks)
}

/// "Có mặt 36/40 đại biểu được mời; vắng 3 đồng chí: A (lý do), B; đến muộn: C."
fn attendance_summary(ctx: &Ctx) -> String {
    let ps = &ctx.conf.participants;
    if ps.is_empty() {
        return "(chưa có danh sách đại biểu).".into();
    }
    let counts = AttendanceSummary::of(ps);
    let absent: Vec<String> = ps
        .iter()
        .filter(|p| {
            matches!(
                p.state,
                AttendanceState::Absent | AttendanceState::AbsentExcused
            )
        })
        .map(|p| {
            let reason = p.absence_reason.trim();
            if reason.is_empty() {
                format!("đồng chí {} (không có lý do)", p.person.full_name)
            } else {
                format!(
                    "đồng chí {} ({})",
                    p.person.full_name,
                    lower_first(reason.trim_end_matches('.'))
                )
            }
        })
        .collect();
    let mut parts = vec![format!(
        "có mặt {}/{} đại biểu được mời",
        counts.attended, counts.invited
    )];
    if !absent.is_empty() {
        parts.push(format!(
            "vắng {} đồng chí: {}",
            absent.len(),
            absent.join(", ")
        ));
    }
    let late: Vec<String> = ps
        .iter()
        .filter(|p| p.state == AttendanceState::Late)
        .map(|p| format!("đồng chí {}", p.person.full_name))
        .collect();
    if !late.is_empty() {
        parts.push(format!("đến muộn: {}", late.join(", ")));
    }
    let left: Vec<String> = ps
        .iter()
        .filter(|p| p.state == AttendanceState::Left)
        .map(|p| format!("đồng chí {}", p.person.full_name))
        .collect();
    if !left.is_empty() {
        parts.push(format!("về trước khi kết thúc: {}", left.join(", ")));
    }
    format!("{}.", capitalise(&parts.join("; ")))
}

/// "Đi công tác" → "đi công tác", leaving the rest (and its proper nouns) alone.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// Diễn biến: each agenda item, then what was said under it, in order.
fn proceedings(ctx: &Ctx) -> Vec<Block> {
    let conf = ctx.conf;
    let mut blocks = Vec::new();
    let spoken = |item: Option<&str>| -> Vec<&MinutesEntry> {
        conf.minutes
            .iter()
            .filter(|e| e.agenda_item_id.as_deref() == item && e.kind != MinutesKind::Conclusion)
            .collect()
    };
    let prefix = if ctx.profile().is_party() { "2." } else { "" };
    let mut n = 0;
    for item in &conf.agenda {
        let entries = spoken(Some(&item.id));
        if entries.is_empty() {
            continue;
        }
        n += 1;
        let label = if prefix.is_empty() {
            format!("{n}. {}", item.title)
        } else {
            format!("{prefix}{n}. {}", item.title)
        };
        blocks.push(Block::Para(
            ctx.profile()
                .body()
                .italic(sentence(&label))
                .keep_with_next(),
        ));
        blocks.extend(entries.into_iter().map(|e| entry(ctx, e)));
    }
    let known: Vec<&str> = conf.agenda.iter().map(|i| i.id.as_str()).collect();
    let others: Vec<&MinutesEntry> = conf
        .minutes
        .iter()
        .filter(|e| e.kind != MinutesKind::Conclusion)
        .filter(|e| {
            e.agenda_item_id
                .as_deref()
                .is_none_or(|id| !known.contains(&id))
        })
        .collect();
    if !others.is_empty() {
        n += 1;
        let label = if prefix.is_empty() {
            format!("{n}. Nội dung khác.")
        } else {
            format!("{prefix}{n}. Nội dung khác.")
        };
        blocks.push(Block::Para(
            ctx.profile().body().italic(label).keep_with_next(),
        ));
        blocks.extend(others.into_iter().map(|e| entry(ctx, e)));
    }
    blocks
}

/// "Đồng chí X, chức vụ, trình bày: …"
fn entry(ctx: &Ctx, e: &MinutesEntry) -> Block {
    let verb = match e.kind {
        MinutesKind::Report => "trình bày",
        MinutesKind::Speech => "phát biểu",
        MinutesKind::Opinion => "phát biểu ý kiến",
        MinutesKind::Conclusion => "kết luận",
        MinutesKind::Note => "",
    };
    let speaker = person(&e.speaker_name, &e.speaker_title);
    let mut para = ctx.profile().body();
    if !e.speaker_name.trim().is_empty() && !verb.is_empty() {
        para = para.bold(capitalise(&speaker)).text(format!(" {verb}: "));
    }
    Block::Para(para.text(sentence(&e.text)))
}
