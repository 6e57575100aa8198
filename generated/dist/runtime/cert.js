/**
 * Certificate serial numbers for public-key-certificate mode (app_cert_sn, alipay_root_cert_sn):
 * md5 hex of the issuer DN in RFC 2253 order (RDNs reversed, comma-joined) followed by the decimal
 * serial. The root SN joins with `_` the SNs of the bundle's RSA-signed certificates, in file order.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { AlipayConfigError } from './errors.js';
const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
/** DER of OID 1.2.840.113549.1.1 (PKCS#1 signature algorithms: sha256WithRSAEncryption ...). */
const RSA_OID_PREFIX = Buffer.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01]);
function parse(pem) {
    try {
        return new X509Certificate(typeof pem === 'string' ? pem : Buffer.from(pem));
    }
    catch {
        throw new AlipayConfigError('not a readable X.509 certificate');
    }
}
/** SN of one certificate (PEM or DER). */
export function certSn(cert) {
    const x509 = cert instanceof X509Certificate ? cert : parse(cert);
    const issuer = x509.issuer.split('\n').reverse().join(',');
    const serial = BigInt(`0x${x509.serialNumber}`).toString(10);
    return createHash('md5').update(issuer + serial, 'utf8').digest('hex');
}
/** Offset of the content of the DER element at `at`, and the offset after it. */
function element(der, at) {
    let len = der[at + 1] ?? 0;
    let content = at + 2;
    if (len >= 0x80) {
        const n = len & 0x7f;
        len = 0;
        for (let k = 0; k < n; k++)
            len = len * 256 + (der[content + k] ?? 0);
        content += n;
    }
    return { content, end: content + len };
}
/** Whether the certificate's outer signatureAlgorithm is an RSA one (Node does not expose it). */
export function isRsaSigned(cert) {
    const der = cert.raw;
    const outer = element(der, 0);
    const tbs = element(der, outer.content);
    const algorithm = element(der, tbs.end);
    const oid = element(der, algorithm.content);
    if (der[algorithm.content] !== 0x06)
        return false;
    return der.subarray(oid.content, oid.end).subarray(0, RSA_OID_PREFIX.length).equals(RSA_OID_PREFIX);
}
/** SN of the Alipay root certificate bundle. */
export function rootCertSn(bundle) {
    const text = typeof bundle === 'string' ? bundle : Buffer.from(bundle).toString('latin1');
    const sns = [];
    for (const pem of text.match(PEM_CERT) ?? []) {
        const cert = parse(pem);
        if (isRsaSigned(cert))
            sns.push(certSn(cert));
    }
    if (sns.length === 0)
        throw new AlipayConfigError('the root certificate bundle has no RSA-signed certificate');
    return sns.join('_');
}
