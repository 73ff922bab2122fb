package org.qbattery.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qbattery.analysis.SelfDischarge;
import org.qbattery.kernel.DormandPrince853;
import org.qbattery.kernel.Tolerances;
import org.qbattery.measures.CyclicSymmetry;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InitialState;

/**
 * Eigenvalues of ρ per output time where a larger group than the cyclic one is known, each against
 * the cyclic blocks as the baseline in the same run: the complete graph's total-spin blocks
 * (every permutation of the cells) and the ring's reflection pairs (blocks s and r − s share their
 * spectrum). States: |+⟩^N after Γt = 0.5 (J = 2; Γ_icl = 0.05 on the complete graph, 0.5 on the ring).
 * Run: {@code java -jar bench/target/benchmarks.jar SpectrumBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpectrumBenchmarks {
    @Param({"8", "10"})
    public int cells;

    private double[] complete, ring;
    private CyclicSymmetry completeRotation, completeAll, ringRotation, ringDihedral;

    private static double[] evolved(Battery b, int cells) {
        double[] rho = InitialState.quantum(cells);
        new DormandPrince853(Tolerances.DEFAULT).integrate(b.generator(), 0, rho, 0.5, null);
        return rho;
    }

    @Setup(Level.Trial)
    public void setup() {
        Battery k = Battery.builder(Graph.complete(cells)).coupling(2).gammaIcl(0.05).build();
        complete = evolved(k, cells);
        completeRotation = SelfDischarge.symmetryOf(k, complete);
        int[] all = java.util.stream.IntStream.range(0, cells).toArray();
        completeAll = completeRotation.withAllPermutationsOf(all);
        Battery r = Battery.builder(Graph.ring(cells)).coupling(2).gammaIcl(0.5).build();
        ring = evolved(r, cells);
        ringRotation = SelfDischarge.symmetryOf(r, ring);
        ringDihedral = ringRotation.withInversion();
    }

    /** Baseline: the rotation's N blocks. */
    @Benchmark
    public double[] completeGraphCyclicBlocks() {
        return completeRotation.spectrum(complete);
    }

    @Benchmark
    public double[] completeGraphTotalSpinBlocks() {
        return completeAll.spectrum(complete);
    }

    /** Baseline: the rotation's N blocks. */
    @Benchmark
    public double[] ringCyclicBlocks() {
        return ringRotation.spectrum(ring);
    }

    @Benchmark
    public double[] ringReflectionPairs() {
        return ringDihedral.spectrum(ring);
    }
}
