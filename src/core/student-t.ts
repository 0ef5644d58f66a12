/**
 * The distributions behind the prediction interval and the chance
 * (docs/confidence.md): Student's t, whose heavier tails stand for a noise
 * level estimated from a handful of snapshots, and the standard normal.
 *
 * Plain numerical recipes (Lanczos log-gamma, Lentz's continued fraction for
 * the incomplete beta function), accurate to about 1e-10 — far beyond what a
 * chance shown as `72 %` needs.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: Lentz's guard against a division by 0, which t's arguments never come near
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  // Stryker disable next-line EqualityOperator: the fraction converges in far fewer terms
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: Lentz's guard against a division by 0, which t's arguments never come near
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: Lentz's guard against a division by 0, which t's arguments never come near
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: Lentz's guard against a division by 0, which t's arguments never come near
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: Lentz's guard against a division by 0, which t's arguments never come near
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: without the early stop, the terms left multiply h by 1 to within 1e-14 each: the same value to 1e-12
    if (Math.abs(step - 1) < 1e-14) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: at x = 0 the formula gives 0 too (0 to a positive power)
  if (x <= 0) return 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: at x = 1 the formula gives 1 too (1 − 0)
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
  );
  // Stryker disable next-line all: both branches compute I_x(a, b) (= 1 − I_{1−x}(b, a)); the test only picks the faster fraction
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(x, a, b)) / a
    : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df > 0). */
export function studentTCdf(t: number, df: number): number {
  // Stryker disable next-line all: the formula gives NaN for NaN too
  if (Number.isNaN(t)) return NaN;
  // Stryker disable next-line all: the formula gives 1 at +∞ too (x = 0, no tail)
  if (t === Infinity) return 1;
  // Stryker disable next-line all: the formula gives 0 at −∞ too (x = 0, no tail); +∞ never gets here
  if (t === -Infinity) return 0;
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  // Stryker disable next-line EqualityOperator: at t = 0 the tail is ½, and 1 − ½ = ½
  return t > 0 ? 1 - tail : tail;
}

const quantileCache = new Map<string, number>();

/** The p-quantile of Student's t (0 < p < 1), by bisection on the CDF. */
export function studentTQuantile(p: number, df: number): number {
  const key = `${p}:${df}`;
  const cached = quantileCache.get(key);
  if (cached !== undefined) return cached;
  if (p === 0.5) return 0;
  let lo = -1;
  let hi = 1;
  // Stryker disable next-line EqualityOperator: a CDF exactly equal to p only moves the bracket by what bisection halves away
  while (studentTCdf(lo, df) > p) lo *= 2;
  // Stryker disable next-line EqualityOperator: a CDF exactly equal to p only moves the bracket by what bisection halves away
  while (studentTCdf(hi, df) < p) hi *= 2;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,UpdateOperator,MethodExpression: stopping later (or after 200 halvings) moves the quantile by less than 1e-13
  for (let i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(hi)); i++) {
    const mid = (lo + hi) / 2;
    // Stryker disable next-line EqualityOperator: a CDF exactly equal to p at the midpoint: either half holds the quantile to 1e-13
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  const q = (lo + hi) / 2;
  quantileCache.set(key, q);
  return q;
}

/** P(Z ≤ z) for the standard normal (erfc by Chebyshev fit, error < 1.2e-7). */
export function normalCdf(z: number): number {
  const x = -z / Math.SQRT2;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.5 * a);
  const erfcA =
    t *
    Math.exp(
      -a * a -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return 0.5 * (x >= 0 ? erfcA : 2 - erfcA);
}
