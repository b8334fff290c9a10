import { Box } from 'ink';
import type { LineView } from '../view-models/line-view.js';
import PaneLine from './PaneLine.js';

export type Props = { readonly view: { readonly title: LineView; readonly lines: readonly LineView[] } };

/** A pane of pre-laid-out lines under a title: the evidence view and the warm-up progress. */
export default function TitledPane({ view }: Props) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      <PaneLine line={view.title} />
      {view.lines.map((l, i) => (
        <PaneLine key={i} line={l} />
      ))}
    </Box>
  );
}
