/**
 * Server-side TLS settings: what a Gateway server or a Sidecar ingress listener presents to the
 * clients that connect to it (Istio's ServerTLSSettings).
 */

/** How a server treats TLS (Istio's ServerTLSSettings.TLSmode). */
export enum ServerTlsMode {
  /** Forward the TLS connection untouched, routed by SNI; no certificate here. Istio's default when `mode` is absent. */
  PASSTHROUGH = 'PASSTHROUGH',
  /** Terminate TLS with a server certificate. */
  SIMPLE = 'SIMPLE',
  /** Terminate TLS and require a client certificate signed by the given CA. */
  MUTUAL = 'MUTUAL',
  /** Forward untouched, routed by SNI to the service the SNI names (east-west gateways); needs no VirtualService. */
  AUTO_PASSTHROUGH = 'AUTO_PASSTHROUGH',
  /** Terminate with the proxy's own Istio certificate (mesh mTLS); no certificate source may be set. */
  ISTIO_MUTUAL = 'ISTIO_MUTUAL',
  /** Terminate TLS; verify a client certificate when one is presented, accept clients without one. */
  OPTIONAL_MUTUAL = 'OPTIONAL_MUTUAL',
}

/** A TLS protocol version bound (Istio's ServerTLSSettings.TLSProtocol). */
export enum TlsProtocolVersion {
  /** Envoy's default. */
  TLS_AUTO = 'TLS_AUTO',
  /** TLS 1.0 (insecure; needs explicit cipher suites). */
  TLSV1_0 = 'TLSV1_0',
  /** TLS 1.1 (insecure; needs explicit cipher suites). */
  TLSV1_1 = 'TLSV1_1',
  /** TLS 1.2. */
  TLSV1_2 = 'TLSV1_2',
  /** TLS 1.3. */
  TLSV1_3 = 'TLSV1_3',
}

/** One server certificate of `ServerTlsSettings.tlsCertificates` (files mounted in the proxy). */
export interface ServerTlsCertificate {
  /** Path of the PEM server certificate. */
  readonly serverCertificate: string;

  /** Path of the PEM private key. */
  readonly privateKey: string;

  /**
   * Path of the PEM CA bundle for client certificates (MUTUAL, OPTIONAL_MUTUAL).
   * @default - none
   */
  readonly caCertificates?: string;
}

/**
 * TLS settings of a server. Give one certificate source: `credentialName` (a Kubernetes Secret, the
 * usual choice on a gateway), `credentialNames` (an RSA and an ECDSA Secret), `tlsCertificates`, or
 * `serverCertificate` with `privateKey` (files in the proxy).
 *
 * Secure default: a server that terminates TLS (SIMPLE, MUTUAL, OPTIONAL_MUTUAL) without
 * `minProtocolVersion` gets `TLSV1_2` (unless `maxProtocolVersion` is below it).
 */
export interface ServerTlsSettings {
  /**
   * How the server treats TLS.
   * @default - SIMPLE when a certificate source is set (`credentialName`, `credentialNames`,
   * `tlsCertificates`, `serverCertificate`), otherwise not rendered (Istio reads PASSTHROUGH; on a
   * plain HTTP server with only `httpsRedirect` that is what you want)
   */
  readonly mode?: ServerTlsMode;

  /**
   * Answer every plain HTTP request with a 301 redirect to HTTPS (on an HTTP server).
   * @default - not rendered: no redirect (but see `Gateway.addHttpServer()`)
   */
  readonly httpsRedirect?: boolean;

  /**
   * Name of the Kubernetes Secret (in the gateway's namespace) holding `tls.crt`, `tls.key` and, for
   * MUTUAL, `ca.crt`. Gateways only: Sidecars do not support it.
   * @default - none
   */
  readonly credentialName?: string;

  /**
   * Names of one or two Secrets (e.g. an RSA and an ECDSA certificate), instead of `credentialName`.
   * @default - none
   */
  readonly credentialNames?: string[];

  /**
   * Name of a Secret or ConfigMap holding the CA certificates for client verification (MUTUAL,
   * OPTIONAL_MUTUAL), when they are not in the `credentialName` Secret.
   * @default - none
   */
  readonly caCertCredentialName?: string;

  /**
   * One or two server certificates as files in the proxy, instead of `serverCertificate`/`privateKey`.
   * @default - none
   */
  readonly tlsCertificates?: ServerTlsCertificate[];

  /**
   * Path of the PEM server certificate in the proxy (with `privateKey`).
   * @default - none
   */
  readonly serverCertificate?: string;

  /**
   * Path of the PEM private key in the proxy (with `serverCertificate`).
   * @default - none
   */
  readonly privateKey?: string;

  /**
   * Path of the PEM CA bundle that verifies client certificates; required by MUTUAL and
   * OPTIONAL_MUTUAL unless a credential supplies it.
   * @default - none
   */
  readonly caCertificates?: string;

  /**
   * Path of a certificate revocation list for client certificates (not with SIMPLE or `credentialName`).
   * @default - none
   */
  readonly caCrl?: string;

  /**
   * Subject alternative names a client certificate must carry (one of them).
   * @default - any
   */
  readonly subjectAltNames?: string[];

  /**
   * Base64 SHA-256 hashes of the SPKIs of the client certificates accepted.
   * @default - any
   */
  readonly verifyCertificateSpki?: string[];

  /**
   * Hex SHA-256 hashes of the client certificates accepted.
   * @default - any
   */
  readonly verifyCertificateHash?: string[];

  /**
   * Lowest TLS version accepted.
   * @default - TLSV1_2 when the server terminates TLS (SIMPLE, MUTUAL, OPTIONAL_MUTUAL) and
   * `maxProtocolVersion` is not below it; otherwise not rendered
   */
  readonly minProtocolVersion?: TlsProtocolVersion;

  /**
   * Highest TLS version accepted.
   * @default - not rendered (Envoy's default, TLS 1.3)
   */
  readonly maxProtocolVersion?: TlsProtocolVersion;

  /**
   * Cipher suites offered, in OpenSSL names (`ECDHE-RSA-AES128-GCM-SHA256`).
   * @default - Envoy's defaults
   */
  readonly cipherSuites?: string[];
}
