package dev.evalgap;

/**
 * Receives progress of long work. The library reports; the command line decides whether a
 * terminal is there to show it.
 */
@FunctionalInterface
public interface Progress {

    Progress NONE = (task, done, total) -> { };

    /**
     * @param task  what is being done, e.g. "embedding"
     * @param done  units finished so far
     * @param total units in all, or -1 when unknown
     */
    void update(String task, long done, long total);
}
