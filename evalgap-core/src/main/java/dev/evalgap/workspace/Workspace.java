package dev.evalgap.workspace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.evalgap.EvalgapVersion;
import dev.evalgap.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A workspace folder: {@code evalgap.yaml} (configuration) and {@code evalgap.duckdb} (all data and
 * results). Rejected input records are kept under {@code rejects/}.
 */
public final class Workspace implements AutoCloseable {

    public static final String CONFIG_FILE = "evalgap.yaml";
    public static final String DATABASE_FILE = "evalgap.duckdb";
    public static final String REJECTS_DIR = "rejects";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;
    private final WorkspaceConfig config;
    private final Store store;

    private Workspace(Path dir, WorkspaceConfig config, Store store) {
        this.dir = dir;
        this.config = config;
        this.store = store;
    }

    /**
     * Creates a workspace in {@code dir} (created if needed). An existing configuration is kept, never
     * overwritten; returns whether the folder was new to evalgap.
     */
    public static boolean init(Path dir) {
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve(CONFIG_FILE);
            boolean fresh = !Files.exists(config);
            if (fresh) {
                try (InputStream template = Workspace.class.getResourceAsStream(CONFIG_FILE)) {
                    Files.copy(template, config);
                }
            }
            readConfig(config);
            Store.open(dir.resolve(DATABASE_FILE), EvalgapVersion.get()).close();
            return fresh;
        } catch (IOException e) {
            throw new WorkspaceException("cannot create workspace " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing workspace for reading and writing (one writer process at a time). */
    public static Workspace open(Path dir) {
        Path config = dir.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(config)) {
            throw new WorkspaceException("no evalgap workspace at " + dir.toAbsolutePath() + " (no " + CONFIG_FILE
                    + "): create one with `evalgap init " + dir + "`, or point --workspace / EVALGAP_WORKSPACE at one");
        }
        WorkspaceConfig cfg = readConfig(config);
        if (cfg.version() > WorkspaceConfig.CURRENT_VERSION) {
            throw new WorkspaceException(config + ": configuration version " + cfg.version()
                    + " is newer than this evalgap (" + EvalgapVersion.get() + ") understands ("
                    + WorkspaceConfig.CURRENT_VERSION + "): upgrade evalgap");
        }
        return new Workspace(dir, cfg, Store.open(dir.resolve(DATABASE_FILE), EvalgapVersion.get()));
    }

    static WorkspaceConfig readConfig(Path file) {
        try (InputStream defaults = Workspace.class.getResourceAsStream(CONFIG_FILE)) {
            // Reading the user's file as the record first reports unknown keys with their line.
            YAML.readValue(file.toFile(), WorkspaceConfig.class);
            JsonNode merged = YAML.readTree(defaults);
            JsonNode user = YAML.readTree(file.toFile());
            if (user != null && user.isObject()) {
                deepMerge((ObjectNode) merged, (ObjectNode) user);
            }
            return YAML.treeToValue(merged, WorkspaceConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new WorkspaceException(file + ":" + lineOfKey(file, e.getPropertyName()) + ": unknown key '"
                    + e.getPropertyName() + "'; valid here: " + e.getKnownPropertyIds(), e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? file.toString() : file + ":" + at.getLineNr();
            throw new WorkspaceException(where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The configuration a new workspace starts with, for work outside any workspace. */
    public static WorkspaceConfig defaultConfig() {
        DEFAULTS.run(); // a no-op once started by preloadDefaults; get() then waits for that thread
        try {
            return DEFAULTS.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the built-in " + CONFIG_FILE, e);
        }
    }

    /**
     * Starts parsing the built-in configuration on a thread of its own. In a fresh JVM the parse takes
     * about 0.1 s; a command line started with this runs it on the second core while its own start-up
     * (argument parsing) runs on the first.
     */
    public static void preloadDefaults() {
        Thread t = new Thread(DEFAULTS, "evalgap-defaults");
        t.setDaemon(true);
        t.start();
    }

    private static final FutureTask<WorkspaceConfig> DEFAULTS = new FutureTask<>(() -> {
        try (InputStream defaults = Workspace.class.getResourceAsStream(CONFIG_FILE)) {
            return YAML.readValue(defaults, WorkspaceConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in " + CONFIG_FILE, e);
        }
    });

    /** Jackson reports where parsing stopped, not where the key is; find the key's own line. */
    private static int lineOfKey(Path file, String key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return 0;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static void deepMerge(ObjectNode base, ObjectNode overlay) {
        overlay.fields().forEachRemaining(e -> {
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue() instanceof ObjectNode source) {
                deepMerge(target, source);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        });
    }

    public Path dir() {
        return dir;
    }

    public WorkspaceConfig config() {
        return config;
    }

    public Store store() {
        return store;
    }

    public Path rejectsDir() {
        return dir.resolve(REJECTS_DIR);
    }

    @Override
    public void close() {
        store.close();
    }
}
