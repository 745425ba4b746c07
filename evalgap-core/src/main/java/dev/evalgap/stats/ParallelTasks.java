package dev.evalgap.stats;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs independent numbered tasks on a few threads. Tasks must write only their own results, so
 * the outcome cannot depend on which thread ran which task; {@link Thread#join()} publishes the
 * results to the caller.
 */
final class ParallelTasks {

    private ParallelTasks() {
    }

    /**
     * Runs tasks {@code 0 .. tasks-1} on up to {@code threads} threads, the caller's thread
     * included. Each thread gets its own task body from {@code worker} (for private scratch
     * arrays). The first exception thrown by a task stops the remaining tasks and is rethrown.
     */
    static void run(int tasks, int threads, Supplier<IntConsumer> worker) {
        final int t = Math.min(threads, tasks);
        if (t <= 1) {
            final IntConsumer body = worker.get();
            for (int i = 0; i < tasks; i++) {
                body.accept(i);
            }
            return;
        }
        final AtomicInteger next = new AtomicInteger();
        final Thread[] helpers = new Thread[t - 1];
        final Throwable[] errors = new Throwable[t - 1];
        for (int k = 0; k < helpers.length; k++) {
            final int slot = k;
            final IntConsumer body = worker.get();
            helpers[k] = new Thread(() -> {
                try {
                    drain(next, tasks, body);
                } catch (Throwable e) {
                    next.set(tasks);
                    errors[slot] = e;
                }
            }, "evalgap-stats-" + k);
            helpers[k].setDaemon(true);
            helpers[k].start();
        }
        Throwable failure = null;
        try {
            drain(next, tasks, worker.get());
        } catch (RuntimeException | Error e) {
            next.set(tasks);
            failure = e;
        }
        boolean interrupted = false;
        for (final Thread h : helpers) {
            while (true) {
                try {
                    h.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (final Throwable e : errors) {
            if (failure == null) {
                failure = e;
            }
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private static void drain(AtomicInteger next, int tasks, IntConsumer body) {
        for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
            body.accept(i);
        }
    }
}
