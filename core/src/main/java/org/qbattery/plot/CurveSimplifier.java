package org.qbattery.plot;

import java.util.ArrayDeque;

/**
 * Drops the points of a drawn curve that the eye cannot see: a point goes only when it lies within
 * {@code tolerance} (in drawing units) of the straight segment that replaces it, so the drawn path
 * never moves by more than that anywhere (Douglas–Peucker, the distance measured to the segment,
 * not to its line). Matplotlib simplifies every path the same way by default, at 1/9 of a pixel
 * ({@code path.simplify_threshold}).
 *
 * <p>Why: a figure's curves carry every output time (501 per curve in {@code reproduce}), about two
 * per pixel of the plot's width, and XChart boxes and copies each x value several times per paint,
 * Java2D strokes every segment and the SVG writes every coordinate. Unlike taking every k-th point,
 * which a fast oscillation aliases, no peak is lost. The first and last point and each run's smallest
 * and largest y are always kept, so the axes' automatic ranges (from the data's extremes) do not
 * move. Points that are not finite split the curve into runs, kept as they are (gaps stay gaps).
 * Only the picture is thinned: the figure's CSV keeps every sample.
 */
public final class CurveSimplifier {
    private CurveSimplifier() {
    }

    /**
     * The kept points of {@code (x, y)}: {@code {x', y'}} in the original order. Distances are taken
     * after scaling x by {@code unitsPerX} and y by {@code unitsPerY} (data to drawing units); a
     * tolerance of 0 keeps every point that is not exactly on the segment of its neighbours.
     */
    public static double[][] simplify(double[] x, double[] y, double unitsPerX, double unitsPerY, double tolerance) {
        return pick(kept(x, y, unitsPerX, unitsPerY, tolerance), x, y);
    }

