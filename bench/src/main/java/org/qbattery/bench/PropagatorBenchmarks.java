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
import org.qbattery.kernel.IntegrationStats;
import org.qbattery.kernel.OdeIntegrator;
import org.qbattery.kernel.PackedLindbladian;
import org.qbattery.kernel.TaylorPropagator;
import org.qbattery.kernel.Tolerances;
import org.qbattery.model.Battery;
import org.qbattery.model.InitialState;
import org.qbattery.model.Graph;

/**
 * Whole propagations, Γt from 0 to 1 on the paper's open chain from |+⟩^N with the orbit kernel a
 * chain run uses, at the default tolerances: {@code dop853} is the baseline, {@code taylor} the
 * default propagator. Each sample of 20 output times per unit time is interpolated, as a run does.
 * Run: {@code java -jar bench/target/benchmarks.jar PropagatorBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class PropagatorBenchmarks {
    @Param({"8", "10"})
    public int cells;

    @Param({"dop853", "taylor"})
    public String method;

    private PackedLindbladian kernel;
    private double[] start, y, sample;
    private OdeIntegrator integrator;

    @Setup(Level.Trial)
    public void setup() {
        Battery b = Battery.builder(Graph.chain(cells)).coupling(2).gammaIcl(0.5).build();
        double[] rho = InitialState.quantum(cells);
        kernel = b.packedGenerator(SelfDischarge.symmetryOf(b, rho).cellPermutation());
        start = kernel.pack(rho);
        sample = new double[start.length];
        integrator = method.equals("taylor") ? new TaylorPropagator(Tolerances.DEFAULT) : new DormandPrince853(Tolerances.DEFAULT);
    }

    @Setup(Level.Invocation)
    public void reset() {
        y = start.clone();
    }

    @Benchmark
    public IntegrationStats propagate() {
        final int[] next = {1};
        return integrator.integrate(kernel, 0, y, 1.0, step -> {
            while (next[0] <= 20 && next[0] * 0.05 <= step.tEnd() + 1e-12) {
                step.interpolate(Math.min(next[0] * 0.05, step.tEnd()), sample);
                next[0]++;
            }
        });
    }
}
