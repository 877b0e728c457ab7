// The pseudo-locale: English made longer and accented (about 40 % longer, as German and French run),
// in brackets, so that text which is cut, overflows or was never translated shows. Made from
// public/_locales/en at test time; never shipped.

import type { Messages } from './messages';

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'áƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻḾÑÖÞǪŔŠŢÛṼŴẊÝŽ';
const VOWELS = /[aeiouAEIOU]/;

function accent(text: string): string {
  return [...text]
    .map((character) => {
      const index = PLAIN.indexOf(character);
      if (index < 0) return character;
      const accented = ACCENTED[index] ?? character;
      return VOWELS.test(character) ? accented + accented : accented; // doubled vowels: the words grow
    })
    .join('');
}

/** One message: `$1`…`$9` and `$$` stay as they are, so substitutions still work. */
export function pseudoMessage(message: string): string {
  const accented = message
    .split(/(\$[1-9$])/)
    .map((part, index) => (index % 2 === 1 ? part : accent(part)))
    .join('');
  return `⟦${accented}⟧`;
}

export function pseudoMessages(english: Messages): Messages {
  return Object.fromEntries(
    Object.entries(english).map(([key, { message }]) => [key, { message: pseudoMessage(message) }]),
  );
}
