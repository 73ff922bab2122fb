package org.qbattery.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InitialState;

class TaylorPropagatorTest {
    /** y0' = −γ y0 and a damped rotation at angular frequency w in (y1, y2): a closed-form flow. */
    private static LinearOdeSystem decayAndRotation(double gamma, double w) {
        return (t, y, dy) -> {
            dy[0] = -gamma * y[0];
            dy[1] = -gamma * y[1] - w * y[2];
            dy[2] = w * y[1] - gamma * y[2];
        };
    }

    private static double[] exact(double gamma, double w, double t) {
        double e = Math.exp(-gamma * t);
        return new double[] {e, e * Math.cos(w * t), e * Math.sin(w * t)};
    }

    /**
     * Error bound from the method: each step's tail is at most SAFETY in the weighted RMS norm, so
     * at most SAFETY·√n·(atol + rtol·|y|) per component; this flow is a contraction, so local errors
     * add up at most; plus round-off of the series (terms up to e^{hρ} ≈ e^6 times the result).
     */
    private static double bound(IntegrationStats s, Tolerances tol, int n) {
        long steps = s.acceptedSteps() + 1;
        return steps * (TaylorPropagator.SAFETY * Math.sqrt(n) * (tol.atol() + tol.rtol()) + 1e-13);
    }

    @ParameterizedTest(name = "rtol {0}, w {1}")
    @CsvSource({"1e-6, 1", "1e-8, 1", "1e-10, 1", "1e-12, 1", "1e-10, 40", "1e-12, 40"})
    void matchesTheClosedFormWithinTheMethodsBound(double rtol, double w) {
        Tolerances tol = new Tolerances(rtol, rtol * 1e-2);
        double[] y = {1, 1, 0};
        double gamma = 0.3;
        double[] worst = {0};
        double[] buf = new double[3];
        IntegrationStats s = new TaylorPropagator(tol).integrate(decayAndRotation(gamma, w), 0, y, 10, step -> {
            for (int k = 0; k <= 6; k++) {
                double t = step.tStart() + k * (step.tEnd() - step.tStart()) / 6;
                step.interpolate(t, buf);
                double[] e = exact(gamma, w, t);
                for (int i = 0; i < 3; i++) {
                    worst[0] = Math.max(worst[0], Math.abs(buf[i] - e[i]));
                }
            }
        });
        double[] e = exact(gamma, w, 10);
        double b = bound(s, tol, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(y[i]).isCloseTo(e[i], within(b));
        }
        assertThat(worst[0]).isLessThanOrEqualTo(b);
    }

    /**
     * Fast flows (ρ from 10^4 to 10^10, about 160 periods): the powers are held of L/σ, where
     * unscaled ρ^40 overflowed, the step became zero and the integration never advanced (found with
     * a coupling of 10^4 at four cells). The closed form holds to the same bound, dense output included.
     */
    @ParameterizedTest(name = "w {0}")
    @CsvSource({"1e4", "1e6", "1e8", "1e10"})
    void fastFlowsKeepTheClosedForm(double w) {
        Tolerances tol = Tolerances.DEFAULT;
        double gamma = 1e-3 * w, tEnd = 1000 / w;
        double[] y = {1, 1, 0};
        double[] worst = {0};
        double[] buf = new double[3];
        IntegrationStats s = new TaylorPropagator(tol).integrate(decayAndRotation(gamma, w), 0, y, tEnd, step -> {
            step.interpolate(0.5 * (step.tStart() + step.tEnd()), buf);
            double[] e = exact(gamma, w, 0.5 * (step.tStart() + step.tEnd()));
            for (int i = 0; i < 3; i++) {
                worst[0] = Math.max(worst[0], Math.abs(buf[i] - e[i]));
            }
        });
        double[] e = exact(gamma, w, tEnd);
        double b = bound(s, tol, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(y[i]).isCloseTo(e[i], within(b));
        }
        assertThat(worst[0]).isLessThanOrEqualTo(b);
        assertThat(s.acceptedSteps()).isLessThan(400); // h·ρ ≈ 6: ~170 steps for 1000 radians
    }

    /** A run beyond the step budget ends at once with an IntegrationException naming the steps needed, not after them. */
    @Test
    void aHopelessRunIsStoppedByItsProjectedSteps() {
        double[] y = {1, 1, 0};
        assertThatThrownBy(() -> new TaylorPropagator(Tolerances.DEFAULT, 40, 20_000)
                .integrate(decayAndRotation(0, 1e9), 0, y, 1, null))
                .isInstanceOf(IntegrationException.class).hasMessageContaining("would need about 1.7e+08 steps");
    }

