import { Box } from 'ink';
import type { RecommendationsView } from '../view-models/recommendations-view.js';
import PaneLine from './PaneLine.js';

export type Props = { readonly view: RecommendationsView };

/** `─ recommendations (4) ─…` and one line per suggested change, most confident first. */
export default function RecommendationsPane({ view }: Props) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      <PaneLine line={view.title} />
      {view.lines.map((l, i) => (
        <PaneLine key={i} line={l} gutter />
      ))}
    </Box>
  );
}
