package dev.evalgap.store;

/**
 * What a merge did. {@code staged} records were offered; {@code added} were new, {@code replaced}
 * changed an existing row, {@code unchanged} were already there (re-ingest) or repeated within the input.
 * For eval sets, {@code version} is the set version after the merge and {@code newVersion} says
 * whether the merge created it.
 */
public record MergeCounts(long staged, long added, long replaced, long unchanged, int version, boolean newVersion) {
}
