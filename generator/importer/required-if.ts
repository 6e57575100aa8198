/**
 * `requiredIf` from description phrases that tie a field's presence to a sibling:
 * `code_status为SUCCESS时必填` (sibling has that value) or `xxx不为空时必填` (sibling present).
 * Only sibling names count: a phrase naming anything else stays prose for the reviewer.
 */
import type { RequiredIf } from '../spec/model.js';

const NAME = '([A-Za-z_][A-Za-z0-9_]*)';
const MUST = '(?:必填|必须|必传|必须传|必须填写|需要传)';
const EQUALS = new RegExp(`${NAME}\\s*(?:为|=|==|是|等于)\\s*['"“]?([A-Za-z0-9_.\\-]+)['"”]?\\s*时\\s*(?:[,，]\\s*)?(?:该字段|此字段|本字段|该参数)?\\s*${MUST}`);
const PRESENT = new RegExp(`${NAME}\\s*(?:不为空|非空|有值|存在|不为null)\\s*时\\s*(?:[,，]\\s*)?(?:该字段|此字段|本字段|该参数)?\\s*${MUST}`);

export function parseRequiredIf(description: string | undefined, siblings: readonly string[]): RequiredIf | undefined {
  if (!description) return undefined;
  const eq = EQUALS.exec(description);
  if (eq && siblings.includes(eq[1]!)) return { field: eq[1]!, equals: eq[2]! };
  const present = PRESENT.exec(description);
  if (present && siblings.includes(present[1]!)) return { field: present[1]! };
  return undefined;
}
