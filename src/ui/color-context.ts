/** Whether tones become colours (false with NO_COLOR, TERM=dumb or when the caller says so). */
import { createContext } from 'react';

export const ColorContext = createContext(true);
