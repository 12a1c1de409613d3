//! Ids and time. Keys are UUIDv7 (time-ordered, globally unique) so records made
//! on a second laptop merge without collisions. Audit stamps are UTC RFC 3339;
//! meeting times are local wall-clock times ("2022-10-06T08:00") in the
//! organisation's stated time zone (Asia/Ho_Chi_Minh by default).

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, Utc};
use chrono_tz::Tz;

use crate::error::{CoreError, Result};

pub const DEFAULT_TIME_ZONE: &str = "Asia/Ho_Chi_Minh";
pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

pub fn utc_now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The stamp for a record's next save: now, but always later than `previous`,
/// so two saves within one millisecond (or after the clock was set back)
/// still tell an out-of-date copy from the current one.
pub fn utc_after(previous: &str) -> String {
    let now = Utc::now();
    let next = chrono::DateTime::parse_from_rfc3339(previous)
        .map(|p| p.with_timezone(&Utc) + chrono::Duration::milliseconds(1))
        .map_or(now, |p| p.max(now));
    next.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The wall-clock time now in the given zone, to the minute.
pub fn local_now(zone: &str) -> String {
    let tz: Tz = zone.parse().unwrap_or(chrono_tz::Asia::Ho_Chi_Minh);
    Utc::now()
        .with_timezone(&tz)
        .naive_local()
        .format(LOCAL_FORMAT)
        .to_string()
}

/// Years a meeting, an arrival or a deadline may fall in; anything outside is a typo.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

fn plausible(field: &'static str, label: &str, s: &str, year: i32) -> Result<()> {
    if YEARS.contains(&year) {
        return Ok(());
    }
    Err(CoreError::invalid(
        field,
        format!(
            "{label} \"{s}\" nằm ngoài khoảng năm {}–{}; hãy kiểm tra lại năm.",
            YEARS.start(),
            YEARS.end()
        ),
    ))
}

pub fn parse_local(field: &'static str, label: &str, s: &str) -> Result<NaiveDateTime> {
    let s = s.trim();
    let t = NaiveDateTime::parse_from_str(s, LOCAL_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| {
            CoreError::invalid(
                field,
                format!("{label} không hợp lệ: \"{s}\" (cần dạng năm-tháng-ngàyTgiờ:phút)."),
            )
        })?;
    plausible(field, label, s, t.year())?;
    Ok(t)
}

pub fn parse_time(field: &'static str, label: &str, s: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| {
        CoreError::invalid(
            field,
            format!("{label} không hợp lệ: \"{s}\" (cần dạng giờ:phút)."),
        )
    })
}

pub fn parse_date(field: &'static str, label: &str, s: &str) -> Result<NaiveDate> {
    let d = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        CoreError::invalid(
            field,
            format!("{label} không hợp lệ: \"{s}\" (cần dạng năm-tháng-ngày)."),
        )
    })?;
    plausible(field, label, s.trim(), d.year())?;
    Ok(d)
}

pub fn valid_zone(zone: &str) -> Result<()> {
    zone.parse::<Tz>()
        .map(|_| ())
        .map_err(|_| CoreError::invalid("timeZone", format!("Múi giờ \"{zone}\" không hợp lệ.")))
}
