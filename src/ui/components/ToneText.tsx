import { useContext } from 'react';
import type { ReactNode } from 'react';
import { Text } from 'ink';
import type { TextProps } from 'ink';
import { ColorContext } from '../color-context.js';
import type { Tone } from '../view-models/tone.js';

export type Props = {
  readonly tone: Tone;
  /** @default false */
  readonly bold?: boolean;
  /** Long text is cut with `…`, never wrapped. @default 'truncate-end' */
  readonly wrap?: TextProps['wrap'];
  readonly children: ReactNode;
};

const COLORS: Readonly<Record<Tone, string | undefined>> = {
  plain: undefined,
  ok: 'green',
  warn: 'yellow',
  danger: 'red',
  muted: 'gray',
  accent: 'cyan',
};

/** Text in a tone: coloured when colour is on, plain otherwise (muted text is then simply plain). */
export default function ToneText({ tone, bold = false, wrap = 'truncate-end', children }: Props) {
  const color = useContext(ColorContext);
  const c = color ? COLORS[tone] : undefined;
  return (
    <Text wrap={wrap} bold={bold} {...(c === undefined ? {} : { color: c })}>
      {children}
    </Text>
  );
}
