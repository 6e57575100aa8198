import { describe, expect, it } from 'vitest';
import { objectsAt } from '../../generator/importer/to-spec/evidence.js';
import { resolveTree, type TreeItem, type TreeNode } from '../../generator/importer/to-spec/tree.js';

let line = 0;
const leaf = (name: string): TreeItem => ({ name, marker: true, container: false, line: ++line });
const obj = (name: string, marker = false): TreeItem => ({ name, marker, container: true, line: ++line });

/** The tree as nested `name(children)` text, for readable expectations. */
function shape(nodes: TreeNode<TreeItem>[]): string {
  return nodes.map((n) => (n.children.length ? `${n.item.name}(${shape(n.children)})` : n.item.name)).join(' ');
}

// The card query response: mdcode_info and front_text_list lost their depth in the dump.
const CARD = [leaf('biz_card_no'), obj('mdcode_info'), leaf('code_status'), leaf('time_stamp'), obj('front_text_list'), leaf('label'), leaf('value'), leaf('front_image_id')];

describe('resolveTree', () => {
  it('follows the example JSON where it shows the fields', () => {
    const example = {
      card_info: {
        biz_card_no: '1',
        mdcode_info: { code_status: 'SUCCESS', time_stamp: 1 },
        front_text_list: [{ label: 'a', value: 'b' }],
        front_image_id: 'x',
      },
    };
    const r = resolveTree('card_info', CARD, (path) => objectsAt(example, path));
    expect(shape(r.children)).toBe('biz_card_no mdcode_info(code_status time_stamp) front_text_list(label value) front_image_id');
    expect(r.warnings).toEqual([]);
  });

  it('without examples takes the default and warns where there was a choice', () => {
    const r = resolveTree('card_info', CARD, () => []);
    // Leaves stay in the innermost object; an unmarked object after another's children is its sibling.
    expect(shape(r.children)).toBe('biz_card_no mdcode_info(code_status time_stamp) front_text_list(label value front_image_id)');
    expect(r.warnings.map((w) => w.line)).toEqual(CARD.slice(2).map((i) => i.line));
    expect(r.warnings[0]!.message).toContain('placed it under `card_info.mdcode_info`');
  });

  it('goes deeper than two levels when the example says so', () => {
    const items = [obj('a'), obj('b'), leaf('c'), leaf('d'), leaf('e')];
    const example = { root: { a: { b: { c: 1 }, d: 2 }, e: 3 } };
    const r = resolveTree('root', items, (path) => objectsAt(example, path));
    expect(shape(r.children)).toBe('a(b(c) d) e');
    expect(r.warnings).toEqual([]);
  });

  it('never warns when only the top-level row can be the parent', () => {
    const r = resolveTree('member_ship', [leaf('mobile_phone_no'), leaf('cert_no')], () => []);
    expect(shape(r.children)).toBe('mobile_phone_no cert_no');
    expect(r.warnings).toEqual([]);
  });

  it('warns when the examples show the name at several levels, keeping the default', () => {
    const example = { r: { a: { name: 1 }, name: 2 } };
    const r = resolveTree('r', [obj('a'), leaf('x'), leaf('name')], (path) => objectsAt(example, path));
    expect(shape(r.children)).toBe('a(x name)');
    expect(r.warnings.map((w) => w.message).join('\n')).toContain('`name`: the examples show it at several levels');
  });

  it('looks up own keys only (a field named __proto__ or toString)', () => {
    const example = JSON.parse('{"r":{"a":{"x":1},"__proto__":2,"toString":3}}');
    const r = resolveTree('r', [obj('a'), leaf('x'), leaf('__proto__'), leaf('toString')], (path) => objectsAt(example, path));
    expect(shape(r.children)).toBe('a(x) __proto__ toString');
  });
});
