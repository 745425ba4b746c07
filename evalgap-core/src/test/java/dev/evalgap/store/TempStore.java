package dev.evalgap.store;

import dev.evalgap.Progress;
import dev.evalgap.ingest.Ingester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real workspace database in a temporary folder, with an ingester writing to it, for tests that
 * ingest and read back. Registered on an instance field ({@code @RegisterExtension}) it is fresh for
 * every test; on a static field, one database serves the whole class. Rejected records go under
 * {@code dir()/rejects}; the folder is deleted afterwards.
 */
public final class TempStore implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private boolean perClass;
    private Path dir;
    private Store store;
    private Ingester ingester;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        perClass = true;
        open();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            open();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    /** @return the temporary folder holding the database; tests write their input files here */
    public Path dir() {
        return dir;
    }

    /** @return the open database */
    public Store store() {
        return store;
    }

    /** @return an ingester writing to {@link #store()} */
    public Ingester ingester() {
        return ingester;
    }

    /**
     * Writes a UTF-8 file in {@link #dir()}.
     *
     * @return its path
     */
    public Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void open() throws IOException {
        dir = Files.createTempDirectory("evalgap-test");
        store = Store.open(dir.resolve("w.duckdb"), "test");
        ingester = new Ingester(store, dir.resolve("rejects"), Progress.NONE);
    }

    private void close() throws IOException {
        if (store != null) {
            store.close();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
