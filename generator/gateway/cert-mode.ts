/**
 * The gateway's side of certificate mode: requests must name the app certificate and the root
 * bundle the gateway issued (`app_cert_sn`, `alipay_root_cert_sn`, both signed); signed answers
 * carry `alipay_cert_sn`, the SN of the certificate whose key signed them, after `sign`.
 */
import { gatewayError, type Node } from './codes.js';

/** The serials a cert-mode gateway expects and announces. */
export interface GatewayCertSns {
  readonly appCertSn: string;
  readonly rootCertSn: string;
  readonly alipayCertSn: string;
}

function isBlank(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === '';
}

/** The refusal for a request whose cert serials are missing or are not the gateway's; undefined when they match. */
export function checkCertSns(params: Readonly<Record<string, string>>, sns: GatewayCertSns): Node | undefined {
  const app = params['app_cert_sn'];
  if (isBlank(app)) return gatewayError('isv.missing-app-cert-sn');
  if (app !== sns.appCertSn) return gatewayError('isv.invalid-app-cert-sn');
  const root = params['alipay_root_cert_sn'];
  if (isBlank(root)) return gatewayError('isv.missing-alipay-root-cert-sn');
  if (root !== sns.rootCertSn) return gatewayError('isv.invalid-alipay-root-cert-sn');
  return undefined;
}

/** `{"x_response":...,"sign":"..."}` -> `{"x_response":...,"sign":"...","alipay_cert_sn":"<sn>"}` (outside the signed text). */
export function withAlipayCertSn(body: string, sn: string): string {
  return `${body.slice(0, -1)},"alipay_cert_sn":${JSON.stringify(sn)}}`;
}
