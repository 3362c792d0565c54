//! HTTPS for `hooks listen --tls`: a self-signed certificate for localhost/127.0.0.1 made
//! at start, or the user's PEM files, served with rustls on the ring provider.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::ServerConfig;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

use crate::error::{Error, Result};

/// The names the self-signed certificate is valid for.
pub const SELF_SIGNED_NAMES: [&str; 2] = ["localhost", "127.0.0.1"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsSource {
    /// A certificate generated at start for [`SELF_SIGNED_NAMES`].
    SelfSigned,
    /// PEM certificate chain and private key files.
    Files { cert: PathBuf, key: PathBuf },
}

/// A server configuration and the SHA-256 fingerprint of the certificate it presents.
pub struct Tls {
    pub config: Arc<ServerConfig>,
    pub fingerprint: String,
}

impl Tls {
    pub fn load(source: &TlsSource) -> Result<Tls> {
        let (chain, key) = match source {
            TlsSource::SelfSigned => self_signed()?,
            TlsSource::Files { cert, key } => (read_chain(cert)?, read_key(key)?),
        };
        let fingerprint = fingerprint(&chain[0]);
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::failure(format!("cannot set up TLS: {e}")))?
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .map_err(|e| {
                Error::usage(format!(
                    "the certificate and key cannot be used together: {e}"
                ))
            })?;
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Ok(Tls {
            config: Arc::new(config),
            fingerprint,
        })
    }
}

fn self_signed() -> Result<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>)> {
    let names: Vec<String> = SELF_SIGNED_NAMES.iter().map(|n| n.to_string()).collect();
    let certified = rcgen::generate_simple_self_signed(names)
        .map_err(|e| Error::failure(format!("cannot generate a certificate: {e}")))?;
    let key = PrivatePkcs8KeyDer::from(certified.signing_key.serialize_der());
    Ok((vec![certified.cert.der().clone()], key.into()))
}

fn read_chain(path: &Path) -> Result<Vec<CertificateDer<'static>>> {
    let bad = |e: &dyn std::fmt::Display| {
        Error::usage(format!(
            "cannot read the certificate {}: {e}; expected a PEM certificate chain",
            path.display()
        ))
    };
    let chain = CertificateDer::pem_file_iter(path)
        .map_err(|e| bad(&e))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad(&e))?;
    if chain.is_empty() {
        return Err(bad(&"no CERTIFICATE block found"));
    }
    Ok(chain)
}

fn read_key(path: &Path) -> Result<PrivateKeyDer<'static>> {
    PrivateKeyDer::from_pem_file(path).map_err(|e| {
        Error::usage(format!(
            "cannot read the private key {}: {e}; expected a PEM private key",
            path.display()
        ))
    })
}

/// SHA-256 of `data`, from the ring provider rustls already carries (no extra dependency).
pub fn sha256(data: &[u8]) -> Vec<u8> {
    let suite = rustls::crypto::ring::cipher_suite::TLS13_AES_128_GCM_SHA256;
    let hash = match suite {
        rustls::SupportedCipherSuite::Tls13(suite) => suite.common.hash_provider,
        rustls::SupportedCipherSuite::Tls12(suite) => suite.common.hash_provider,
    };
    hash.hash(data).as_ref().to_vec()
}

/// The certificate's SHA-256 fingerprint as browsers and `openssl x509 -fingerprint` show it.
pub fn fingerprint(cert: &CertificateDer<'_>) -> String {
    sha256(cert.as_ref())
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_abc() {
        let hex: String = sha256(b"abc").iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
