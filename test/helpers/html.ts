/**
 * The HTML report parsed as a browser would (parse5), for tests: every
 * element in document order, an attribute, the text of a node.
 */
import type { DefaultTreeAdapterMap } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

/** Every element under a node (itself included), in document order. */
export function elements(node: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) out.push(n);
    const children =
      'content' in n && n.content ? n.content.childNodes : 'childNodes' in n ? n.childNodes : [];
    for (const child of children) walk(child);
  };
  walk(node);
  return out;
}

export const attr = (e: Element, name: string): string | undefined =>
  e.attrs.find((a) => a.name === name)?.value;

export function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}
