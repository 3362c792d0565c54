//! Times and durations as people and providers write them: RFC 3339 timestamps in UTC
//! with milliseconds, and durations such as `500ms`, `10s`, `10m`.

use std::time::Duration;

use time::OffsetDateTime;
use time::macros::format_description;

/// `2026-03-30T10:15:00.123Z`: RFC 3339 / ISO 8601 in UTC, with milliseconds.
pub fn rfc3339(at: OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .format(format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
        ))
        .expect("a UTC time always formats")
}

/// The current time, as [`rfc3339`].
pub fn now() -> String {
    rfc3339(OffsetDateTime::now_utc())
}

/// `500ms`, `1.5s`, `10m`, `1h`; a bare number is seconds. None when it is not a duration.
pub fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let scale = match unit.trim() {
        "ms" => 0.001,
        "" | "s" => 1.0,
        "m" => 60.0,
        "h" => 3600.0,
        _ => return None,
    };
    number
        .parse::<f64>()
        .ok()
        .map(|n| n * scale)
        .and_then(|secs| Duration::try_from_secs_f64(secs).ok())
}

/// A duration the way [`parse_duration`] reads it back: `5s`, `20ms`.
pub fn format_duration(duration: Duration) -> String {
    if duration.subsec_millis() == 0 && duration.as_secs() > 0 {
        format!("{}s", duration.as_secs())
    } else {
        format!("{}ms", duration.as_millis())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_take_units_decimals_and_bare_seconds() {
        assert_eq!(parse_duration("10ms"), Some(Duration::from_millis(10)));
        assert_eq!(parse_duration("10m"), Some(Duration::from_secs(600)));
        assert_eq!(parse_duration("2"), Some(Duration::from_secs(2)));
        assert_eq!(parse_duration("1.5s"), Some(Duration::from_millis(1500)));
        for bad in [
            "soon",
            "10 parsecs",
            "",
            "s",
            "-1s",
            "99999999999999999999999h",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn durations_print_as_they_are_written() {
        assert_eq!(format_duration(Duration::from_secs(5)), "5s");
        assert_eq!(format_duration(Duration::from_millis(20)), "20ms");
        assert_eq!(format_duration(Duration::from_millis(1500)), "1500ms");
    }

    #[test]
    fn timestamps_are_utc_with_milliseconds() {
        let at = OffsetDateTime::from_unix_timestamp_nanos(1_743_329_700_123_456_789).unwrap();
        assert_eq!(rfc3339(at), "2025-03-30T10:15:00.123Z");
        let now = now();
        OffsetDateTime::parse(&now, &time::format_description::well_known::Rfc3339).unwrap();
    }
}
