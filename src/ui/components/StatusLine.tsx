import type { LineView } from '../view-models/line-view.js';
import PaneLine from './PaneLine.js';

export type Props = { readonly line: LineView };

/** The bottom line: the filter input, where the diff went, or sort, filter and keys. */
export default function StatusLine({ line }: Props) {
  return <PaneLine line={line} />;
}
