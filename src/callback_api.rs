//! The partner Callback API's rules, as its document states them: its endpoints, the
//! notification types it supports, the partner id, the echo body's id fields, and what a
//! callback URL must be. `hooks callbacks` and `hooks echo` build their requests from these,
//! and `hooks sandbox` routes and validates by them, so client and emulator cannot drift.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use url::Url;

/// An endpoint of the Callback API; its path template is the document's, parameter names
/// included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `GET`: the partner's registered callbacks.
    List,
    /// `PUT` / `DELETE`: the callback of one notification type.
    Callback,
    /// `POST`: fire a test notification at the registered callback.
    Echo,
}

impl Endpoint {
    /// The path template, as the sandbox routes it.
    pub const fn template(self) -> &'static str {
        match self {
            Endpoint::List => "/{partnerUniqueID}/callbacks",
            Endpoint::Callback => "/{partnerUniqueID}/callbacks/{notificationType}",
            Endpoint::Echo => "/v1/callbacks/echo/{partnerUniqueID}/{notificationTypeID}",
        }
    }

    /// The path's segments for `partner` and, where the path has one, `notification_type`,
    /// unencoded (the client percent-encodes each).
    pub fn segments(self, partner: &str, notification_type: Option<u32>) -> Vec<String> {
        self.template()
            .trim_start_matches('/')
            .split('/')
            .map(|segment| match segment {
                "{partnerUniqueID}" => partner.to_string(),
                "{notificationType}" | "{notificationTypeID}" => {
                    notification_type.map(|t| t.to_string()).unwrap_or_default()
                }
                literal => literal.to_string(),
            })
            .collect()
    }
}

/// The notification types the Callback API supports (callbacks and echo alike).
pub const TYPES: [u32; 3] = [5, 6, 7];

/// An echo body carries exactly one of these.
pub const ID_FIELDS: [&str; 2] = ["processUniqueId", "simulationUniqueId"];

/// A GUID as the document's `partnerUniqueID` examples show one.
pub const EXAMPLE_GUID: &str = "3f2c8d8e-1111-2222-3333-444455556666";

pub fn is_supported(notification_type: u32) -> bool {
    TYPES.contains(&notification_type)
}

/// `text` as a GUID in its canonical form (lower-case, hyphenated), so that `{ABC…}`, `ABC…`
/// and `abc…` name the same partner; None when it is not a GUID.
pub fn guid(text: &str) -> Option<String> {
    uuid::Uuid::parse_str(text)
        .ok()
        .map(|id| id.hyphenated().to_string())
}

/// A supported notification type from a path segment as sent (before percent-decoding),
/// written exactly as a decimal number: `+5`, `05` and `%35` are not 5, since the
/// provider's integer path parameter would not read them as 5.
pub fn path_type(raw: &str) -> Option<u32> {
    raw.parse()
        .ok()
        .filter(|t: &u32| is_supported(*t) && t.to_string() == raw)
}

/// Which id fields an echo body holds (present and not null).
#[derive(Debug, PartialEq, Eq)]
pub enum EchoIds<'a> {
    Neither,
    One(&'static str, &'a serde_json::Value),
    Both,
}

pub fn echo_ids(body: &serde_json::Map<String, serde_json::Value>) -> EchoIds<'_> {
    let mut present = ID_FIELDS.into_iter().filter_map(|field| {
        body.get(field)
            .filter(|value| !value.is_null())
            .map(|value| (field, value))
    });
    match (present.next(), present.next()) {
        (None, _) => EchoIds::Neither,
        (Some((field, value)), None) => EchoIds::One(field, value),
        (Some(_), Some(_)) => EchoIds::Both,
    }
}

/// Why the provider would refuse `url` as a callback URL (it requires a public HTTPS one),
/// if it would.
pub fn not_public_https(url: &Url) -> Option<&'static str> {
    let loopback = match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    };
    if loopback {
        Some("is a loopback address")
    } else if url.scheme() == "http" {
        Some("is plain http://")
    } else {
        None
    }
}

