/**
 * The gateway's checks of the common params and of the request signature, in the order the real
 * gateway reports them. Problems before the method and app are known are answered in an unsigned
 * `error_response`; later ones in the method's own node, signed.
 */
import type { KeyObject } from 'node:crypto';
import { buildSignContent, isDateTime, verifyContent, type SignType } from '../../templates/runtime/index.js';
import { gatewayError, type Node } from './codes.js';
import { checkCertSns, type GatewayCertSns } from './cert-mode.js';

export type ProtocolResult =
  /** Refused before the method/app are known: `error_response`, unsigned. */
  | { readonly kind: 'unknown-method'; readonly method: string | undefined; readonly node: Node }
  /** The method is known; `node` is set when the request is refused. */
  | { readonly kind: 'method'; readonly method: string; readonly signType: SignType; readonly node?: Node };

export interface ProtocolOptions {
  readonly knownMethods: ReadonlySet<string>;
  readonly appPublicKey: KeyObject;
  /** Only this app_id is accepted when set. */
  readonly appId?: string;
  /** How far `timestamp` (read as UTC+8) may be from now; the official SDK sends host local time. */
  readonly maxClockSkewMs: number;
  /** Certificate mode: the serials requests must carry. */
  readonly certs?: GatewayCertSns | undefined;
}

const UTC8_OFFSET_MS = 8 * 60 * 60 * 1000;

function isBlank(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === '';
}

/** `yyyy-MM-dd HH:mm:ss` read as UTC+8, in epoch ms. */
function timestampMs(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`) - UTC8_OFFSET_MS;
}

/** HTML-escapes the string to sign, as the real gateway writes it into sub_msg (`&amp;` between params). */
function htmlEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Checks common params and the signature of `params`; never throws. */
export function checkProtocol(params: Readonly<Record<string, string>>, options: ProtocolOptions, now: number = Date.now()): ProtocolResult {
  const method = params['method'];
  if (isBlank(method)) return { kind: 'unknown-method', method: undefined, node: gatewayError('isv.missing-method') };
  if (!options.knownMethods.has(method)) return { kind: 'unknown-method', method, node: gatewayError('isv.invalid-method') };
  const appId = params['app_id'];
  if (isBlank(appId)) return { kind: 'unknown-method', method, node: gatewayError('isv.missing-app-id') };
  if (options.appId !== undefined && appId !== options.appId) {
    return { kind: 'unknown-method', method, node: gatewayError('isv.invalid-app-id') };
  }

  const refuse = (node: Node, signType: SignType = 'RSA2'): ProtocolResult => ({ kind: 'method', method, signType, node });
  const signTypeParam = params['sign_type'];
  if (isBlank(signTypeParam)) return refuse(gatewayError('isv.missing-signature-type'));
  if (signTypeParam !== 'RSA2' && signTypeParam !== 'RSA') return refuse(gatewayError('isv.invalid-signature-type'));
  const signType: SignType = signTypeParam;
  if (isBlank(params['sign'])) return refuse(gatewayError('isv.missing-signature'), signType);

  const timestamp = params['timestamp'];
  if (isBlank(timestamp)) return refuse(gatewayError('isv.missing-timestamp'), signType);
  if (!isDateTime(timestamp) || Math.abs(timestampMs(timestamp) - now) > options.maxClockSkewMs) {
    return refuse(gatewayError('isv.invalid-timestamp'), signType);
  }
  const version = params['version'];
  if (isBlank(version)) return refuse(gatewayError('isv.missing-version'), signType);
  if (version !== '1.0') return refuse(gatewayError('isv.invalid-version'), signType);
  const charset = params['charset'];
  if (!isBlank(charset) && charset.toLowerCase() !== 'utf-8') return refuse(gatewayError('isv.invalid-charset'), signType);
  const format = params['format'];
  if (!isBlank(format) && format.toUpperCase() !== 'JSON') return refuse(gatewayError('isv.invalid-format'), signType);

  if (options.certs !== undefined) {
    const refused = checkCertSns(params, options.certs);
    if (refused !== undefined) return refuse(refused, signType);
  }
  const content = buildSignContent(params);
  if (!verifyContent(content, params['sign']!, options.appPublicKey, signType)) {
    const subMsg = `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${htmlEscape(content)}`;
    return refuse(gatewayError('isv.invalid-signature', subMsg), signType);
  }
  return { kind: 'method', method, signType };
}
