import { Box, Text } from 'ink';
import type { TableCellView, TableColumnView, TableView } from '../view-models/table-view.js';
import type { Tone } from '../view-models/tone.js';
import ToneText from './ToneText.js';

export type Props = { readonly view: TableView };

function Cell({ column, last, text, tone, bold }: { readonly column: TableColumnView; readonly last: boolean; readonly text: string; readonly tone: Tone; readonly bold: boolean }) {
  return (
    <Box width={column.width} marginRight={last ? 0 : 1} flexShrink={0} justifyContent={column.align === 'right' ? 'flex-end' : 'flex-start'}>
      <ToneText tone={tone} bold={bold}>
        {text === '' ? ' ' : text}
      </ToneText>
    </Box>
  );
}

/** The provider × sending IP table: fixed-width cells that are cut, never wrapped. */
export default function PairTable({ view }: Props) {
  const last = view.columns.length - 1;
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Box height={1}>
        <Text>{'  '}</Text>
        {view.columns.map((c, i) => (
          <Cell key={c.id} column={c} last={i === last} text={c.header} tone="muted" bold />
        ))}
      </Box>
      {view.total === 0 ? (
        <Box height={1}>
          <ToneText tone="muted">{`  ${view.emptyText}`}</ToneText>
        </Box>
      ) : null}
      {view.rows.map((row) => (
        <Box key={row.key} height={1}>
          <Text>{row.selected ? '▶ ' : '  '}</Text>
          {row.cells.map((cell: TableCellView, i) => {
            const column = view.columns[i];
            return column === undefined ? null : <Cell key={column.id} column={column} last={i === last} text={cell.text} tone={cell.tone} bold={row.selected} />;
          })}
        </Box>
      ))}
    </Box>
  );
}