    /** Each evaluation raises the order by one: far fewer evaluations than DOP853 at tight tolerance. */
    @Test
    void takesFewerEvaluationsThanDop853() {
        Tolerances tol = Tolerances.DEFAULT;
        double[] a = {1, 1, 0}, b = {1, 1, 0};
        IntegrationStats taylor = new TaylorPropagator(tol).integrate(decayAndRotation(0.3, 20), 0, a, 10, null);
        IntegrationStats dop = new DormandPrince853(tol).integrate(decayAndRotation(0.3, 20), 0, b, 10, null);
        assertThat(taylor.evaluations()).isLessThan(dop.evaluations() / 2);
    }

    /**
     * With the smallest degree cap a fast rotation cannot be covered by the first guess; the step is
     * shortened by re-weighting the stored powers and the result is as accurate.
     */
    @Test
    void shortensStepsWhenTheDegreeCapIsReached() {
        Tolerances tol = Tolerances.DEFAULT;
        double[] y = {1, 1, 0};
        IntegrationStats s = new TaylorPropagator(tol, TaylorPropagator.MIN_DEGREE).integrate(decayAndRotation(0.1, 300), 0, y, 2, null);
        double[] e = exact(0.1, 300, 2);
        for (int i = 0; i < 3; i++) {
            assertThat(y[i]).isCloseTo(e[i], within(bound(s, tol, 3)));
        }
        assertThat(s.evaluations()).isLessThanOrEqualTo(s.acceptedSteps() * TaylorPropagator.MIN_DEGREE);
        assertThatThrownBy(() -> new TaylorPropagator(tol, TaylorPropagator.MIN_DEGREE - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchInterpolationEqualsSingleAndCopiesStayValid() {
        double[] y = {1, 1, 0};
        List<StepInterpolator> kept = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        new TaylorPropagator(Tolerances.DEFAULT).integrate(decayAndRotation(0.3, 7), 0, y, 3, step -> {
            double[] ts = {step.tStart(), 0.5 * (step.tStart() + step.tEnd()), step.tEnd()};
            double[][] outs = new double[3][3];
            step.interpolate(ts, outs);
            for (int r = 0; r < 3; r++) {
                double[] one = new double[3];
                step.interpolate(ts[r], one);
                assertThat(outs[r]).containsExactly(one, within(1e-15));
            }
            kept.add(step.copy());
            expected.add(outs[1]);
        });
        double[] buf = new double[3];
        for (int i = 0; i < kept.size(); i++) {
            StepInterpolator s = kept.get(i);
            s.interpolate(0.5 * (s.tStart() + s.tEnd()), buf);
            assertThat(buf).containsExactly(expected.get(i), within(1e-15));
        }
    }

    @Test
    void zeroStaysZeroAndTheWholeIntervalIsReported() {
        double[] y = new double[3];
        double[] end = {Double.NaN};
        new TaylorPropagator(Tolerances.DEFAULT).integrate(decayAndRotation(1, 1), 0, y, 2, step -> end[0] = step.tEnd());
        assertThat(y).containsOnly(0.0);
        assertThat(end[0]).isEqualTo(2.0);
    }

    @Test
    void refusesSystemsNotMarkedLinear() {
        OdeSystem logistic = (t, y, dy) -> dy[0] = y[0] * (1 - y[0]);
        assertThatThrownBy(() -> new TaylorPropagator(Tolerances.DEFAULT).integrate(logistic, 0, new double[] {0.1}, 1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("linear");
    }

    /**
     * On the master equation itself (thermal bath and dephasing included, no symmetry): the same
     * trajectory as DOP853 run 1000× tighter, to the method's bound.
     */
    @Test
    void agreesWithATightDop853OnTheMasterEquation() {
        Battery b = Battery.builder(Graph.chain(4)).coupling(1.7).gammaIcl(0.4).nbar(0.2).dephasing(0.3).build();
        PackedLindbladian k = b.sectorGenerator();
        double[] y0 = k.pack(InitialState.quantum(4));
        double[] taylor = y0.clone(), reference = y0.clone();
        IntegrationStats s = new TaylorPropagator(Tolerances.DEFAULT).integrate(k, 0, taylor, 3, null);
        new DormandPrince853(new Tolerances(1e-13, 1e-15)).integrate(k, 0, reference, 3, null);
        double worst = 0;
        for (int i = 0; i < y0.length; i++) {
            worst = Math.max(worst, Math.abs(taylor[i] - reference[i]));
        }
        // The master equation is trace-norm contractive, not Euclidean; √n covers the norm change.
        assertThat(worst).isLessThanOrEqualTo(bound(s, Tolerances.DEFAULT, y0.length));
        double moved = 0;
        for (int i = 0; i < y0.length; i++) {
            moved = Math.max(moved, Math.abs(taylor[i] - y0[i]));
        }
        assertThat(moved).isGreaterThan(0.01);
    }
}
