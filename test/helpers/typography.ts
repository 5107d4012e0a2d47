/**
 * Sound text in the typography of Latin-script languages, written for these tests: no-break
 * spaces (U+00A0, and the narrow U+202F) before `» : ; ? !` and after `«`, guillemets with and
 * without spaces, ordinal indicators, `ß`, Turkish and Polish letters, curly quotes and `…`. Read
 * with a single-byte charset, some of it also reads back as valid UTF-8 (`é`, a no-break space and
 * `»` give `頻`), so none of it may be taken for mojibake.
 */
const NBSP = "\u00a0";
const NNBSP = "\u202f";

export const TYPOGRAPHY: Array<[string, string]> = [
  ["French, no-break spaces inside guillemets", `Le dossier est « indexé${NBSP}» puis « recopié${NBSP}», c’est « déjà${NBSP}» fait.\n`],
  ["French, narrow no-break spaces before punctuation", `Vous l’avez « créé${NNBSP}» ? Oui${NNBSP}! Alors${NNBSP}: « voilà${NNBSP}» ; bravo${NNBSP}!\n`],
  ["French, accented letters before a no-break space and a sign", `Il a dit « fiancé${NBSP}», « après${NBSP}» et « bébé${NBSP}!${NBSP}» ; l’été… « où${NBSP}?${NBSP}»\n`],
  ["French, capitals", `L’ÉTÉ${NBSP}» et « ÇA${NBSP}» : « ÉCOLE${NBSP}» – fin${NBSP}!\n`],
  ["Spanish, inverted marks and ordinals", "¿Dónde está el nº 5? ¡Qué difícil! La 2ª edición… «Ya está»— dijo él. «Aquí»…\n"],
  ["Spanish, a guillemet after an accented letter, then a dash or an ellipsis", "Respondió «también»— y salió; «quizá»… o «sofá»—.\n"],
  ["German, quotes and ß", "Die Straße heißt „Müllerweg“ – größer als ‚Fußweg‘ … Grüße! »Süß« und ›Maß‹.\n"],
  ["Portuguese, ordinals, guillemets and capitals", `A 1ª edição, o nº 3 e o 2º lugar: «Você já leu?» – “Não, só a introdução…” « IRMÃ${NBSP}» e MAÇÃ${NBSP}!\n`],
  ["Turkish", "Ağaç, ışık ve göğüs: “Şöyle değil mi?” diye sordu… İstanbul’da öğle yemeği.\n"],
  ["Polish", "Zażółć gęślą jaźń: „Łódź” i «Kraków» — część źródeł, żółw i ćma…\n"],
];
