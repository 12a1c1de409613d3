//! Biên bản hội nghị: NĐ30 Mẫu 1.9 for state bodies (no date line in the
//! header; THƯ KÝ left, CHỦ TỌA right) or Hướng dẫn 16-HD/VPTW for Party bodies
//! (thành phần with counts, diễn biến, kết luận; NGƯỜI GHI BIÊN BẢN left,
//! CHỦ TRÌ HỘI NGHỊ right).

use hoinghi_core::model::{
    AttendanceState, AttendanceSummary, DocumentFieldKey, MinutesEntry, MinutesKind, Participant,
    ParticipantRole, Vote,
};

use super::{
    capitalise, clock, lower_first, person, sentence, statement, task_text, when, with_ending, Ctx,
};
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
        let parts = ctx.text(DocumentFieldKey::Attendance, party_attendance(ctx));
        blocks.extend(
            parts
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| ctx.para(l)),
        );
        blocks.push(ctx.heading("2. Diễn biến hội nghị"));
    } else {
        let everyone: Vec<&Participant> = conf.participants.iter().collect();
        blocks.push(ctx.labelled(
            "Thành phần tham dự",
            &ctx.text(DocumentFieldKey::Attendance, attendance_summary(&everyone)),
        ));
        blocks.push(ctx.labelled("Chủ trì", &chair));
        blocks.push(ctx.labelled("Thư ký", &secretary));
        blocks.push(ctx.heading("Nội dung (theo diễn biến hội nghị):"));
    }
    blocks.extend(proceedings(ctx));

    // The minutes end once, after the conclusions, as HD16 and Mẫu 1.9 close them.
    let end = conf.ended();
    let closing = with_ending(
        &format!(
            "Hội nghị kết thúc vào {}, {}. Biên bản đã được đọc lại cho Hội nghị nghe và \
             thống nhất thông qua",
            clock(end),
            date_line("", end.date())
        ),
        ctx.ending(),
    );
    let closing = ctx.text(DocumentFieldKey::Closing, closing);
    let closing = if party {
        format!("3. {closing}")
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
        closing_blocks.push(Block::Space(ctx.profile().body_leading));
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

/// HD16's parts of the thành phần, one per line: "1.1. Đại biểu chính thức:
/// …" (the chair and the host body's own people), "1.2. Đại biểu mời: …",
/// "1.3. Báo chí đưa tin: …" (units), each only if someone is in it.
fn party_attendance(ctx: &Ctx) -> String {
    let of = |roles: &[ParticipantRole]| -> Vec<&Participant> {
        ctx.conf
            .participants
            .iter()
            .filter(|p| roles.contains(&p.role))
            .collect()
    };
    let official = of(&[ParticipantRole::Chair, ParticipantRole::Host]);
    let guests = of(&[ParticipantRole::Guest]);
    let press = of(&[ParticipantRole::Press]);
    if official.is_empty() && guests.is_empty() && press.is_empty() {
        return "(chưa có danh sách đại biểu).".into();
    }
    let mut lines = Vec::new();
    for (label, people) in [
        ("Đại biểu chính thức", &official),
        ("Đại biểu mời", &guests),
    ] {
        if !people.is_empty() {
            let n = lines.len() + 1;
            let text = attendance_summary(people);
            lines.push(format!("1.{n}. {label}: {}", lower_first(&text)));
        }
    }
    let present: Vec<&&Participant> = press.iter().filter(|p| came(p)).collect();
    if !present.is_empty() {
        let mut units: Vec<&str> = Vec::new();
        for p in &present {
            let unit = p.person.unit.trim();
            if !unit.is_empty() && !units.contains(&unit) {
                units.push(unit);
            }
        }
        let n = lines.len() + 1;
        lines.push(format!(
            "1.{n}. Báo chí đưa tin: {} phóng viên{}.",
            present.len(),
            if units.is_empty() {
                String::new()
            } else {
                format!(" của {}", units.join(", "))
            }
        ));
    }
    lines.join("\n")
}

fn came(p: &Participant) -> bool {
    matches!(
        p.state,
        AttendanceState::Present | AttendanceState::Late | AttendanceState::Left
    )
}

/// "Có mặt 36/40 đồng chí; vắng 3 đồng chí: A (lý do), B; đến muộn: C."
/// The numbers are `AttendanceSummary`'s, as on every screen and document.
fn attendance_summary(ps: &[&Participant]) -> String {
    if ps.is_empty() {
        return "(chưa có danh sách đại biểu).".into();
    }
    let counts = AttendanceSummary::of(ps.iter().copied());
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
        "có mặt {}/{} đồng chí",
        counts.attended, counts.invited
    )];
    let substitutes: Vec<String> = ps
        .iter()
        .filter_map(|p| {
            super::substitute(p)
                .map(|who| format!("đồng chí {who} dự thay đồng chí {}", p.person.full_name))
        })
        .collect();
    if !substitutes.is_empty() {
        parts.push(format!(
            "trong đó {} đồng chí dự thay: {}",
            substitutes.len(),
            substitutes.join(", ")
        ));
    }
    if !absent.is_empty() {
        parts.push(format!(
            "vắng {} đồng chí: {}",
            absent.len(),
            absent.join(", ")
        ));
    }
    // Who sat in the seat: the deputy, where one came in the invitee's place.
    let who = |p: &Participant| match p.substitute_name.trim() {
        "" => format!("đồng chí {}", p.person.full_name),
        deputy => format!(
            "đồng chí {deputy} (dự thay đồng chí {})",
            p.person.full_name
        ),
    };
    let late: Vec<String> = ps
        .iter()
        .filter(|p| p.state == AttendanceState::Late)
        .map(|p| who(p))
        .collect();
    if !late.is_empty() {
        parts.push(format!("đến muộn: {}", late.join(", ")));
    }
    let left: Vec<String> = ps
        .iter()
        .filter(|p| p.state == AttendanceState::Left)
        .map(|p| who(p))
        .collect();
    if !left.is_empty() {
        parts.push(format!("về trước khi kết thúc: {}", left.join(", ")));
    }
    format!("{}.", capitalise(&parts.join("; ")))
}

