import { Box } from 'ink';
import type { DashboardView } from '../view-models/dashboard-view.js';
import AlertLine from './AlertLine.js';
import Header from './Header.js';
import HelpOverlay from './HelpOverlay.js';
import PaneLine from './PaneLine.js';
import PairTable from './PairTable.js';
import RecommendationsPane from './RecommendationsPane.js';
import StatusLine from './StatusLine.js';
import TitledPane from './TitledPane.js';

export type Props = {
  readonly view: DashboardView;
  /** Terminal width in columns. */
  readonly width: number;
};

function Body({ body }: { readonly body: DashboardView['body'] }) {
  switch (body.kind) {
    case 'starting':
      return <PaneLine line={body.line} />;
    case 'help':
      return <HelpOverlay lines={body.lines} />;
    case 'evidence':
      return <TitledPane view={body.evidence} />;
    case 'main':
      return (
        <>
          <PairTable view={body.table} />
          {body.warmup === null ? null : <TitledPane view={body.warmup} />}
          {body.recommendations === null ? null : <RecommendationsPane view={body.recommendations} />}
          {body.alert === null ? null : <AlertLine line={body.alert} />}
        </>
      );
    default: {
      const never: never = body;
      return never;
    }
  }
}

/** The whole screen, drawn from a DashboardView: header, body, status line. */
export default function Dashboard({ view, width }: Props) {
  return (
    <Box flexDirection="column" width={width}>
      <Header view={view.header} />
      <Body body={view.body} />
      <StatusLine line={view.footer} />
    </Box>
  );
}
