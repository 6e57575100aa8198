/**
 * Writes answers the way the gateway does: the node serialised once with `/` escaped as `\/`,
 * signed over exactly that raw text with the gateway private key, `sign` written after it.
 * Signatures are cached by (sign type, node text): the same example answer is signed once.
 */
import type { KeyObject } from 'node:crypto';
import { signContent, type SignType } from '../../templates/runtime/index.js';

/** Bound on cached signatures; the map is cleared when full (answers repeat, so it refills at once). */
const MAX_CACHED = 1024;

export interface BodyWriter {
  /** `{"<key>":<raw>,"sign":"..."}`; `sign: false` leaves it out, `sign: 'wrong'` signs other bytes. */
  write(key: string, node: unknown, signType: SignType, sign?: boolean | 'wrong'): string;
}

/** `JSON.stringify` with every `/` escaped, as the real gateway writes (`https:\/\/...`). */
export function gatewayJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('/', '\\/');
}

export function createBodyWriter(gatewayPrivateKey: KeyObject): BodyWriter {
  const cache = new Map<string, string>();
  // Static answers (the success nodes) are the same objects every time: serialise them once.
  const rawTexts = new WeakMap<object, string>();
  const signed = (raw: string, signType: SignType): string => {
    const cacheKey = `${signType}:${raw}`;
    let sign = cache.get(cacheKey);
    if (sign === undefined) {
      if (cache.size >= MAX_CACHED) cache.clear();
      sign = signContent(raw, gatewayPrivateKey, signType);
      cache.set(cacheKey, sign);
    }
    return sign;
  };
  return {
    write(key, node, signType, sign = true) {
      let raw = typeof node === 'object' && node !== null ? rawTexts.get(node) : undefined;
      if (raw === undefined) {
        raw = gatewayJson(node);
        if (typeof node === 'object' && node !== null) rawTexts.set(node, raw);
      }
      const head = `{${JSON.stringify(key)}:${raw}`;
      if (sign === false) return `${head}}`;
      // A wrong signature: a real signature, of other bytes, so only verification can tell.
      const value = signed(sign === 'wrong' ? `${raw} ` : raw, signType);
      return `${head},"sign":${gatewayJson(value)}}`;
    },
  };
}
