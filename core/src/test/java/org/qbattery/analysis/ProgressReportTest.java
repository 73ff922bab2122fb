package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qbattery.kernel.Parallel;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;

/**
 * A run tells its listener every step that can take seconds at 12 cells: the set-up before the first
 * output time (~25 s at the 12-cell chain, which used to show nothing), the integration, and the
 * location of each event after it (~20 s there, which used to pass with the line frozen at
 * "integrating 100%").
 */
class ProgressReportTest {
    record Call(double done, double total, String label) {
    }

    @ParameterizedTest(name = "threads = {0}")
    @ValueSource(ints = {1, 2})
    void everyPhaseIsReportedInOrderAndEndsComplete(int threads) {
        Battery b = Battery.builder(Graph.chain(5)).coupling(2).gammaIcl(0.5).build();
        List<Call> calls = new ArrayList<>();
        int before = Parallel.threads();
        DischargeResult r;
        try {
            Parallel.setThreads(threads);
            r = SelfDischarge.of(b).state("quantum").grid(3, 0.05).progress((done, total, label) -> {
                synchronized (calls) {
                    calls.add(new Call(done, total, label));
                }
            }).run();
        } finally {
            Parallel.setThreads(before);
        }
        List<String> labels = calls.stream().map(Call::label).distinct().toList();
        assertThat(labels.subList(0, 5)).containsExactly("preparing the initial state", "finding symmetries",
                "building the Liouvillian", "measuring t = 0", "integrating");

        List<Call> integrating = calls.stream().filter(c -> c.label().equals("integrating")).toList();
        assertThat(integrating).extracting(Call::total).containsOnly(3.0);
        assertThat(integrating.get(integrating.size() - 1).done()).isEqualTo(3.0);
        assertNonDecreasing(integrating);

        // Every bracketed time: both half-lives and each entanglement crossing (no sudden death:
        // the quantum state keeps coherence between sectors).
        DischargeAnalysis a = r.analysis();
        int brackets = (a.ergotropyHalfLife() != null ? 1 : 0) + (a.energyHalfLife() != null ? 1 : 0)
                + a.entanglementCrossings().size();
        assertThat(brackets).isGreaterThanOrEqualTo(3);
        int firstLocating = calls.indexOf(integrating.get(integrating.size() - 1)) + 1;
        List<Call> locating = calls.subList(firstLocating, calls.size());
        assertThat(locating).allSatisfy(c -> {
            assertThat(c.label()).startsWith("locating ");
            assertThat(c.total()).isEqualTo(brackets);
            assertThat(c.done()).isBetween(0.0, (double) brackets);
        });
        assertNonDecreasing(locating);
        assertThat(locating.get(locating.size() - 1).done()).isEqualTo(brackets);
        if (threads == 1) {
            // One after another, the line names the event being located.
            assertThat(locating.stream().map(Call::label).distinct())
                    .contains("locating ergotropy half-life", "locating energy half-life", "locating entanglement time");
        } else {
            // Side by side, it counts the located ones.
            assertThat(locating).extracting(Call::done).containsExactly(
                    java.util.stream.IntStream.rangeClosed(1, brackets).asDoubleStream().boxed().toArray(Double[]::new));
        }
    }

    private static void assertNonDecreasing(List<Call> calls) {
        for (int k = 1; k < calls.size(); k++) {
            assertThat(calls.get(k).done()).as("call %d of %s", k, calls).isGreaterThanOrEqualTo(calls.get(k - 1).done());
        }
    }
}
