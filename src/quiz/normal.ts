/**
 * The inverse of the standard normal cumulative distribution, z(p), by Peter Acklam's rational
 * approximation (relative error below 1.15e-9 over the whole range): good to far more places than
 * any score shown here. Used for signal-detection scores (d′ and c).
 */

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
/** Below this (and above 1 − this) the tail formula is used. */
const TAIL = 0.02425;

/** Horner's rule: coefficients from the highest power down. */
function polynomial(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0);
}

function lowerTail(p: number): number {
  const q = Math.sqrt(-2 * Math.log(p));
  return polynomial(C, q) / (polynomial(D, q) * q + 1);
}

/** z such that Φ(z) = p, for 0 < p < 1. Throws a RangeError outside that range. */
export function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`inverseNormalCdf needs 0 < p < 1, got ${p}`);
  if (p < TAIL) return lowerTail(p);
  if (p > 1 - TAIL) return -lowerTail(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (polynomial(A, r) * q) / (polynomial(B, r) * r + 1);
}
