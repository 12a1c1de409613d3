//! The three format profiles as data: Nghị định 30/2020/NĐ-CP (state bodies),
//! Hướng dẫn 05-HD/VPTW (Party documents from 27/5/2026) and Hướng dẫn
//! 36-HD/VPTW (Party documents before it), per docs/format-rules.md, plus the
//! blocks every document shares (header, title, signature, "Nơi nhận").
//!
//! Rules docs/format-rules.md marks as uncertain are plain fields with the likeliest
//! default, so they can become user settings.

use chrono::{Datelike, NaiveDate};
use hoinghi_core::model::FormatProfile;

use crate::font::{FaceKind, Fonts};
use crate::layout::{Align, Block, Column, PageSpec, Para, Rule, Style, MM};

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub kind: FormatProfile,
    pub page: PageSpec,
    /// Body text size and baseline-to-baseline distance.
    pub body_size: f32,
    pub body_leading: f32,
    pub paragraph_after: f32,
    pub first_indent: f32,
    /// Size of the issuing-body lines in the header.
    pub header_size: f32,
    /// Quốc hiệu (ND30) or "ĐẢNG CỘNG SẢN VIỆT NAM" (HD36).
    pub heading_size: f32,
    /// Tiêu ngữ (ND30 only).
    pub motto_size: f32,
    pub title_size: f32,
    pub subject_size: f32,
    pub recipients_label_size: f32,
    pub recipients_size: f32,
    /// The text's last characters: "./." in every ND30 template, "." in HD05;
    /// HD36 sources disagree between "./." and "." (uncertain, so a setting).
    pub ending: String,
    /// The chức vụ line is bold when no authority line stands above it (ND30
    /// always bold, HD36 then bold; HD05 never).
    pub bold_lone_title: bool,
    /// The "Kính gửi:" label: upright (NĐ30; HD36, whose sources disagree),
    /// italic in HD05.
    pub address_label: Style,
    /// A circulation note printed at the top right of page 1 of a programme
    /// ("TÀI LIỆU HỘI NGHỊ", HD05 ô 11a), if the profile uses one.
    pub programme_note: Option<&'static str>,
    /// Rule under the issuing body, as a share of its text width (ND30: 1/3–1/2).
    pub body_rule_share: f32,
    /// Where the body's contact details go, when it gives them.
    pub contact: ContactPlace,
}

/// The issuing body's address, phone and e-mail: under a rule across the
/// text area, at the foot of page 1 (NĐ30, 11–12 pt; HD36, 10 pt) or after
/// the signature on the last page (HD05 ô 13, 10 pt upright).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContactPlace {
    pub size: f32,
    pub first_page: bool,
}

impl Profile {
    pub fn for_kind(kind: FormatProfile) -> Profile {
        match kind {
            FormatProfile::Nd30 => Profile::nd30(),
            FormatProfile::Hd36 => Profile::hd36(),
            FormatProfile::Hd05 => Profile::hd05(),
        }
    }

    pub fn nd30() -> Profile {
        Profile {
            kind: FormatProfile::Nd30,
            page: a4(20.0, 20.0, 30.0, 15.0),
            body_size: 14.0,
            body_leading: 17.0,
            paragraph_after: 6.0,
            first_indent: 1.27 * 10.0 * MM,
            header_size: 13.0,
            heading_size: 13.0,
            motto_size: 14.0,
            title_size: 14.0,
            subject_size: 14.0,
            recipients_label_size: 12.0,
            recipients_size: 11.0,
            ending: "./.".into(),
            bold_lone_title: true,
            address_label: Style::PLAIN,
            programme_note: None,
            body_rule_share: 0.4,
            contact: ContactPlace {
                size: 11.0,
                first_page: true,
            },
        }
    }

    pub fn hd36() -> Profile {
        Profile {
            kind: FormatProfile::Hd36,
            page: a4(20.0, 20.0, 30.0, 15.0),
            body_size: 14.0,
            body_leading: 18.0,
            paragraph_after: 6.0,
            first_indent: 10.0 * MM,
            header_size: 14.0,
            heading_size: 15.0,
            motto_size: 14.0,
            title_size: 16.0,
            subject_size: 14.0,
            recipients_label_size: 14.0,
            recipients_size: 12.0,
            ending: "./.".into(),
            bold_lone_title: true,
            address_label: Style::PLAIN,
            programme_note: None,
            body_rule_share: 0.0,
            contact: ContactPlace {
                size: 10.0,
                first_page: true,
            },
        }
    }

