/**
 * A sparkline of a few values in eight block heights: `▁▂▄▅▇█`. Scaled to
 * the values' own range, so it shows the shape of recent change; a flat
 * series is a flat line.
 */
const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

export function formatSparkline(values: readonly number[]): string {
  if (values.length === 0) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (max === min) return BLOCKS[3].repeat(values.length);
  return values
    .map((v) => BLOCKS[Math.round(((v - min) / (max - min)) * (BLOCKS.length - 1))]!)
    .join('');
}
