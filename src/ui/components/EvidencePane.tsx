import { Box } from 'ink';
import type { EvidenceView } from '../view-models/evidence-view.js';
import PaneLine from './PaneLine.js';

export type Props = { readonly view: EvidenceView };

/** The evidence for the selected pair or recommendation: counts, interval and the responses behind it. */
export default function EvidencePane({ view }: Props) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      <PaneLine line={view.title} />
      {view.lines.map((l, i) => (
        <PaneLine key={i} line={l} />
      ))}
    </Box>
  );
}
