/**
 * The local gateway's own test certificate chain for certificate mode: a root CA, the "Alipay"
 * certificate (its key signs answers) and the app certificate (its key signs requests), each
 * signed by the root with sha256WithRSAEncryption.
 *
 * node:crypto parses and verifies X.509 (X509Certificate) but cannot issue certificates, so the
 * few DER structures a certificate needs are written here (RFC 5280 §4.1): version, serial,
 * algorithm, issuer/subject names, validity, the SPKI node:crypto exports, and the basicConstraints
 * / keyUsage extensions. Being test material only, this avoids a dependency; the output is checked
 * by node:crypto (parse, verify, checkIssued) and by alipay-sdk's own serial reader in the tests.
 */
import { generateKeyPair, randomBytes, sign as rsaSign, X509Certificate, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { certSn, rootCertSn } from '../../templates/runtime/index.js';

const generatePair = promisify(generateKeyPair);

/** One issued certificate and its key pair. */
export interface IssuedCert {
  readonly pem: string;
  /** Undefined for an app certificate issued for a public key only (the app keeps its private key). */
  readonly privateKey: KeyObject | undefined;
  readonly publicKey: KeyObject;
  /** Its SN as the gateway protocol computes it (md5 of issuer DN + decimal serial). */
  readonly sn: string;
}

/** The chain a cert-mode gateway issues at start. */
export interface CertChain {
  readonly root: IssuedCert;
  /** The root bundle's SN (`alipay_root_cert_sn`). */
  readonly rootSn: string;
  readonly alipay: IssuedCert;
  readonly app: IssuedCert;
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const sequence = (...items: Buffer[]): Buffer => tlv(0x30, ...items);
const set = (...items: Buffer[]): Buffer => tlv(0x31, ...items);

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes = [parts[0]! * 40 + parts[1]!];
  for (const part of parts.slice(2)) {
    const chunk = [part & 0x7f];
    for (let v = Math.floor(part / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** A positive INTEGER from big-endian bytes (a leading zero added when the top bit is set). */
function integer(bytes: Buffer): Buffer {
  return tlv(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

const SHA256_WITH_RSA = sequence(oid('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]));
const ATTRIBUTE_OIDS = { C: '2.5.4.6', O: '2.5.4.10', OU: '2.5.4.11', CN: '2.5.4.3' } as const;

/** A Name from RDNs in DER order (country first), each value a UTF8String (PrintableString for C). */
function name(rdns: readonly (readonly [keyof typeof ATTRIBUTE_OIDS, string])[]): Buffer {
  return sequence(...rdns.map(([type, value]) => set(sequence(oid(ATTRIBUTE_OIDS[type]), tlv(type === 'C' ? 0x13 : 0x0c, Buffer.from(value, 'utf8'))))));
}

/** UTCTime `YYMMDDHHMMSSZ` (valid for years 1950-2049, all this needs). */
function utcTime(date: Date): Buffer {
  const iso = date.toISOString();
  const text = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

function extensions(ca: boolean): Buffer {
  const basicConstraints = sequence(oid('2.5.29.19'), tlv(0x01, Buffer.from([0xff])), tlv(0x04, sequence(...(ca ? [tlv(0x01, Buffer.from([0xff]))] : []))));
  // keyUsage: keyCertSign + cRLSign for the CA, digitalSignature for the others.
  const usage = ca ? Buffer.from([0x01, 0x06]) : Buffer.from([0x07, 0x80]);
  const keyUsage = sequence(oid('2.5.29.15'), tlv(0x01, Buffer.from([0xff])), tlv(0x04, tlv(0x03, usage)));
  return tlv(0xa3, sequence(basicConstraints, keyUsage));
}

interface CertRequest {
  subject: Buffer;
  issuer: Buffer;
  publicKey: KeyObject;
  signingKey: KeyObject;
  ca: boolean;
}

function issue(request: CertRequest): string {
  const now = Date.now();
  const serial = randomBytes(12);
  serial[0] = serial[0]! & 0x7f || 0x01;
  const tbs = sequence(
    tlv(0xa0, integer(Buffer.from([0x02]))),
    integer(serial),
    SHA256_WITH_RSA,
    request.issuer,
    sequence(utcTime(new Date(now - 24 * 3600_000)), utcTime(new Date(now + 2 * 365 * 24 * 3600_000))),
    request.subject,
    request.publicKey.export({ type: 'spki', format: 'der' }),
    extensions(request.ca),
  );
  const signature = rsaSign('sha256', tbs, request.signingKey);
  const der = sequence(tbs, SHA256_WITH_RSA, tlv(0x03, Buffer.from([0]), signature));
  const base64 = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${base64}-----END CERTIFICATE-----\n`;
}

async function pair(): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  return generatePair('rsa', { modulusLength: 2048 });
}

const ROOT_NAME = name([['C', 'CN'], ['O', 'alipay-codegen test'], ['OU', 'Certification Authority'], ['CN', 'alipay-codegen Test Root CA']]);

type Pair = { privateKey: KeyObject | undefined; publicKey: KeyObject };

/**
 * Issues a fresh chain: a new root each time; the Alipay and app certificates for the given keys
 * (the gateway's signing pair, the app's public key), or for new pairs.
 */
export async function createCertChain(options: { alipay?: { privateKey: KeyObject; publicKey: KeyObject }; appPublicKey?: KeyObject } = {}): Promise<CertChain> {
  const app: Promise<Pair> = options.appPublicKey === undefined ? pair() : Promise.resolve({ privateKey: undefined, publicKey: options.appPublicKey });
  const [rootKeys, alipayKeys, appKeys] = await Promise.all([pair(), options.alipay ?? pair(), app]);
  const rootPem = issue({ subject: ROOT_NAME, issuer: ROOT_NAME, publicKey: rootKeys.publicKey, signingKey: rootKeys.privateKey, ca: true });
  const alipayPem = issue({
    subject: name([['C', 'CN'], ['O', 'alipay-codegen test'], ['OU', 'Alipay Open Platform'], ['CN', 'alipay-codegen test gateway']]),
    issuer: ROOT_NAME,
    publicKey: alipayKeys.publicKey,
    signingKey: rootKeys.privateKey,
    ca: false,
  });
  const appPem = issue({
    subject: name([['C', 'CN'], ['O', 'alipay-codegen test'], ['OU', 'Alipay Open Platform app'], ['CN', 'alipay-codegen test app']]),
    issuer: ROOT_NAME,
    publicKey: appKeys.publicKey,
    signingKey: rootKeys.privateKey,
    ca: false,
  });
  const cert = (pem: string, keys: Pair): IssuedCert => ({ pem, ...keys, sn: certSn(new X509Certificate(pem)) });
  return { root: cert(rootPem, rootKeys), rootSn: rootCertSn(rootPem), alipay: cert(alipayPem, alipayKeys), app: cert(appPem, appKeys) };
}
