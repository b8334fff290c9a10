import { Box } from 'ink';
import type { LineView } from '../view-models/line-view.js';
import PaneLine from './PaneLine.js';

export type Props = { readonly lines: readonly LineView[] };

/** Every key from key-bindings.ts and how to read the columns. */
export default function HelpOverlay({ lines }: Props) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      {lines.map((l, i) => (
        <PaneLine key={i} line={l} />
      ))}
    </Box>
  );
}