/// Diễn biến: each agenda item in time order with what was said under it,
/// the chair's conclusions (and the tasks they set) in their own item's place;
/// then whatever belongs to no item.
fn proceedings(ctx: &Ctx) -> Vec<Block> {
    let conf = ctx.conf;
    let mut blocks = Vec::new();
    let prefix = if ctx.profile().is_party() { "2." } else { "" };
    let mut n = 0;
    let mut heading = |blocks: &mut Vec<Block>, title: &str| {
        n += 1;
        blocks.push(Block::Para(
            ctx.profile()
                .body()
                .italic(sentence(&format!("{prefix}{n}. {}", title.trim())))
                .keep_with_next(),
        ));
    };
    let mut agenda: Vec<_> = conf.agenda.iter().collect();
    // In the order things happened: actual starts where they were marked.
    agenda.sort_by(|a, b| a.expected_start.cmp(&b.expected_start));
    // The tasks go with the last item where the chair concluded.
    let tasks_item = conf
        .minutes
        .iter()
        .rev()
        .filter(|e| e.kind == MinutesKind::Conclusion)
        .find_map(|e| e.agenda_item_id.as_deref());
    for item in agenda {
        let entries: Vec<&MinutesEntry> = conf
            .minutes
            .iter()
            .filter(|e| e.agenda_item_id.as_deref() == Some(item.id.as_str()))
            .collect();
        let votes: Vec<&Vote> = conf
            .votes
            .iter()
            .filter(|v| v.agenda_item_id.as_deref() == Some(item.id.as_str()))
            .collect();
        let with_tasks = tasks_item == Some(item.id.as_str()) && !conf.tasks.is_empty();
        if entries.is_empty() && votes.is_empty() && !with_tasks {
            continue;
        }
        heading(&mut blocks, &item.title);
        blocks.extend(entries.into_iter().map(|e| entry(ctx, e)));
        blocks.extend(votes.into_iter().map(|v| ctx.para(&vote(v))));
        if with_tasks {
            blocks.extend(tasks(ctx));
        }
    }
    let known: Vec<&str> = conf.agenda.iter().map(|i| i.id.as_str()).collect();
    let others: Vec<&MinutesEntry> = conf
        .minutes
        .iter()
        .filter(|e| {
            e.agenda_item_id
                .as_deref()
                .is_none_or(|id| !known.contains(&id))
        })
        .collect();
    let other_votes: Vec<&Vote> = conf
        .votes
        .iter()
        .filter(|v| {
            v.agenda_item_id
                .as_deref()
                .is_none_or(|id| !known.contains(&id))
        })
        .collect();
    let orphan_tasks = tasks_item.is_none_or(|id| !known.contains(&id)) && !conf.tasks.is_empty();
    if !others.is_empty() || !other_votes.is_empty() || orphan_tasks {
        heading(&mut blocks, "Nội dung khác");
        blocks.extend(others.into_iter().map(|e| entry(ctx, e)));
        blocks.extend(other_votes.into_iter().map(|v| ctx.para(&vote(v))));
        if orphan_tasks {
            blocks.extend(tasks(ctx));
        }
    }
    blocks
}

/// The tasks the chair set, one "- …" line each under the conclusion.
fn tasks(ctx: &Ctx) -> Vec<Block> {
    ctx.conf
        .tasks
        .iter()
        .map(|t| ctx.para(&format!("- {}", task_text(t))))
        .collect()
}

/// "Đồng chí X, chức vụ, phát biểu ý kiến: …"; when the text already starts
/// with what was done ("Trình bày báo cáo …"), that is the verb:
/// "Đồng chí X, chức vụ, trình bày báo cáo …".
/// "Biểu quyết: <question>. Có mặt 40 đồng chí; tán thành 38 đồng chí
/// (95%), không tán thành 1 đồng chí (2,5%), không biểu quyết 1 đồng chí
/// (2,5%). Kết quả: <result>."
fn vote(v: &Vote) -> String {
    let share = |n: u32| {
        let tenths = (u64::from(n) * 1000 + u64::from(v.present) / 2) / u64::from(v.present.max(1));
        if tenths % 10 == 0 {
            format!("{}%", tenths / 10)
        } else {
            format!("{},{}%", tenths / 10, tenths % 10)
        }
    };
    let mut text = format!(
        "Biểu quyết: {}. Có mặt {} đồng chí; tán thành {} đồng chí ({}), không tán thành {} \
         đồng chí ({}), không biểu quyết {} đồng chí ({}).",
        v.question.trim().trim_end_matches('.'),
        v.present,
        v.in_favour,
        share(v.in_favour),
        v.against,
        share(v.against),
        v.abstained,
        share(v.abstained)
    );
    let result = v.result.trim().trim_end_matches('.');
    if !result.is_empty() {
        text.push_str(&format!(" Kết quả: {result}."));
    }
    text
}

fn entry(ctx: &Ctx, e: &MinutesEntry) -> Block {
    let verb = match e.kind {
        MinutesKind::Report => "trình bày",
        MinutesKind::Speech => "phát biểu",
        MinutesKind::Opinion => "phát biểu ý kiến",
        MinutesKind::Conclusion => "kết luận",
        MinutesKind::Note => "",
    };
    let para = ctx.profile().body();
    Block::Para(match statement(e, verb) {
        (Some(who), rest) => para.bold(who).text(rest),
        (None, text) => para.text(text),
    })
}
