/** Shared test fixtures: the known-answer vectors and their keys, read from ../shared/vectors. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
export const VECTORS_DIR: string = process.env.ALIPAY_VECTORS_DIR ?? resolve(here, '../../../shared/vectors');

export function readVectorFile(relative: string): string {
  return readFileSync(resolve(VECTORS_DIR, relative), 'utf8');
}

interface RequestSigningVector {
  name: string;
  privateKey: string;
  signType: 'RSA2' | 'RSA';
  params?: Record<string, string>;
  stringToSign: string;
  signature: string;
}
interface ResponseVector {
  name: string;
  alipayPublicKey: string;
  signType: 'RSA2' | 'RSA';
  body: string;
  responseNode: string;
  signedContent?: string;
  valid: boolean;
}
interface AesVector {
  key: string;
  plaintext: string;
  ciphertext: string;
}
interface NotifyVector {
  name: string;
  alipayPublicKey: string;
  params: Record<string, unknown>;
  stringToVerify: string;
  valid: boolean;
}
export interface Vectors {
  request_signing: RequestSigningVector[];
  key_formats: { files: string[]; publicKey: string };
  response_verification: ResponseVector[];
  aes: AesVector[];
  cert_sn: {
    appCert: { file: string; sn: string };
    alipayCert: { file: string; sn: string };
    rootCert: { file: string; sn: string };
  };
  notify_verification: NotifyVector[];
}

export const vectors: Vectors = JSON.parse(readVectorFile('vectors.json')) as Vectors;

/** "keys/app-private-key.pem (PKCS#1 PEM)" -> "keys/app-private-key.pem" */
export function vectorPath(entry: string): string {
  return entry.split(' ')[0]!;
}
