/**
 * The gateway's answers as nodes (the value of `<method>_response` / `error_response`), with the
 * real gateway's codes, messages and sub_codes (公共错误码).
 */

/** A response node; key order is the order the gateway writes. */
export type Node = Record<string, unknown>;

export const SUCCESS_CODE = '10000';

const MESSAGES: Readonly<Record<string, string>> = {
  '20000': 'Service Currently Unavailable',
  '40001': 'Missing Required Arguments',
  '40002': 'Invalid Arguments',
  '40004': 'Business Failed',
};

/** Sub-messages of the gateway's own sub_codes, as the real gateway writes them. */
export const SUB_MESSAGES = {
  'isv.missing-method': '缺少方法名参数',
  'isv.missing-signature': '缺少签名参数',
  'isv.missing-signature-type': '缺少签名类型参数',
  'isv.missing-app-id': '缺少appId参数',
  'isv.missing-timestamp': '缺少时间戳参数',
  'isv.missing-version': '缺少版本参数',
  'isv.invalid-method': '不存在的方法名',
  'isv.invalid-format': '无效的数据格式',
  'isv.invalid-signature-type': '无效的签名类型',
  'isv.invalid-signature': '无效签名',
  'isv.invalid-app-id': '无效的AppID参数',
  'isv.invalid-timestamp': '非法的时间戳参数',
  'isv.invalid-charset': '字符集错误',
  'isv.invalid-version': '无效的版本参数',
  'isv.missing-parameter': '缺少必选参数',
  'isv.invalid-parameter': '参数无效',
  'isv.missing-app-cert-sn': '缺少应用公钥证书序列号',
  'isv.invalid-app-cert-sn': '应用公钥证书序列号不匹配',
  'isv.missing-alipay-root-cert-sn': '缺少支付宝根证书序列号',
  'isv.invalid-alipay-root-cert-sn': '支付宝根证书序列号不匹配',
  'isv.decryption-error-unknown': '解密出错, 未知错误',
} as const;

export type GatewaySubCode = keyof typeof SUB_MESSAGES;

/** `{code, msg, sub_code, sub_msg}` for a gateway error (40001 for isv.missing-*, 40002 otherwise). */
export function gatewayError(subCode: GatewaySubCode, subMsg: string = SUB_MESSAGES[subCode]): Node {
  const code = subCode.startsWith('isv.missing-') && subCode !== 'isv.missing-parameter' ? '40001' : '40002';
  return { code, msg: MESSAGES[code], sub_code: subCode, sub_msg: subMsg };
}

/** A business failure of the method (40004 Business Failed) with one of its documented codes. */
export function businessError(subCode: string, subMsg: string): Node {
  return { code: '40004', msg: MESSAGES['40004'], sub_code: subCode, sub_msg: subMsg };
}

/** The gateway's own failure (20000), for requests it cannot process. */
export function systemError(): Node {
  return { code: '20000', msg: MESSAGES['20000'], sub_code: 'isp.unknow-error', sub_msg: '系统繁忙' };
}
