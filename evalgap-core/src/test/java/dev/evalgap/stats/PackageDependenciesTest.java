package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The stats package is pure math: it may import only java.* and Hipparchus. */
class PackageDependenciesTest {

    @Test
    void importsOnlyJavaAndHipparchus() throws IOException {
        final Path dir = Path.of(System.getProperty("user.dir"), "src/main/java/dev/evalgap/stats");
        assertThat(dir).isDirectory();
        final List<String> offending;
        try (Stream<Path> files = Files.list(dir)) {
            offending = files.filter(p -> p.toString().endsWith(".java"))
                .flatMap(p -> {
                    try {
                        return Files.readAllLines(p).stream()
                            .filter(l -> l.startsWith("import "))
                            .filter(l -> !l.matches("import (static )?(java\\.|org\\.hipparchus\\.).*"))
                            .map(l -> p.getFileName() + ": " + l);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.toList());
        }
        assertThat(offending).isEmpty();
    }
}
