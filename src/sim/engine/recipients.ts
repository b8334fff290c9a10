/**
 * Recipient addresses that look like a real list (first.last, initials and digits), drawn from the seeded
 * generator. They are synthetic: no real person's address is used.
 */
import type { Prng } from '../prng.js';

const FIRST = ['maria', 'james', 'li', 'fatima', 'john', 'anna', 'david', 'sofia', 'mohamed', 'emma', 'lucas', 'olga', 'wei', 'noah', 'chloe', 'ahmed', 'laura', 'pierre', 'yuki', 'sara', 'lena', 'omar', 'mia', 'tom', 'ines', 'raj', 'nina', 'paul', 'zoe', 'ivan'];
const LAST = ['garcia', 'smith', 'wang', 'khan', 'miller', 'schmidt', 'rossi', 'dubois', 'kim', 'nguyen', 'silva', 'jones', 'muller', 'martin', 'lopez', 'brown', 'chen', 'novak', 'sato', 'costa', 'weber', 'taylor', 'moreau', 'patel', 'fischer'];

export function localPart(rng: Prng): string {
  const f = FIRST[rng.int(FIRST.length)] ?? 'user';
  const l = LAST[rng.int(LAST.length)] ?? 'name';
  switch (rng.int(4)) {
    case 0:
      return `${f}.${l}`;
    case 1:
      return `${f}.${l}${rng.int(100)}`;
    case 2:
      return `${f[0] ?? 'x'}${l}${1950 + rng.int(60)}`;
    default:
      return `${f}_${l}${rng.int(1000)}`;
  }
}
