/** docs/watch.md must list the keys the dashboard really has (the help overlay is generated; the doc is not). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEY_BINDINGS } from '../../src/ui/key-bindings.js';

const doc = readFileSync(new URL('../../docs/watch.md', import.meta.url), 'utf8');
const keysSection = doc.slice(doc.indexOf('## Keys'), doc.indexOf('## Non-TTY and JSON output'));

describe('docs/watch.md', () => {
  it('has the sections the dashboard documents', () => {
    for (const heading of ['## The screen', '## Keys', '## Non-TTY and JSON output', '## Tailing and the state file']) expect(doc).toContain(`\n${heading}\n`);
  });

  it('lists every key binding with its description, and no other', () => {
    const rows = keysSection.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(KEY_BINDINGS.length);
    for (const b of KEY_BINDINGS) expect(keysSection).toContain(`| \`${b.keys}\` | ${b.description} |`);
  });
});