/// What a callback URL's host is, as far as it can be told without resolving a name.
#[derive(Debug, PartialEq, Eq)]
pub enum Host {
    /// An address no delivery can reach a receiver on (link-local, unspecified).
    Unreachable(&'static str),
    /// A private range: reachable from this machine, not from a real provider.
    Private(&'static str),
    Other,
}

pub fn callback_host(url: &Url) -> Host {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ipv4_host(ip),
        Some(url::Host::Ipv6(ip)) => ip.to_ipv4_mapped().map_or_else(|| ipv6_host(ip), ipv4_host),
        Some(url::Host::Domain(_)) | None => Host::Other,
    }
}

fn ipv4_host(ip: Ipv4Addr) -> Host {
    let [a, b, ..] = ip.octets();
    if ip.is_unspecified() {
        Host::Unreachable("the unspecified address 0.0.0.0")
    } else if ip.is_link_local() {
        Host::Unreachable("a link-local address (169.254.0.0/16)")
    } else if a == 10 {
        Host::Private("10.0.0.0/8")
    } else if a == 172 && (16..32).contains(&b) {
        Host::Private("172.16.0.0/12")
    } else if a == 192 && b == 168 {
        Host::Private("192.168.0.0/16")
    } else {
        Host::Other
    }
}

fn ipv6_host(ip: Ipv6Addr) -> Host {
    let first = ip.segments()[0];
    if ip.is_unspecified() {
        Host::Unreachable("the unspecified address [::]")
    } else if first & 0xffc0 == 0xfe80 {
        Host::Unreachable("a link-local address (fe80::/10)")
    } else if first & 0xfe00 == 0xfc00 {
        Host::Private("fc00::/7")
    } else {
        Host::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_are_the_documented_ones_with_their_parameters_filled_in() {
        let partner = EXAMPLE_GUID;
        assert_eq!(
            Endpoint::List.segments(partner, None),
            [partner, "callbacks"]
        );
        assert_eq!(
            Endpoint::Callback.segments(partner, Some(6)),
            [partner, "callbacks", "6"]
        );
        assert_eq!(
            Endpoint::Echo.segments(partner, Some(7)),
            ["v1", "callbacks", "echo", partner, "7"]
        );
    }

    #[test]
    fn partner_ids_are_guids_in_canonical_form() {
        assert_eq!(
            guid("{3F2C8D8E-1111-2222-3333-444455556666}").as_deref(),
            Some(EXAMPLE_GUID)
        );
        assert_eq!(guid("partner-1"), None);
    }

    #[test]
    fn only_types_5_6_7_are_supported_written_as_plain_decimals() {
        assert_eq!(path_type("6"), Some(6));
        assert!(TYPES.iter().all(|t| is_supported(*t)));
        assert!(!is_supported(4) && !is_supported(8));
        for bad in ["4", "8", "x", "-5", "", "+5", "05", "%35", "5 "] {
            assert_eq!(path_type(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_echo_body_holds_exactly_one_id_not_null() {
        let ids = |body: serde_json::Value| match echo_ids(body.as_object().unwrap()) {
            EchoIds::One(field, _) => Some(field),
            EchoIds::Neither => None,
            EchoIds::Both => Some("both"),
        };
        assert_eq!(
            ids(json!({"processUniqueId": "p"})),
            Some("processUniqueId")
        );
        assert_eq!(
            ids(json!({"simulationUniqueId": 1, "processUniqueId": null})),
            Some("simulationUniqueId")
        );
        assert_eq!(ids(json!({"other": 1})), None);
        assert_eq!(
            ids(json!({"processUniqueId": "p", "simulationUniqueId": "s"})),
            Some("both")
        );
    }

    #[test]
    fn only_a_public_https_url_is_a_callback_url() {
        let reason = |url: &str| not_public_https(&Url::parse(url).unwrap());
        assert_eq!(reason("https://me.example/hook"), None);
        assert_eq!(reason("http://me.example/hook"), Some("is plain http://"));
        for loopback in ["https://localhost/", "https://127.0.0.1/", "https://[::1]/"] {
            assert_eq!(
                reason(loopback),
                Some("is a loopback address"),
                "{loopback}"
            );
        }
    }

    #[test]
    fn callback_hosts_are_told_apart_by_range() {
        let host = |url: &str| callback_host(&Url::parse(url).unwrap());
        for unreachable in [
            "http://0/x",
            "http://0.0.0.0:80/",
            "http://[::]/",
            "http://169.254.169.254/latest",
            "http://[fe80::1]/",
            "http://[febf::1]/",
            "http://[::ffff:169.254.1.1]/",
        ] {
            assert!(
                matches!(host(unreachable), Host::Unreachable(_)),
                "{unreachable}"
            );
        }
        for (private, range) in [
            ("http://10.1.2.3/", "10.0.0.0/8"),
            ("http://172.16.0.1/", "172.16.0.0/12"),
            ("http://172.31.255.1/", "172.16.0.0/12"),
            ("http://192.168.1.1/", "192.168.0.0/16"),
            ("http://[fd12::1]/", "fc00::/7"),
        ] {
            assert_eq!(host(private), Host::Private(range), "{private}");
        }
        for other in [
            "http://127.0.0.1:9/",
            "http://[::1]/",
            "http://172.32.0.1/",
            "http://[fec0::1]/",
            "https://me.example/",
            "http://localhost/",
        ] {
            assert_eq!(host(other), Host::Other, "{other}");
        }
    }
}
