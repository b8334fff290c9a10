import { Box, Text } from 'ink';
import type { LineView } from '../view-models/line-view.js';
import ToneText from './ToneText.js';

export type Props = {
  readonly line: LineView;
  /** Draw the two-column selection gutter (`▶ `) in front of the line. @default false */
  readonly gutter?: boolean;
};

/** One line of a pane, cut at the terminal's edge, with the selection marker when it has a gutter. */
export default function PaneLine({ line, gutter = false }: Props) {
  return (
    <Box height={1} flexShrink={0}>
      {gutter ? <Text>{line.selected === true ? '▶ ' : '  '}</Text> : null}
      <ToneText tone={line.tone} bold={line.bold === true || line.selected === true}>
        {line.text === '' ? ' ' : line.text}
      </ToneText>
    </Box>
  );
}
