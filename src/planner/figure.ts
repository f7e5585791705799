/**
 * A derived number that carries its own derivation: the value, its unit, the symbolic formula and the named inputs
 * it was computed from, so a reviewer can re-derive it by hand. Values are never rounded here (only at presentation).
 */

/** One named input of a figure. */
export interface FigureInput {
  readonly value: number;
  readonly unit: string;
}

/** A number with its derivation. */
export interface Figure {
  readonly value: number;
  /** Unit of `value`, e.g. `req/s`, `req/day`, `ratio`, `USD/month`. */
  readonly unit: string;
  /** Symbolic formula over the names in `inputs`, e.g. `perDay / 86400`. Empty for a plain input. */
  readonly formula: string;
  /** Named inputs used by `formula`. */
  readonly inputs: Readonly<Record<string, FigureInput>>;
}

/** A figure computed from named inputs (inputs may be plain numbers with units or other figures). */
export function derive(
  value: number,
  unit: string,
  formula: string,
  inputs: Readonly<Record<string, FigureInput | Figure>>,
): Figure {
  const flat: Record<string, FigureInput> = {};
  for (const [name, v] of Object.entries(inputs)) flat[name] = { value: v.value, unit: v.unit };
  return { value, unit, formula, inputs: flat };
}

/** A plain input figure (no formula). */
export function given(value: number, unit: string): Figure {
  return { value, unit, formula: '', inputs: {} };
}

/** Shorthand for a named input. */
export function inp(value: number, unit: string): FigureInput {
  return { value, unit };
}

/** Formats a number for derivation text: up to `digits` significant decimals, no exponent for usual sizes. */
export function formatNumber(value: number, maxFractionDigits = 4): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : 'n/a';
  return value.toLocaleString('en-US', { maximumFractionDigits: maxFractionDigits, useGrouping: false });
}

/** `formula = value unit  [a = 1 unit, b = 2 unit]`: the one-line derivation of a figure. */
export function explain(f: Figure, maxFractionDigits = 4): string {
  const value = `${formatNumber(f.value, maxFractionDigits)} ${f.unit}`;
  if (!f.formula) return value;
  const inputs = Object.entries(f.inputs)
    .map(([n, i]) => `${n} = ${formatNumber(i.value, maxFractionDigits)} ${i.unit}`)
    .join(', ');
  return `${f.formula} = ${value}${inputs ? `  [${inputs}]` : ''}`;
}

/**
 * `ceil` that ignores floating-point noise (1e-9 of a unit): 130 × 1.1 = 143.00000000000003 rounds up to 143,
 * not 144. Used for whole-number quota values (DesiredValue, provisioned RPS).
 */
export function ceilWhole(value: number): number {
  return Math.ceil(value - 1e-9);
}
