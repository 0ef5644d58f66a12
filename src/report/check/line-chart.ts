/**
 * A small terminal line chart: a grid of cells, layers drawn in order (the
 * later wins a cell), a value axis with labels on the left and date labels
 * under the time axis. Pure text; each layer brings its own paint.
 */
import { displayWidth, padStart } from '../text-width.js';

type Paint = (text: string) => string;

export interface ChartLayer {
  /** `points`: one mark per point; `path`: a mark in every column between points; `level`: a horizontal line. */
  kind: 'points' | 'path' | 'level';
  /** x in any unit (day numbers), y in the metric's unit; a level uses the first point's y. */
  points: ReadonlyArray<{ x: number; y: number }>;
  mark: string;
  paint?: Paint;
}

export interface ChartInput {
  /** Plot area in cells, without the axes and labels. */
  width: number;
  height: number;
  xRange: [number, number];
  yRange: [number, number];
  layers: ChartLayer[];
  /** Values labelled on the value axis (nearest row). */
  yLabels: ReadonlyArray<{ y: number; text: string }>;
  /** Labels under the time axis, most important first: each is placed at its column unless it would overlap one before it. */
  xLabels: ReadonlyArray<{ x: number; text: string }>;
}

export function formatLineChart(input: ChartInput): string {
  const { width, height } = input;
  const [x0, x1] = input.xRange;
  const [y0, y1] = input.yRange;
  const col = (x: number) => (x1 === x0 ? 0 : Math.round(((x - x0) / (x1 - x0)) * (width - 1)));
  const row = (y: number) => (y1 === y0 ? 0 : Math.round(((y - y0) / (y1 - y0)) * (height - 1)));
  const grid: Array<Array<{ mark: string; paint?: Paint }>> = Array.from({ length: height }, () =>
    Array.from({ length: width }, () => ({ mark: ' ' })),
  );
  const put = (c: number, r: number, mark: string, paint?: Paint) => {
    if (c < 0 || c >= width || r < 0 || r >= height) return;
    grid[height - 1 - r]![c] = paint ? { mark, paint } : { mark };
  };

  for (const layer of input.layers) {
    if (layer.kind === 'level') {
      const r = row(layer.points[0]?.y ?? NaN);
      for (let c = 0; c < width; c++) put(c, r, layer.mark, layer.paint);
    } else if (layer.kind === 'points') {
      for (const p of layer.points) put(col(p.x), row(p.y), layer.mark, layer.paint);
    } else {
      for (let i = 1; i < layer.points.length; i++) {
        const a = layer.points[i - 1]!;
        const b = layer.points[i]!;
        const [ca, cb] = [col(a.x), col(b.x)];
        for (let c = ca; c <= cb; c++) {
          const share = cb === ca ? 1 : (c - ca) / (cb - ca);
          put(c, row(a.y + (b.y - a.y) * share), layer.mark, layer.paint);
        }
      }
    }
  }

  const labels = new Map<number, string>();
  for (const l of input.yLabels) {
    const r = row(l.y);
    if (!labels.has(r)) labels.set(r, l.text);
  }
  const gutter = Math.max(0, ...[...labels.values()].map((t) => displayWidth(t)));
  let out = '';
  for (let i = 0; i < height; i++) {
    const r = height - 1 - i;
    const label = labels.get(r);
    const cells = grid[i]!.map((cell) => (cell.paint ? cell.paint(cell.mark) : cell.mark)).join('');
    out += `${padStart(label ?? '', gutter)} ${label === undefined ? '│' : '┤'}${cells.trimEnd()}\n`;
  }
  // Time axis: labels in the order given (most important first) where they
  // do not overlap one placed before, each with a tick above it.
  const axis = Array.from({ length: width }, () => '─');
  const placed: Array<{ start: number; end: number; text: string }> = [];
  for (const l of input.xLabels) {
    const c = Math.min(Math.max(col(l.x), 0), width - 1);
    const length = displayWidth(l.text);
    // Starting at its tick, or else ending there.
    const fits = (start: number) =>
      start >= 0 &&
      start + length <= Math.max(width, length) &&
      !placed.some((p) => start <= p.end && start + length >= p.start);
    const start = [Math.min(c, Math.max(0, width - length)), c - length + 1].find(fits);
    if (start === undefined) continue;
    axis[c] = '┬';
    placed.push({ start, end: start + length, text: l.text });
  }
  let labelLine = '';
  for (const p of placed.sort((a, b) => a.start - b.start)) {
    labelLine += ' '.repeat(p.start - displayWidth(labelLine)) + p.text;
  }
  out += `${' '.repeat(gutter)} └${axis.join('')}\n`;
  out += `${' '.repeat(gutter + 2)}${labelLine}\n`;
  return out;
}
