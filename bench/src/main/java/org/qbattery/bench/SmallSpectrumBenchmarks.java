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
import org.qbattery.kernel.HermitianEigenvalues;
import org.qbattery.kernel.JacobiEigen;
import org.qbattery.kernel.Tolerances;
import org.qbattery.measures.CyclicSymmetry;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InitialState;

/**
 * The small spectra that dominate {@code reproduce}'s 50 runs, in C1 code as the launcher runs them
 * ({@code -XX:TieredStopAtLevel=1}): ρ of the open chain of N cells, |+⟩^N after Γt = 0.5 (J = 2,
 * Γ_icl = 0.5), all 2^N eigenvalues. Baseline in the same run: cyclic Jacobi on the whole register.
 * Against it the pure-Java Householder + root-free QL on the whole register and on the chain's two
 * reflection blocks (at N = 5 orders 20 and 12, what a paper run diagonalises 501 times).
 * Run: {@code java -jar bench/target/benchmarks.jar SmallSpectrumBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:TieredStopAtLevel=1")
public class SmallSpectrumBenchmarks {
    @Param({"4", "5"})
    public int cells;

    private double[] rho;
    private CyclicSymmetry reflection;
    private int dim;

    @Setup(Level.Trial)
    public void setup() {
        Battery b = Battery.builder(Graph.chain(cells)).coupling(2).gammaIcl(0.5).build();
        rho = InitialState.quantum(cells);
        new DormandPrince853(Tolerances.DEFAULT).integrate(b.generator(), 0, rho, 0.5, null);
        reflection = SelfDischarge.symmetryOf(b, rho);
        dim = 1 << cells;
    }

    /** Baseline: Jacobi rotations on the whole register (eigenvalues only). */
    @Benchmark
    public double[] jacobiRegister() {
        return JacobiEigen.valuesOf(rho, dim);
    }

    @Benchmark
    public double[] householderQlRegister() {
        return HermitianEigenvalues.of(rho, dim);
    }

    @Benchmark
    public double[] householderQlReflectionBlocks() {
        return reflection.spectrum(rho);
    }
}
