import { Box } from 'ink';
import type { WarmupView } from '../view-models/warmup-view.js';
import PaneLine from './PaneLine.js';

export type Props = { readonly view: WarmupView };

/** Today's warm-up progress per new IP and provider: accepted against the plan, as a bar. */
export default function WarmupPane({ view }: Props) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      <PaneLine line={view.title} />
      {view.lines.map((l, i) => (
        <PaneLine key={i} line={l} />
      ))}
    </Box>
  );
}
