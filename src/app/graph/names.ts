/**
 * Pod names are long (`nginx-deployment-66b6c48dd5-4jkwp`) and the part that tells two
 * pods apart is the end. A card that runs out of room keeps the start and the last
 * segment and drops the middle, which CSS ellipsis (always at the end) cannot do.
 */
export function shortName(name: string, max: number): string {
  if (name.length <= max) return name;
  const dash = name.lastIndexOf('-');
  const tail =
    dash > 0 && name.length - dash <= Math.floor(max / 2) ? name.slice(dash) : name.slice(-Math.floor(max / 3));
  const head = name.slice(0, Math.max(1, max - tail.length - 1));
  return `${head}…${tail}`;
}
