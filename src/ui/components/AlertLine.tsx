import type { LineView } from '../view-models/line-view.js';
import PaneLine from './PaneLine.js';

export type Props = { readonly line: LineView };

/** The newest alert: `─ 14:10 yahoo/203.0.113.14 started throttling: 421 4.7.0 [TSS04] …`. */
export default function AlertLine({ line }: Props) {
  return <PaneLine line={line} />;
}
