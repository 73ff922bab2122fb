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
import org.openjdk.jmh.infra.Blackhole;
import org.qbattery.analysis.SelfDischarge;
import org.qbattery.kernel.DormandPrince853;
import org.qbattery.kernel.HermitianEigenvalues;
import org.qbattery.kernel.LindbladKernel;
import org.qbattery.kernel.Parallel;
import org.qbattery.kernel.SectorLindbladKernel;
import org.qbattery.kernel.SymmetricLindbladKernel;
import org.qbattery.kernel.Tolerances;
import org.qbattery.measures.Concurrence;
import org.qbattery.measures.CyclicSymmetry;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InitialState;

/**
 * The hot kernels, on the paper's open chain (J = 2, Γ_icl = 0.5) after t = 0.5 of evolution from
 * |+⟩^N. {@code rhs} is the full-register kernel (the baseline), {@code rhsSectors} the same
 * equation on the k ≥ k' sector blocks, {@code rhsReflectionOrbits} the orbit-reduced kernel a
 * chain run integrates. {@code copy} streams the bytes a full-register right-hand side must at
 * least read and write (ρ in, dρ out): the ratio rhs/copy says how far that kernel is from the
 * memory-bandwidth limit.
 * Run: {@code java -jar bench/target/benchmarks.jar} (see README, Performance).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmarks {
    @Param({"6", "8", "10"})
    public int cells;

    @Param({"1", "2"})
    public int threads;

    private LindbladKernel kernel;
    private SectorLindbladKernel sectors;
    private SymmetricLindbladKernel orbits;
    private double[] rho, out, packed, packedOut, orbitState, orbitOut;
    private int[][] pairs;
    private CyclicSymmetry reflection;

    @Setup(Level.Trial)
    public void setup() {
        Parallel.setThreads(threads);
        Battery b = Battery.builder(Graph.chain(cells)).coupling(2).gammaIcl(0.5).build();
        kernel = b.generator();
        rho = InitialState.quantum(cells);
        new DormandPrince853(Tolerances.DEFAULT).integrate(kernel, 0, rho, 0.5, null);
        out = new double[rho.length];
        sectors = b.sectorGenerator();
        packed = sectors.pack(rho);
        packedOut = new double[packed.length];
        reflection = SelfDischarge.symmetryOf(b, InitialState.quantum(cells));
        orbits = (SymmetricLindbladKernel) b.packedGenerator(reflection.cellPermutation());
        orbitState = orbits.pack(rho);
        orbitOut = new double[orbitState.length];
        pairs = SelfDischarge.pairs(b);
    }

    /** Baseline: the full-register kernel on all D² elements. */
    @Benchmark
    public double[] rhs() {
        kernel.derivative(0, rho, out);
        return out;
    }

    /** The production right-hand side: the same equation on the k ≥ k' excitation-sector blocks only. */
    @Benchmark
    public double[] rhsSectors() {
        sectors.derivative(0, packed, packedOut);
        return packedOut;
    }

    /** What a chain run integrates: one number per orbit of the reflection (half of the sector blocks). */
    @Benchmark
    public double[] rhsReflectionOrbits() {
        orbits.derivative(0, orbitState, orbitOut);
        return orbitOut;
    }

    @Benchmark
    public double[] unpackSectors() {
        sectors.unpack(packed, out);
        return out;
    }

    @Benchmark
    public double[] copy() {
        final double[] a = rho, b = out;
        Parallel.forRange(a.length, 1, (from, to) -> System.arraycopy(a, from, b, from, to - from));
        return out;
    }

    @Benchmark
    public double[] eigenvaluesFull() {
        return HermitianEigenvalues.of(rho, 1 << cells);
    }

    @Benchmark
    public double[] eigenvaluesFullPureJava() {
        return HermitianEigenvalues.pureJavaInPlace(rho.clone(), 1 << cells);
    }

    @Benchmark
    public double[] eigenvaluesReflectionBlocks() {
        return reflection.spectrum(rho);
    }

    @Benchmark
    public void concurrenceAllEdges(Blackhole bh) {
        bh.consume(Concurrence.edgeAverage(rho, cells, pairs));
    }
}
