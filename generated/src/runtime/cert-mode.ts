/**
 * Public-key-certificate mode (公钥证书模式): the app certificate, the Alipay public-key
 * certificate(s) and the Alipay root certificate bundle, read once at client creation. Requests
 * carry `app_cert_sn` and `alipay_root_cert_sn` (signed); an answer's `alipay_cert_sn` (outside the
 * signed text) picks which Alipay certificate's key verifies it, so a client can hold the current
 * and the next certificate while Alipay rotates them.
 */
import { readFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { X509Certificate, type KeyObject } from 'node:crypto';
import { certSn, rootCertSn } from './cert.js';
import { AlipayConfigError, AlipaySignatureError } from './errors.js';

/** A certificate as PEM text, DER / PEM bytes, or the path of a file holding it. */
export type CertInput = string | Uint8Array;

/** The `certs` client option. */
export interface AlipayCertConfig {
  /** The app public-key certificate (appCertPublicKey_<APPID>.crt): PEM text or a file path. */
  appCert: CertInput;
  /**
   * The Alipay public-key certificate (alipayCertPublicKey_RSA2.crt), or several (the current and
   * the next one, during a rotation): PEM text or file paths. The first is used when an answer names none.
   */
  alipayCert: CertInput | readonly CertInput[];
  /** The Alipay root certificate bundle (alipayRootCert.crt): PEM text or a file path. */
  alipayRootCert: CertInput;
}

/** The parsed certificates of a client: serials computed once. */
export interface CertMode {
  readonly appCertSn: string;
  readonly rootCertSn: string;
  /** Alipay certificate SN -> its public key, in the order given. */
  readonly alipayKeys: ReadonlyMap<string, KeyObject>;
}

const PEM_START = '-----BEGIN';

/** PEM text as given, or the bytes of the file a path names (read once, synchronously). */
function read(input: CertInput, option: string): string | Uint8Array {
  if (typeof input !== 'string') return input;
  if (input.includes(PEM_START)) return input;
  if (input.trim() === '') throw new AlipayConfigError(`${option} is empty: pass the certificate's PEM text or its file path`);
  try {
    return readFileSync(input);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new AlipayConfigError(`${option}: cannot read the certificate file ${JSON.stringify(input)} (${typeof code === 'string' ? code : 'read error'})`);
  }
}

function x509(data: string | Uint8Array, option: string): X509Certificate {
  try {
    return new X509Certificate(typeof data === 'string' ? data : Buffer.from(data));
  } catch {
    throw new AlipayConfigError(`${option} is not a readable X.509 certificate (PEM or DER)`);
  }
}

function rootSn(data: string | Uint8Array, option: string): string {
  try {
    return rootCertSn(data);
  } catch {
    throw new AlipayConfigError(`${option} is not a readable root certificate bundle (PEM certificates, at least one RSA-signed)`);
  }
}

/** Reads and checks the certificates; throws AlipayConfigError naming the option (never the content). */
export function loadCertMode(config: AlipayCertConfig): CertMode {
  if (typeof config !== 'object' || config === null) throw new AlipayConfigError('certs must be { appCert, alipayCert, alipayRootCert }');
  const appCertSn = certSn(x509(read(config.appCert, 'certs.appCert'), 'certs.appCert'));
  const rootCertSnValue = rootSn(read(config.alipayRootCert, 'certs.alipayRootCert'), 'certs.alipayRootCert');
  const list: readonly CertInput[] = Array.isArray(config.alipayCert) ? config.alipayCert : [config.alipayCert as CertInput];
  if (list.length === 0) throw new AlipayConfigError('certs.alipayCert needs at least one certificate');
  const alipayKeys = new Map<string, KeyObject>();
  list.forEach((input, i) => {
    const option = list.length === 1 && !Array.isArray(config.alipayCert) ? 'certs.alipayCert' : `certs.alipayCert[${i}]`;
    const cert = x509(read(input, option), option);
    alipayKeys.set(certSn(cert), cert.publicKey);
  });
  return { appCertSn, rootCertSn: rootCertSnValue, alipayKeys };
}

/**
 * The key that verifies an answer: the Alipay certificate its `alipay_cert_sn` names (the first one
 * when it names none). An SN the client has no certificate for is an AlipaySignatureError that
 * names it and the client's SNs (serials are not secrets): add the new certificate to `certs.alipayCert`.
 */
export function alipayKeyFor(mode: CertMode, answerSn: string | undefined, method: string, traceId: string | undefined): KeyObject {
  if (answerSn === undefined || answerSn === '') return mode.alipayKeys.values().next().value!;
  const key = mode.alipayKeys.get(answerSn);
  if (key !== undefined) return key;
  const known = [...mode.alipayKeys.keys()].join(', ');
  throw new AlipaySignatureError(
    `${method}: the answer is signed with the Alipay certificate alipay_cert_sn=${answerSn}, which matches none of the client's Alipay certificates (${known}): add that certificate to certs.alipayCert`,
    method,
    { traceId },
  );
}