    /// HD05 keeps HD36's sizes and changes: body leading exactly 18–22 pt
    /// (20 here), texts end with ".", the chức vụ line is never bold,
    /// "Kính gửi:" is italic, and a
    /// programme carries "TÀI LIỆU HỘI NGHỊ". Its page number is centred over
    /// the text block 10 mm from the top, as every profile here places it.
    pub fn hd05() -> Profile {
        Profile {
            kind: FormatProfile::Hd05,
            body_leading: 20.0,
            ending: ".".into(),
            bold_lone_title: false,
            address_label: Style::ITALIC,
            programme_note: Some("TÀI LIỆU HỘI NGHỊ"),
            contact: ContactPlace {
                size: 10.0,
                first_page: false,
            },
            ..Profile::hd36()
        }
    }

    pub fn is_party(&self) -> bool {
        self.kind.is_party()
    }

    /// "05/TB-BTGTU" (ND30) or "05-TB/BTGTU" (Party). Without a number a
    /// blank is left for the văn thư to fill in by hand.
    pub fn number(&self, number: Option<u32>, type_abbr: &str, body_abbr: &str) -> String {
        let n = number.map_or_else(|| "\u{a0}".repeat(8), |n| format!("{n:02}"));
        self.kind.symbol(&n, type_abbr, body_abbr)
    }

    /// "Số: 05/TB-BTGTU" (ND30, with a colon) or "Số 05-TB/BTGTU" (Party).
    pub fn number_line(&self, number: &str) -> String {
        match self.kind {
            FormatProfile::Nd30 => format!("Số: {number}"),
            FormatProfile::Hd36 | FormatProfile::Hd05 => format!("Số {number}"),
        }
    }

    /// The signing authority line in this profile's spelling: ND30 uses dots
    /// ("TM.", "KT.", "TL."), Party profiles slashes ("T/M", "K/T", "T/L").
    pub fn authority(&self, line: &str) -> String {
        self.kind.authority(line)
    }

    /// Body paragraph: justified, first-line indent, profile spacing.
    pub fn body(&self) -> Para {
        Para::new(self.body_size)
            .align(Align::Justify)
            .indent(self.first_indent)
            .leading(self.body_leading)
            .after(self.paragraph_after)
    }

    /// The header: on the left the issuing body's lines (`lines`: the bodies
    /// above it first, the issuer last and bold, then "*" or a rule), on the
    /// right the national or Party heading; then số/ký hiệu and the date line.
    pub fn header(
        &self,
        fonts: &Fonts,
        lines: &[&str],
        number: Option<&str>,
        date: Option<&str>,
    ) -> Vec<Block> {
        let width = self.page.content_width();
        let (heading, motto) = if self.is_party() {
            ("ĐẢNG CỘNG SẢN VIỆT NAM", None)
        } else {
            (
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                Some("Độc lập - Tự do - Hạnh phúc"),
            )
        };
        let heading_width = fonts.face(FaceKind::Bold).width(heading, self.heading_size);
        let right_width = (heading_width + 12.0).max(width * 0.55).min(width * 0.7);
        let left_width = width - right_width;

        let mut left = Vec::new();
        let lines: Vec<&str> = lines
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty() && *l != "*")
            .collect();
        let (body, above) = lines.split_last().unwrap_or((&"", &[]));
        for line in above {
            left.push(Block::Para(centred(self.header_size).text(upper(line))));
        }
        let body = upper(body);
        left.push(Block::Para(centred(self.header_size).bold(body.clone())));
        if self.is_party() {
            left.push(Block::Para(centred(self.header_size).text("*")));
        } else {
            let w = fonts
                .face(FaceKind::Bold)
                .width(&body, self.header_size)
                .min(left_width);
            left.push(Block::Rule(rule(w * self.body_rule_share, 2.0, 0.0)));
        }

        let mut right = vec![Block::Para(centred(self.heading_size).bold(heading))];
        match motto {
            Some(motto) => {
                right.push(Block::Para(centred(self.motto_size).bold(motto)));
                let w = fonts.face(FaceKind::Bold).width(motto, self.motto_size);
                right.push(Block::Rule(rule(w, 1.0, 0.0)));
            }
            None => right.push(Block::Rule(rule(heading_width, 1.0, 0.0))),
        }

