/** How the proxy secures connections to the upstream (Istio's `ClientTLSSettings.TLSmode`). */
export enum TlsMode {
  /** Plain text: no TLS to the upstream. */
  DISABLE = 'DISABLE',
  /** TLS, the proxy verifies the server (give `caCertificates` or a `credentialName`). */
  SIMPLE = 'SIMPLE',
  /** Mutual TLS with the client certificate you provide (files or a `credentialName`). */
  MUTUAL = 'MUTUAL',
  /** Mutual TLS with the certificates Istio issues to the workload: the mesh's own mTLS. */
  ISTIO_MUTUAL = 'ISTIO_MUTUAL',
}

/**
 * TLS from the proxy to the upstream (Istio's `ClientTLSSettings`).
 *
 * Inside the mesh, leave TLS unset: Istio's auto mTLS then uses ISTIO_MUTUAL towards every workload
 * with a sidecar and plain text towards the others, which is always right. Setting
 * `TlsMode.ISTIO_MUTUAL` forces mTLS even to workloads without a sidecar (their requests then fail);
 * setting `DISABLE` turns mTLS off. Use SIMPLE or MUTUAL to originate TLS to hosts outside the mesh.
 *
 * @example
 * const tls: ClientTlsSettings = { mode: TlsMode.SIMPLE, credentialName: 'api-ca', sni: 'api.example.com' };
 */
export interface ClientTlsSettings {
  /** The TLS mode. */
  readonly mode: TlsMode;

  /**
   * Path of the client certificate file (MUTUAL, when no `credentialName`).
   * @default - none
   */
  readonly clientCertificate?: string;

  /**
   * Path of the client's private key file (MUTUAL, when no `credentialName`).
   * @default - none
   */
  readonly privateKey?: string;

  /**
   * Path of the CA certificates that verify the server's certificate.
   * @default - none: the proxy's OS trust store when istiod verifies at the client (VERIFY_CERTIFICATE_AT_CLIENT, on by default), else no verification
   */
  readonly caCertificates?: string;

  /**
   * Name of the Secret (in the proxy's namespace) holding the client certificate, key and CA (MUTUAL)
   * or the CA (SIMPLE); for sidecars, the DestinationRule needs a workloadSelector. Excludes the file paths.
   * @default - none
   */
  readonly credentialName?: string;

  /**
   * Names the server certificate's subject alternative names must include.
   * @default - no SAN check (ISTIO_MUTUAL: the identities Istio knows for the service)
   */
  readonly subjectAltNames?: string[];

  /**
   * SNI sent in the TLS handshake.
   * @default - the upstream host for ISTIO_MUTUAL and when auto SNI applies, else none
   */
  readonly sni?: string;

  /**
   * Skip verifying the server's CA signature and SAN. Leaves the connection open to impersonation.
   * @default false
   */
  readonly insecureSkipVerify?: boolean;

  /**
   * Path of the certificate revocation list used to verify the server's certificate.
   * @default - no CRL
   */
  readonly caCrl?: string;
}