    /** {@code (x[i], y[i])} for each index in {@code kept}: {@code {x', y'}}; the arrays themselves when every point is kept. */
    static double[][] pick(boolean[] kept, double[] x, double[] y) {
        int m = 0;
        for (boolean k : kept) {
            m += k ? 1 : 0;
        }
        if (m == x.length) {
            return new double[][] {x, y};
        }
        double[] kx = new double[m], ky = new double[m];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (kept[i]) {
                kx[j] = x[i];
                ky[j++] = y[i];
            }
        }
        return new double[][] {kx, ky};
    }

    /**
     * Which points {@link #simplify} keeps, as a mask; the distances are those of {@code (x, y)},
     * so a caller can judge them on another scale (a log axis) and pick from the data as given.
     */
    static boolean[] kept(double[] x, double[] y, double unitsPerX, double unitsPerY, double tolerance) {
        int n = x.length;
        if (n != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + n + " and " + y.length);
        }
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (Double.isFinite(v)) {
                x0 = Math.min(x0, v);
                x1 = Math.max(x1, v);
            }
        }
        double columns = (x1 - x0) * unitsPerX / (tolerance / 2);
        if (!(n > 4 * (columns + 1))) {
            return douglasPeucker(x, y, unitsPerX, unitsPerY, tolerance);
        }
        // Far more points than columns of the drawing (a fine time grid): Douglas–Peucker's cost grows
        // as the points it scans times those it keeps (~30 s for 10^7 samples of a fast oscillation), so
        // each column half the tolerance wide first keeps only its first, last, lowest and highest point.
        // The path through those passes every level between the column's extremes, within the column: a
        // dropped point is within half the tolerance of it; Douglas–Peucker then moves it by the other half.
        int[] idx = columnExtremes(x, y, unitsPerX / (tolerance / 2));
        double[] cx = new double[idx.length], cy = new double[idx.length];
        for (int j = 0; j < idx.length; j++) {
            cx[j] = x[idx[j]];
            cy[j] = y[idx[j]];
        }
        boolean[] coarse = douglasPeucker(cx, cy, unitsPerX, unitsPerY, tolerance / 2);
        boolean[] keep = new boolean[n];
        for (int j = 0; j < idx.length; j++) {
            keep[idx[j]] = coarse[j];
        }
        return keep;
    }

    /**
     * Indices, ascending, of each column's first, last, lowest and highest point, a column being a
     * run of consecutive finite points whose {@code floor(x · perColumn)} agree; non-finite points are
     * all kept and end a column.
     */
    private static int[] columnExtremes(double[] x, double[] y, double perColumn) {
        int n = x.length;
        int[] out = new int[n];
        int m = 0, i = 0;
        while (i < n) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                out[m++] = i++;
                continue;
            }
            double column = Math.floor(x[i] * perColumn);
            int first = i, lo = i, hi = i;
            while (i + 1 < n && Double.isFinite(x[i + 1]) && Double.isFinite(y[i + 1]) && Math.floor(x[i + 1] * perColumn) == column) {
                i++;
                lo = y[i] < y[lo] ? i : lo;
                hi = y[i] > y[hi] ? i : hi;
            }
            int[] four = {first, Math.min(lo, hi), Math.max(lo, hi), i};
            for (int k = 0; k < 4; k++) {
                if (m == 0 || four[k] > out[m - 1]) {
                    out[m++] = four[k];
                }
            }
            i++;
        }
        return java.util.Arrays.copyOf(out, m);
    }

    /** Douglas–Peucker on each finite run (non-finite points kept): the mask of kept points. */
    private static boolean[] douglasPeucker(double[] x, double[] y, double unitsPerX, double unitsPerY, double tolerance) {
        int n = x.length;
        boolean[] keep = new boolean[n];
        int from = 0;
        while (from < n) {
            if (!Double.isFinite(x[from]) || !Double.isFinite(y[from])) {
                keep[from++] = true;
                continue;
            }
            int to = from;
            while (to + 1 < n && Double.isFinite(x[to + 1]) && Double.isFinite(y[to + 1])) {
                to++;
            }
            markRun(x, y, from, to, unitsPerX, unitsPerY, tolerance, keep);
            from = to + 1;
        }
        return keep;
    }

    /** Marks the points of the finite run {@code from..to} to keep: its ends, its y extremes, and what Douglas–Peucker keeps between. */
    private static void markRun(double[] x, double[] y, int from, int to, double sx, double sy, double tol, boolean[] keep) {
        int lo = from, hi = from;
        for (int i = from; i <= to; i++) {
            lo = y[i] < y[lo] ? i : lo;
            hi = y[i] > y[hi] ? i : hi;
        }
        int[] anchors = {from, Math.min(lo, hi), Math.max(lo, hi), to};
        for (int a : anchors) {
            keep[a] = true;
        }
        double tol2 = tol * tol;
        ArrayDeque<int[]> spans = new ArrayDeque<>();
        for (int k = 0; k + 1 < anchors.length; k++) {
            if (anchors[k + 1] - anchors[k] > 1) {
                spans.push(new int[] {anchors[k], anchors[k + 1]});
            }
        }
        while (!spans.isEmpty()) {
            int[] s = spans.pop();
            int a = s[0], b = s[1];
            double ax = x[a] * sx, ay = y[a] * sy, dx = x[b] * sx - ax, dy = y[b] * sy - ay;
            double len2 = dx * dx + dy * dy;
            int far = -1;
            double farthest = tol2;
            for (int i = a + 1; i < b; i++) {
                double px = x[i] * sx - ax, py = y[i] * sy - ay;
                double u = len2 > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / len2)) : 0;
                double ex = px - u * dx, ey = py - u * dy;
                double d2 = ex * ex + ey * ey;
                if (d2 > farthest) {
                    farthest = d2;
                    far = i;
                }
            }
            if (far >= 0) {
                keep[far] = true;
                if (far - a > 1) {
                    spans.push(new int[] {a, far});
                }
                if (b - far > 1) {
                    spans.push(new int[] {far, b});
                }
            }
        }
    }
}