        let mut blocks = vec![Block::Columns(vec![
            Column {
                width: left_width,
                blocks: left,
            },
            Column {
                width: right_width,
                blocks: right,
            },
        ])];
        if number.is_some() || date.is_some() {
            let line = |text: Option<&str>, size: f32, style: Style| -> Vec<Block> {
                text.map(|t| Block::Para(centred(size).span(t, style)))
                    .into_iter()
                    .collect()
            };
            let second = vec![
                Column {
                    width: left_width,
                    blocks: line(number, self.header_size, Style::PLAIN),
                },
                Column {
                    width: right_width,
                    blocks: line(date, self.motto_size, Style::ITALIC),
                },
            ];
            blocks.push(Block::Space(6.0));
            blocks.push(Block::Columns(second));
        }
        blocks.push(Block::Space(12.0));
        blocks
    }

    /// Tên loại and trích yếu, with the ND30 rule or the HD36 five hyphens.
    pub fn title(&self, fonts: &Fonts, kind_name: &str, subject: &str) -> Vec<Block> {
        let mut blocks = vec![Block::Para(
            centred(self.title_size)
                .bold(upper(kind_name))
                .keep_with_next(),
        )];
        let subject = subject.trim();
        if !subject.is_empty() {
            blocks.push(Block::Para(
                centred(self.subject_size)
                    .bold(subject)
                    .keep_with_next()
                    .leading(self.subject_size * 1.2),
            ));
        }
        if self.is_party() {
            blocks.push(Block::Para(
                centred(self.subject_size).text("-----").keep_with_next(),
            ));
        } else {
            let basis = if subject.is_empty() {
                kind_name
            } else {
                subject
            };
            let w = fonts
                .face(FaceKind::Bold)
                .width(basis, self.subject_size)
                .min(self.page.content_width());
            blocks.push(Block::Rule(rule(w / 3.0, 1.0, 0.0)));
        }
        blocks.push(Block::Space(12.0));
        blocks
    }

    /// The closing block: "Nơi nhận" on the left, the signature on the right.
    pub fn signature(
        &self,
        recipients: &[String],
        authority: &str,
        title: &str,
        name: &str,
    ) -> Block {
        let width = self.page.content_width();
        let left_width = width * 0.45;
        let mut left = Vec::new();
        if !recipients.is_empty() {
            let label_style = if self.is_party() {
                Style::UNDERLINE
            } else {
                Style::BOLD_ITALIC
            };
            left.push(Block::Para(
                Para::new(self.recipients_label_size)
                    .span("Nơi nhận:", label_style)
                    .leading(self.recipients_label_size * 1.2),
            ));
            for r in recipients {
                left.push(Block::Para(
                    Para::new(self.recipients_size)
                        .text(r.clone())
                        .leading(self.recipients_size * 1.2),
                ));
            }
        }
        Block::Columns(vec![
            Column {
                width: left_width,
                blocks: left,
            },
            Column {
                width: width - left_width,
                blocks: self.signer(authority, title, name),
            },
        ])
    }

    /// The signer's lines: authority (bold), title, room for the signature and
    /// seal, then the name (bold).
    pub fn signer(&self, authority: &str, title: &str, name: &str) -> Vec<Block> {
        let size = self.body_size;
        let mut blocks = Vec::new();
        let authority = self.authority(authority);
        if !authority.is_empty() {
            blocks.push(Block::Para(centred(size).bold(upper(&authority))));
        }
        if !title.trim().is_empty() {
            // Party profiles write the title plain under an authority line;
            // alone, HD36 sets it bold and HD05 still plain.
            let bold = !self.is_party() || (authority.is_empty() && self.bold_lone_title);
            let style = if bold { Style::BOLD } else { Style::PLAIN };
            blocks.push(Block::Para(centred(size).span(upper(title.trim()), style)));
        }
        blocks.push(Block::Space(4.0 * size * 1.2));
        blocks.push(Block::Para(centred(size).bold(name.trim())));
        blocks
    }
}

fn a4(top: f32, bottom: f32, left: f32, right: f32) -> PageSpec {
    PageSpec {
        width: PageSpec::A4_WIDTH,
        height: PageSpec::A4_HEIGHT,
        margin_top: top * MM,
        margin_bottom: bottom * MM,
        margin_left: left * MM,
        margin_right: right * MM,
        page_numbers: Some((14.0, 10.0 * MM)),
    }
}

fn centred(size: f32) -> Para {
    Para::new(size).align(Align::Center).leading(size * 1.2)
}

fn rule(width: f32, space_before: f32, space_after: f32) -> Rule {
    Rule {
        width,
        thickness: 0.6,
        align: Align::Center,
        space_before,
        space_after,
    }
}

/// Upper case that keeps Vietnamese letters right ("đ" → "Đ").
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// "Hà Nội, ngày 06 tháng 10 năm 2022": days below 10 and the months January
/// and February take a leading zero; other months do not (NĐ30, HD36).
pub fn date_line(place: &str, date: NaiveDate) -> String {
    let place = place.trim();
    let day = date.day();
    let month = match date.month() {
        m @ (1 | 2) => format!("{m:02}"),
        m => m.to_string(),
    };
    let text = format!("ngày {day:02} tháng {month} năm {}", date.year());
    if place.is_empty() {
        text
    } else {
        format!("{place}, {text}")
    }
}

/// "thứ Năm" etc.
pub fn weekday(date: NaiveDate) -> &'static str {
    match date.weekday() {
        chrono::Weekday::Mon => "thứ Hai",
        chrono::Weekday::Tue => "thứ Ba",
        chrono::Weekday::Wed => "thứ Tư",
        chrono::Weekday::Thu => "thứ Năm",
        chrono::Weekday::Fri => "thứ Sáu",
        chrono::Weekday::Sat => "thứ Bảy",
        chrono::Weekday::Sun => "Chủ nhật",
    }
}
