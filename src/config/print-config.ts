/** Prints a syntax tree back to text; an unmodified tree prints exactly the text it was parsed from. */
import type { ConfigFile, ConfigNode, LineParts } from './cst.js';

export function printConfig(file: ConfigFile): string {
  const out: string[] = [];
  if (file.bom) out.push('\uFEFF');
  for (const node of file.nodes) printNode(node, out);
  return out.join('');
}

export function printNode(node: ConfigNode, out: string[]): void {
  switch (node.kind) {
    case 'trivia':
      out.push(line(node, ''));
      return;
    case 'directive':
      out.push(line(node, node.name + node.gap + node.value));
      return;
    case 'invalid':
      out.push(line(node, node.body));
      return;
    case 'block':
      out.push(line(node.open, node.open.body));
      for (const child of node.children) printNode(child, out);
      if (node.close) out.push(line(node.close, node.close.body));
      return;
    default: {
      const never: never = node;
      throw new Error(`unknown node ${String(never)}`);
    }
  }
}

function line(parts: LineParts, body: string): string {
  return parts.indent + body + parts.trailing + parts.comment + parts.eol;
}
