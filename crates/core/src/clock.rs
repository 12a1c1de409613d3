//! Ids and time. Keys are UUIDv7 (time-ordered, globally unique) so records made
//! on a second laptop merge without collisions. Audit stamps are UTC RFC 3339;
//! meeting times are local wall-clock times ("2022-10-06T08:00") in the
//! organisation's stated time zone (Asia/Ho_Chi_Minh by default).

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, Utc};
use jiff::tz::TimeZone;

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

/// Looks a zone up in the system's tz database, or in the copy built into the
/// binary where there is none (Windows, minimal Linux images). Nothing is read
/// until a zone is asked for, so a process that needs none (an export) pays
/// nothing for it at start-up.
fn zone(name: &str) -> Option<TimeZone> {
    TimeZone::get(name).ok()
}

/// The wall-clock time now in the given zone, to the minute. A zone that cannot
/// be found (`valid_zone` keeps one from being saved) counts as Vietnam's,
/// which has been UTC+7 without daylight saving since 1975.
pub fn local_now(zone_name: &str) -> String {
    let tz = zone(zone_name)
        .or_else(|| zone(DEFAULT_TIME_ZONE))
        .unwrap_or_else(|| TimeZone::fixed(jiff::tz::offset(7)));
    jiff::Timestamp::now()
        .to_zoned_datetime(tz)
        .strftime(LOCAL_FORMAT)
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

pub fn valid_zone(name: &str) -> Result<()> {
    zone(name)
        .map(|_| ())
        .ok_or_else(|| CoreError::invalid("timeZone", format!("Múi giờ \"{name}\" không hợp lệ.")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The local time as the clock reads it in a zone `hours` ahead of UTC,
    /// for both minutes a call may straddle.
    fn expected(hours: i64) -> [String; 2] {
        let now = Utc::now().naive_utc() + chrono::Duration::hours(hours);
        [now, now + chrono::Duration::minutes(1)].map(|t| t.format(LOCAL_FORMAT).to_string())
    }

    #[test]
    fn vietnam_s_wall_clock_is_seven_hours_ahead_of_utc() {
        let want = expected(7);
        assert!(want.contains(&local_now("Asia/Ho_Chi_Minh")), "{want:?}");
    }

    #[test]
    fn an_unknown_zone_reads_as_vietnam_s_time_and_is_refused_as_a_setting() {
        let want = expected(7);
        assert!(want.contains(&local_now("Mars/Olympus_Mons")), "{want:?}");
        for bad in ["Mars/Olympus_Mons", "", "../../etc/passwd"] {
            let err = valid_zone(bad).unwrap_err().to_string();
            assert!(err.contains("Múi giờ"), "{bad}: {err}");
        }
    }

    #[test]
    fn the_zones_an_office_might_state_are_accepted() {
        for good in ["Asia/Ho_Chi_Minh", "Asia/Bangkok", "Europe/Berlin", "UTC"] {
            valid_zone(good).unwrap();
        }
        let tokyo = expected(9);
        assert!(tokyo.contains(&local_now("Asia/Tokyo")), "{tokyo:?}");
    }
}
