/** True for text containing control characters (PostgreSQL refuses NUL; none belong in names or addresses). */
export function hasControlCharacters(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return /[\u0000-\u001f\u007f]/.test(text);
}
