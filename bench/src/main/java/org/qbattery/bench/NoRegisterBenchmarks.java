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
import org.qbattery.kernel.DickeBlocks;
import org.qbattery.kernel.Parallel;
import org.qbattery.kernel.StarGenerator;
import org.qbattery.kernel.SymmetricGenerator;
import org.qbattery.kernel.TaylorPropagator;
import org.qbattery.kernel.Tolerances;
import org.qbattery.measures.DickeMeasures;
import org.qbattery.measures.Observables;
import org.qbattery.measures.StarMeasures;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.SymmetricState;

/**
 * The kernels of the runs without the register, after t = 0.2 from |+⟩^N (J = 2): the complete graph
 * (Γ_icl = 0.5; Dicke blocks and count orbits, {@code rhsComplete}) and the star (Γ_icl = 0.05; the
 * hub's four labels times both leaf forms, {@code rhsStar}), one evaluation of the right-hand side
 * each, and the measures of one sample ({@code measuresComplete}, {@code measuresStar}: the blocks'
 * spectra, moments, concurrence and the l1-coherence). {@code copy*} stream a state vector in and
 * one out, the bandwidth yardstick of the same size, measured in the same run.
 * Run: {@code java -jar bench/target/benchmarks.jar NoRegister}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NoRegisterBenchmarks {
    @Param({"20", "50"})
    public int cells;

    @Param({"1", "2"})
    public int threads;

    private SymmetricGenerator complete;
    private StarGenerator star;
    private DickeBlocks layout;
    private double[] completeState, completeOut, starState, starOut;

    @Setup(Level.Trial)
    public void setup() {
        Parallel.setThreads(threads);
        Battery c = Battery.builder(Graph.complete(cells)).coupling(2).gammaIcl(0.5).build();
        complete = new SymmetricGenerator(c.collectiveGenerator(), c.countOrbitGenerator());
        layout = complete.dicke().layout();
        SymmetricState s = SymmetricState.parse("quantum", layout, complete.orbits());
        completeState = complete.join(s.dicke(), s.orbits());
        new TaylorPropagator(Tolerances.DEFAULT).integrate(complete, 0, completeState, 0.2, null);
        completeOut = new double[completeState.length];
        Battery b = Battery.builder(Graph.star(cells)).coupling(2).gammaIcl(0.05).build();
        star = b.starGenerator();
        starState = SymmetricState.star("quantum", star);
        new TaylorPropagator(Tolerances.DEFAULT).integrate(star, 0, starState, 0.2, null);
        starOut = new double[starState.length];
    }

    @Benchmark
    public double[] rhsComplete() {
        complete.derivative(0, completeState, completeOut);
        return completeOut;
    }

    @Benchmark
    public double[] copyComplete() {
        System.arraycopy(completeState, 0, completeOut, 0, completeState.length);
        return completeOut;
    }

    @Benchmark
    public Observables measuresComplete() {
        return DickeMeasures.of(completeState, layout, true, true, complete.orbits().l1Coherence(completeState, complete.orbitsAt()));
    }

    @Benchmark
    public double[] rhsStar() {
        star.derivative(0, starState, starOut);
        return starOut;
    }

    @Benchmark
    public double[] copyStar() {
        System.arraycopy(starState, 0, starOut, 0, starState.length);
        return starOut;
    }

    @Benchmark
    public Observables measuresStar() {
        return StarMeasures.of(starState, star, true, true, true);
    }
}
