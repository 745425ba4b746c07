package dev.evalgap.cli;

import dev.evalgap.Progress;
import java.io.PrintStream;

/** A one-line progress display on stderr, only when a terminal is attached: CI logs stay quiet. */
final class TerminalProgress implements Progress {

    private static final long MIN_INTERVAL_NANOS = 200_000_000L;

    private final PrintStream out;
    private long lastPrinted;
    private boolean dirty;

    private TerminalProgress(PrintStream out) {
        this.out = out;
    }

    static Progress forTerminal() {
        return System.console() == null ? Progress.NONE : new TerminalProgress(System.err);
    }

    @Override
    public synchronized void update(String task, long done, long total) {
        long now = System.nanoTime();
        boolean finished = total >= 0 && done >= total;
        if (!finished && now - lastPrinted < MIN_INTERVAL_NANOS) {
            return;
        }
        lastPrinted = now;
        String line = total > 0
                ? String.format("%s %,d/%,d (%d%%)", task, done, total, Math.round(100.0 * done / total))
                : String.format("%s %,d", task, done);
        out.print("\r\033[K" + line);
        dirty = true;
        if (finished) {
            out.print("\r\033[K");
            dirty = false;
        }
        out.flush();
    }

    /** Clears the line before normal output follows. */
    static void clear(Progress p) {
        if (p instanceof TerminalProgress t && t.dirty) {
            t.out.print("\r\033[K");
            t.out.flush();
            t.dirty = false;
        }
    }
}
