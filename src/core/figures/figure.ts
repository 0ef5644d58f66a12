/**
 * A figure of an evaluation (DESIGN §6) and how it came about: each one is
 * computed by its own small pure function in this folder, and `goals explain`
 * prints the formula, inputs and snapshots it returns.
 */
import type { Point } from '../snapshot.js';

/** How a value of a figure is shown: in the metric's unit, as a share, in days … */
export type FigureKind = 'value' | 'ratio' | 'days' | 'rate' | 'date' | 'count' | 'text' | 'flag';

export interface FigureInput {
  name: string;
  value: number | string | boolean | null;
  kind: FigureKind;
}

export type FigureName =
  | 'current'
  | 'baseline'
  | 'target'
  | 'progress'
  | 'expectedProgress'
  | 'forecast'
  | 'forecastProgress'
  | 'forecastInterval'
  | 'chance'
  | 'held'
  | 'pace.perWeek'
  | 'pace.neededPerWeek'
  | 'daysLeft'
  | 'sample'
  | 'stale';

/** One figure and how it came about. */
export interface Figure {
  name: FigureName;
  value: number | string | boolean | null;
  kind: FigureKind;
  /** The formula in words; for a figure read from a file or a snapshot, where it came from. */
  formula: string;
  /** The values put into the formula. */
  inputs: FigureInput[];
  /** The snapshots the figure was computed from. */
  snapshots: Point[];
  /** Why the figure is missing or special, when it is. */
  note?: string;
}

/** A computed figure: its value for the evaluation, and its derivation for `explain`. */
export interface Computed<T> {
  value: T;
  figure: Figure;
}
