/// <reference path="./platform.d.ts" />
/**
 * Certificate serial numbers for public-key-certificate mode (app_cert_sn, alipay_root_cert_sn):
 * md5 hex of the issuer DN in RFC 2253 order (RDNs reversed, comma-joined) followed by the decimal
 * serial. The root SN joins with `_` the SNs of the bundle's RSA-signed certificates, in file order.
 */
import { X509Certificate } from './platform.js';
/** SN of one certificate (PEM or DER). */
export declare function certSn(cert: string | Uint8Array | X509Certificate): string;
/** Whether the certificate's outer signatureAlgorithm is an RSA one (Node does not expose it). */
export declare function isRsaSigned(cert: X509Certificate): boolean;
/** SN of the Alipay root certificate bundle. */
export declare function rootCertSn(bundle: string | Uint8Array): string;
