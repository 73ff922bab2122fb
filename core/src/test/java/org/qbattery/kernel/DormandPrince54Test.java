package org.qbattery.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DormandPrince54Test {
    /** y' = −y, and a harmonic oscillator, against exp and cos/sin. */
    private static final OdeSystem DECAY_AND_ROTATION = (t, y, dy) -> {
        dy[0] = -y[0];
        dy[1] = y[2];
        dy[2] = -y[1];
    };

    @ParameterizedTest(name = "rtol {0}")
    @ValueSource(doubles = {1e-6, 1e-8, 1e-10})
    void endpointErrorScalesWithTolerance(double rtol) {
        double[] y = {1, 1, 0};
        new DormandPrince54(new Tolerances(rtol, rtol * 1e-2)).integrate(DECAY_AND_ROTATION, 0, y, 10, null);
        // Global error of a tolerance-proportional method over ~10 time units: a small multiple of rtol.
        assertThat(y[0]).isCloseTo(Math.exp(-10), within(50 * rtol * Math.exp(-10) + rtol * 1e-2 * 10));
        assertThat(y[1]).isCloseTo(Math.cos(10), within(50 * rtol));
        assertThat(y[2]).isCloseTo(-Math.sin(10), within(50 * rtol));
    }

    @Test
    void denseOutputIsAccurateInsideSteps() {
        double[] y = {1, 1, 0};
        double[] buf = new double[3];
        double[] worst = {0};
        List<double[]> spans = new ArrayList<>();
        new DormandPrince54(new Tolerances(1e-10, 1e-12)).integrate(DECAY_AND_ROTATION, 0, y, 5, step -> {
            spans.add(new double[] {step.tStart(), step.tEnd()});
            for (int k = 0; k <= 10; k++) {
                double t = step.tStart() + k * (step.tEnd() - step.tStart()) / 10;
                step.interpolate(t, buf);
                worst[0] = Math.max(worst[0], Math.abs(buf[0] - Math.exp(-t)));
                worst[0] = Math.max(worst[0], Math.abs(buf[1] - Math.cos(t)));
            }
        });
        assertThat(worst[0]).isLessThan(1e-9);
        // steps tile [0, 5] without gaps
        for (int k = 1; k < spans.size(); k++) {
            assertThat(spans.get(k)[0]).isEqualTo(spans.get(k - 1)[1]);
        }
        assertThat(spans.get(spans.size() - 1)[1]).isEqualTo(5.0);
    }

    @Test
    void copiedInterpolatorSurvivesLaterSteps() {
        double[] y = {1, 1, 0};
        List<StepInterpolator> kept = new ArrayList<>();
        new DormandPrince54(new Tolerances(1e-10, 1e-12)).integrate(DECAY_AND_ROTATION, 0, y, 3, s -> kept.add(s.copy()));
        double[] buf = new double[3];
        StepInterpolator s = kept.get(0);
        double t = 0.5 * (s.tStart() + s.tEnd());
        s.interpolate(t, buf);
        assertThat(buf[0]).isCloseTo(Math.exp(-t), within(1e-10));
    }

    @Test
    void brentFindsRootsToTolerance() {
        double r = Roots.brent(x -> Math.cos(x) - x, 0, 1, 1, Math.cos(1) - 1, 1e-14);
        assertThat(r).isCloseTo(0.7390851332151607, within(1e-13));
        double l = Roots.brent(x -> Math.exp(-x) - 0.5, 0, 2, 0.5, Math.exp(-2) - 0.5, 1e-13);
        assertThat(l).isCloseTo(Math.log(2), within(1e-12));
    }
}
