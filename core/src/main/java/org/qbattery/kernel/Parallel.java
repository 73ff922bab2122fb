package org.qbattery.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Splits an index range over the machine's cores. Small ranges run on the caller's thread: below
 * a few hundred thousand flops the fork/join hand-off costs more than it saves.
 */
public final class Parallel {
    /** A body that processes indices {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    private static volatile int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));

    private Parallel() {
    }

    /** The result of a finished task, with the task's own runtime exception re-thrown as is. */
    public static <T> T join(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Reports a finished task: its index and how many have finished so far (calls are serialised). */
    public interface TaskDone {
        void finished(int index, int done);
    }

    /**
     * Runs independent tasks on {@code workers} daemon threads named {@code name}, costliest first
     * (so the workers finish together), and returns their results in the order given. A task's
     * exception ends the batch and is re-thrown as is ({@link #join}).
     */
    public static <T> java.util.List<T> largestFirst(java.util.List<java.util.concurrent.Callable<T>> tasks, double[] cost,
            int workers, String name, TaskDone onDone) {
        Integer[] order = new Integer[tasks.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(cost[b], cost[a]));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>(java.util.Collections.nCopies(tasks.size(), null));
        try {
            for (int i : order) {
                futures.set(i, pool.submit(() -> {
                    T result = tasks.get(i).call();
                    synchronized (onDone) {
                        onDone.finished(i, done.incrementAndGet());
                    }
                    return result;
                }));
            }
            java.util.List<T> out = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<T> f : futures) {
                out.add(join(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A partial sum over the indices {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeSum {
        double sum(int from, int to);
    }

    /**
     * Σ over {@code [0, n)} in fixed blocks of {@code block} indices, added in block order, the blocks
     * spread over the cores as {@link #forRange} does: the result does not depend on the thread count.
     */
    public static double sumInBlocks(int n, int block, long costPerBlock, RangeSum f) {
        final int blocks = (n + block - 1) / block;
        final double[] partial = new double[blocks];
        forRange(blocks, costPerBlock, (from, to) -> {
            for (int b = from; b < to; b++) {
                partial[b] = f.sum(b * block, Math.min(n, (b + 1) * block));
            }
        });
        double total = 0;
        for (double x : partial) {
            total += x;
        }
        return total;
    }

    /** Number of threads used for large ranges (default: available processors). */
    public static int threads() {
        return threads;
    }

    /** Sets the thread count; 1 makes every kernel single-threaded (for benchmarks and tests). */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        threads = n;
    }

    /**
     * Runs {@code body} over {@code [0, n)}; splits into about {@code 4·threads} chunks when
     * {@code n·costPerIndex} exceeds the hand-off threshold.
     */
    public static void forRange(int n, long costPerIndex, RangeBody body) {
        int t = threads;
        if (t == 1 || (long) n * costPerIndex < 200_000L || n < 2) {
            body.run(0, n);
            return;
        }
        int chunks = Math.min(n, 4 * t);
        POOL.invoke(new Chunk(body, 0, n, Math.max(1, (n + chunks - 1) / chunks)));
    }

    private static final class Chunk extends RecursiveAction {
        private final RangeBody body;
        private final int from, to, grain;

        Chunk(RangeBody body, int from, int to, int grain) {
            this.body = body;
            this.from = from;
            this.to = to;
            this.grain = grain;
        }

        @Override
        protected void compute() {
            if (to - from <= grain) {
                body.run(from, to);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Chunk(body, from, mid, grain), new Chunk(body, mid, to, grain));
        }
    }
}
