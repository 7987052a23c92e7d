// Layout that can mirror: CSS says start and end, never left and right, so a right-to-left language flips every
// page by `dir="rtl"` alone. Top, bottom, widths and heights stay allowed: only the inline direction flips.

// One value of a box shorthand: a word, or a function call with up to one nested level of parentheses.
const value = String.raw`(?:[^\s()]|\((?:[^()]|\([^()]*\))*\))+`;

/** What to write instead of a declaration that sets left and right apart. */
function mirroringAdvice(property) {
  const flips = 'does not flip for right-to-left languages';
  if (property === 'border-radius')
    return `sets corners left and right apart, which ${flips}: use border-start-start-radius and its siblings`;
  if (/^(transform|translate)$/.test(property)) return `moves along x, which ${flips}: place it with inset-inline-* or margin-inline-*`;
  return `sets left and right apart, which ${flips}: give them as start and end, e.g. margin-block: 0; margin-inline: 1rem 0`;
}

export default {
  ignoreFiles: ['dist/**', '.astro/**', '.bench/**'],
  // `--fix` and the messages then name the logical property for each physical one, reading pages left to right.
  languageOptions: { directionality: { block: 'top-to-bottom', inline: 'left-to-right' } },
  overrides: [{ files: ['**/*.astro'], customSyntax: 'postcss-html' }],
  rules: {
    'property-layout-mappings': [
      'flow-relative',
      {
        ignoreProperties: [
          /^(top|bottom)$/,
          /^(margin|padding|border|scroll-margin|scroll-padding)-(top|bottom)(-(width|style|color))?$/,
          /^(min-|max-)?(width|height)$/,
          /^contain-intrinsic-(width|height)$/,
          // overflow-inline is missing from Chromium; scrolling along x is the same in either direction.
          /^(overflow|overscroll-behavior)(-[xy])?$/,
          // Box shorthands are refused below only when they set left and right apart.
          /^(margin|padding|inset|scroll-margin|scroll-padding|border-width|border-style|border-color)$/,
        ],
      },
    ],
    'value-keyword-layout-mappings': ['flow-relative', { ignoreKeywords: ['top', 'bottom', 'horizontal', 'vertical'] }],
    'declaration-property-value-disallowed-list': [
      {
        // Four values whose second (right) and fourth (left) differ.
        '/^(margin|padding|inset|scroll-margin|scroll-padding|border-width|border-style|border-color)$/': [
          new RegExp(String.raw`^${value}\s+(${value})\s+${value}\s+(?!\1$)${value}$`),
        ],
        // Corners given one by one (two values not split by the slash): border-start-start-radius and its siblings.
        'border-radius': [new RegExp(String.raw`(^|\s)(?!/)${value}\s+(?!/)${value}`)],
        // A move along x, which should flip with the direction.
        transform: [/translate(x|3d)?\(\s*(?!0[a-z%]*\s*[,)])/i],
        translate: [/^(?!(0[a-z%]*|none)(\s|$))/i],
      },
      { message: (property, declared) => `"${property}: ${declared}" ${mirroringAdvice(property)}` },
    ],
  },
};
