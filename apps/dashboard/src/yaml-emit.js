// @ts-check
/**
 * JSON data as block YAML, for showing a rule set the way docs/allocation.md writes it. Only what a
 * rule set holds (objects, arrays, strings, numbers, booleans, null); strings are quoted whenever
 * YAML could read them as something else, so the text parses back to the same data.
 */

const PLAIN = /^[A-Za-z_\u3000-\u9fff\uff00-\uffef][\w\u3000-\u9fff\uff00-\uffef ./-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

/** @param {string} text */
function scalarString(text) {
  return PLAIN.test(text) && !RESERVED.test(text) && !/\s$/.test(text) && !text.includes(': ') ? text : JSON.stringify(text);
}

/** @param {unknown} value */
function scalar(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return scalarString(value);
  return String(value);
}

/** @param {unknown} value */
const isBlock = (value) => typeof value === 'object' && value !== null && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);

/**
 * @param {unknown} value
 * @param {number} indent
 * @returns {string[]}
 */
function lines(value, indent) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (!isBlock(item)) return [`${pad}- ${emptyOr(item)}`];
      const [first, ...rest] = lines(item, indent + 2);
      return [`${pad}- ${first.trimStart()}`, ...rest];
    });
  }
  return Object.entries(/** @type {Record<string, unknown>} */ (value)).flatMap(([key, item]) =>
    isBlock(item) ? [`${pad}${scalarString(key)}:`, ...lines(item, indent + 2)] : [`${pad}${scalarString(key)}: ${emptyOr(item)}`],
  );
}

/** @param {unknown} value */
function emptyOr(value) {
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object' && value !== null) return '{}';
  return scalar(value);
}

/** @param {unknown} value */
export function toYaml(value) {
  return isBlock(value) ? `${lines(value, 0).join('\n')}\n` : `${emptyOr(value)}\n`;
}
