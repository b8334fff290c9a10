import { Box, Text } from 'ink';
import type { HeaderView } from '../view-models/header-line.js';
import ToneText from './ToneText.js';

export type Props = { readonly view: HeaderView };

/** `pmta-advisor · watching … · 14:32:07   ? help`: the clock and help hint stay put on the right. */
export default function Header({ view }: Props) {
  return (
    <Box height={1} flexShrink={0}>
      <Box flexGrow={1} flexShrink={1}>
        <ToneText tone={view.tone} bold>
          {view.text}
        </ToneText>
      </Box>
      <Box flexShrink={0}>
        <Text wrap="truncate-end">{view.right}</Text>
      </Box>
    </Box>
  );
}
