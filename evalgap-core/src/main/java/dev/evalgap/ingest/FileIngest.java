package dev.evalgap.ingest;

import dev.evalgap.store.MergeCounts;
import java.nio.file.Path;

/**
 * The outcome of ingesting one file (or, for an eval set, one set of files).
 *
 * @param file        the input as the user named it
 * @param records     records read (good and bad)
 * @param rejected    bad records kept in {@code rejectsFile}
 * @param merge       what the store did with the good ones
 * @param rejectsFile where the rejected records are, or null when there are none
 * @param unusable    ratings stored with a score that could not be read on their scale (0 for other streams)
 */
public record FileIngest(String file, long records, long rejected, MergeCounts merge, Path rejectsFile,
                         long unusable) {
}
