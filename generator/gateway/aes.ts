/**
 * The gateway's side of AES content encryption, for an app configured with an AES key: a request
 * with `encrypt_type=AES` carries biz_content as ciphertext (its signature, checked before, covers
 * the ciphertext); the answer to it is the node's JSON, encrypted, written as a JSON string.
 */
import { aesDecrypt, aesEncrypt } from '../../templates/runtime/index.js';
import { gatewayError, type Node } from './codes.js';

/** The plaintext biz_content of an encrypted request, or the refusal when it cannot be decrypted. */
export function decryptRequest(
  params: Readonly<Record<string, string>>,
  aesKey: string | undefined,
): { readonly bizContent: string | undefined; readonly encrypted: boolean } | { readonly refused: Node } {
  const bizContent = params['biz_content'];
  if (params['encrypt_type'] === undefined || params['encrypt_type'].trim() === '') return { bizContent, encrypted: false };
  if (params['encrypt_type'] !== 'AES' || aesKey === undefined || bizContent === undefined) return { refused: gatewayError('isv.decryption-error-unknown') };
  try {
    return { bizContent: aesDecrypt(bizContent, aesKey), encrypted: true };
  } catch {
    return { refused: gatewayError('isv.decryption-error-unknown') };
  }
}

/** The node as an encrypted answer writes it: the ciphertext of its JSON. */
export function encryptNode(node: Node, aesKey: string): string {
  return aesEncrypt(JSON.stringify(node), aesKey);
}
