/** What a piece of text means, not how it looks: components map tones to colours (or to nothing). */
export type Tone = 'plain' | 'ok' | 'warn' | 'danger' | 'muted' | 'accent';
