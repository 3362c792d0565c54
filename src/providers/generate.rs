//! Making payloads as a provider would send them: identifiers in each provider's own
//! format and provider authentication (issue 5, `hooks replay`).
