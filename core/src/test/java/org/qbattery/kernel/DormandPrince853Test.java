package org.qbattery.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DormandPrince853Test {
    private static final OdeSystem DECAY_AND_ROTATION = (t, y, dy) -> {
        dy[0] = -y[0];
        dy[1] = y[2];
        dy[2] = -y[1];
    };

    @ParameterizedTest(name = "rtol {0}")
    @ValueSource(doubles = {1e-6, 1e-8, 1e-10, 1e-12})
    void endpointErrorScalesWithTolerance(double rtol) {
        double[] y = {1, 1, 0};
        new DormandPrince853(new Tolerances(rtol, rtol * 1e-2)).integrate(DECAY_AND_ROTATION, 0, y, 10, null);
        assertThat(y[0]).isCloseTo(Math.exp(-10), within(50 * rtol * Math.exp(-10) + rtol * 1e-2 * 10));
        assertThat(y[1]).isCloseTo(Math.cos(10), within(50 * rtol));
        assertThat(y[2]).isCloseTo(-Math.sin(10), within(50 * rtol));
    }

    /** The 7th-order continuous extension, also on copies kept after the integrator moved on. */
    @Test
    void denseOutputIsAccurateInsideStepsAndOnCopies() {
        double[] y = {1, 1, 0};
        double[] buf = new double[3];
        double[] worst = {0};
        java.util.List<StepInterpolator> kept = new java.util.ArrayList<>();
        new DormandPrince853(new Tolerances(1e-10, 1e-12)).integrate(DECAY_AND_ROTATION, 0, y, 5, step -> {
            for (int k = 0; k <= 8; k++) {
                double t = step.tStart() + k * (step.tEnd() - step.tStart()) / 8;
                step.interpolate(t, buf);
                worst[0] = Math.max(worst[0], Math.abs(buf[0] - Math.exp(-t)));
                worst[0] = Math.max(worst[0], Math.abs(buf[1] - Math.cos(t)));
            }
            kept.add(step.copy());
        });
        assertThat(worst[0]).isLessThan(1e-9);
        for (StepInterpolator s : kept) {
            double t = 0.3 * s.tStart() + 0.7 * s.tEnd();
            s.interpolate(t, buf);
            assertThat(buf[2]).isCloseTo(-Math.sin(t), within(1e-9));
        }
    }

    @Test
    void takesFarFewerEvaluationsThanDopri5AtTightTolerance() {
        double[] a = {1, 1, 0}, b = {1, 1, 0};
        Tolerances tol = new Tolerances(1e-10, 1e-12);
        IntegrationStats s8 = new DormandPrince853(tol).integrate(DECAY_AND_ROTATION, 0, a, 20, null);
        IntegrationStats s5 = new DormandPrince54(tol).integrate(DECAY_AND_ROTATION, 0, b, 20, null);
        assertThat(s8.evaluations()).isLessThan(s5.evaluations());
        assertThat(a[1]).isCloseTo(b[1], within(1e-8));
    }
}
