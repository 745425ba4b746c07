package dev.evalgap.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.evalgap.Progress;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sentence embeddings from the BERT-style ONNX models that ship inside the langchain4j
 * {@code langchain4j-embeddings-*} jars; nothing is downloaded.
 *
 * <p>Each of {@code threads} workers owns one {@link OrtSession} built with one intra-op thread,
 * wrapped in langchain4j's {@link OnnxBertBiEncoder}. Texts are embedded one at a time, never in
 * padded batches: padding shifts the vectors of the quantized models (cosine ≈ 0.985 against
 * unbatched, measured in STACK.md). A worker runs the same model on one thread, so a text gets
 * the same vector whichever worker embeds it.
 *
 * <p>Pooling is {@link Model#pooling()}: the mean of all token vectors including {@code [CLS]}
 * and {@code [SEP]}, or the {@code [CLS]} vector, as in langchain4j. Two conventions are ours:
 * <ul>
 *   <li><b>Long texts are split, not truncated.</b> The encoder's tokenizer (DJL 0.38, reading
 *       the model's {@code tokenizer.json}) silently truncates to {@link #maxWordPieces()} word
 *       pieces: 126 for MiniLM (its {@code max_length} of 128), 510 for bge. langchain4j's own
 *       split above 510 pieces is therefore never reached, and its models embed only the start
 *       of a long text. Here a longer text is cut into pieces of at most
 *       {@link #maxWordPieces()} word pieces, only before a word start, each piece is embedded
 *       alone, and the result is the normalised mean of the piece vectors weighted by their
 *       numbers of word pieces. A text within the limit gets exactly langchain4j's vector.
 *   <li><b>Texts with no word piece</b> (empty, blank, or only characters the tokenizer drops,
 *       such as U+200B) get the vector of the input {@code [CLS] [SEP]}, which is what
 *       sentence-transformers returns for {@code ""}. langchain4j rejects them.
 * </ul>
 *
 * <p>Before its first tokenizer is built this class sets the system property
 * {@code OPT_OUT_TRACKING=true}, unless it is already set as a property or environment variable:
 * otherwise DJL's {@code HuggingFaceTokenizer.newInstance} queries the EC2 metadata address
 * 169.254.169.254 and, on EC2, sends a telemetry request to S3.
 *
 * <p>All vectors are L2-normalised (the norm is computed in double). Concurrent calls share the
 * workers and are safe. {@link #close()} frees the ONNX sessions.
 */
public final class OnnxSentenceEmbedder implements Embedder {

    /** The models on the class path, by cache id. All three give 384-d vectors. */
    public enum Model {
        /** all-MiniLM-L6-v2, int8-quantized (23 MB), mean pooling. The evalgap default. */
        MINILM_L6_V2_Q("minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel.class,
                "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN),
        /** all-MiniLM-L6-v2 in fp32 (90 MB), mean pooling. Slower, unquantized. */
        MINILM_L6_V2("minilm-l6-v2", AllMiniLmL6V2EmbeddingModel.class,
                "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", PoolingMode.MEAN),
        /** BAAI bge-small-en-v1.5, int8-quantized (34 MB), CLS pooling. */
        BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", BgeSmallEnV15QuantizedEmbeddingModel.class,
                "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS);

        private final String id;
        private final Class<?> anchor;
        private final String onnxResource;
        private final String tokenizerResource;
        private final PoolingMode pooling;

        Model(String id, Class<?> anchor, String onnxResource, String tokenizerResource,
                PoolingMode pooling) {
            this.id = id;
            this.anchor = anchor;
            this.onnxResource = onnxResource;
            this.tokenizerResource = tokenizerResource;
            this.pooling = pooling;
        }

        /** The embedder id, e.g. {@code minilm-l6-v2-q}. */
        public String id() {
            return id;
        }

        /** {@code MEAN} or {@code CLS}. */
        public String pooling() {
            return pooling.name();
        }

        /** The model whose {@link #id()} is {@code id}, or {@code null}. */
        static Model byId(String id) {
            for (Model m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            return null;
        }

        /** Reads a resource from the jar that holds the langchain4j model class. */
        byte[] read(String resource) {
            // Class literal: the anchor's own static initialiser (which loads a second copy of the
            // model) does not run.
            ClassLoader loader = anchor.getClassLoader();
            try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Resource " + resource + " of embedding model "
                            + id + " is not on the class path (expected in the jar of "
                            + anchor.getName() + ")");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
    }

    /** The output width of every {@link Model}. */
    static final int DIMENSION = 384;

    /** Progress is reported after every this many texts. */
    static final int PROGRESS_EVERY = 256;

    private static final String TASK = "embedding";

    private final Model model;
    private final int threads;
    private final List<Worker> workers;
    private final BlockingQueue<Worker> idle;
    private final float[] noTokenVector;
    private final int maxWordPieces;
    private final Object progressLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();

    private OnnxSentenceEmbedder(Model model, int threads, List<Worker> workers,
            float[] noTokenVector, int maxWordPieces) {
        this.model = model;
        this.threads = threads;
        this.workers = List.copyOf(workers);
        this.idle = new ArrayBlockingQueue<>(workers.size(), false, workers);
        this.noTokenVector = noTokenVector;
        this.maxWordPieces = maxWordPieces;
    }

    /** The default number of workers: {@code min(2, available processors)}. */
    public static int defaultThreads() {
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    /** Loads {@code model} with {@link #defaultThreads()} workers. */
    public static OnnxSentenceEmbedder open(Model model) {
        return open(model, defaultThreads());
    }

    /**
     * Loads {@code model} with one ONNX session per worker (about 1 s and the model's size in
     * memory per worker).
     *
     * @param threads number of workers, ≥ 1
     */
    public static OnnxSentenceEmbedder open(Model model, int threads) {
        Objects.requireNonNull(model, "model");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        optOutOfDjlTracking();
        byte[] onnx = model.read(model.onnxResource);
        byte[] tokenizerJson = model.read(model.tokenizerResource);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        List<Worker> workers = new ArrayList<>(threads);
        try {
            int maxWordPieces;
            // The encoder builds its tokenizer with exactly these options; ask one what it keeps.
            try (HuggingFaceTokenizer asEncoder = HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(tokenizerJson), Map.of("padding", "false"))) {
                maxWordPieces = asEncoder.getMaxLength() - 2; // [CLS] and [SEP]
            }
            if (maxWordPieces < 1) {
                throw new IllegalStateException("Tokenizer of " + model.id + " keeps "
                        + maxWordPieces + " word pieces");
            }
            for (int i = 0; i < threads; i++) {
                workers.add(new Worker(env, onnx, tokenizerJson, model.pooling));
            }
            Worker first = workers.get(0);
            float[] noTokens = embedSpecialTokensOnly(env, first.session, first.splitter,
                    model.pooling);
            return new OnnxSentenceEmbedder(model, threads, workers, noTokens, maxWordPieces);
        } catch (OrtException | IOException | RuntimeException e) {
            workers.forEach(Worker::close);
            throw new IllegalStateException("Cannot load embedding model " + model.id, e);
        }
    }

    @Override
    public String id() {
        return model.id;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    /** The loaded model. */
    public Model model() {
        return model;
    }

    /** The number of workers (ONNX sessions). */
    public int threads() {
        return threads;
    }

    /**
     * The most word pieces (without {@code [CLS]}/{@code [SEP]}) embedded in one pass: 126 for
     * the MiniLM models, 510 for bge. Longer texts are split; see the class comment.
     */
    public int maxWordPieces() {
        return maxWordPieces;
    }

    @Override
    public float[][] embed(List<String> texts, Progress progress) {
        Objects.requireNonNull(progress, "progress");
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed");
        }
        String[] input = texts.toArray(new String[0]);
        for (int i = 0; i < input.length; i++) {
            if (input[i] == null) {
                throw new NullPointerException("texts[" + i + "] is null");
            }
        }
        int n = input.length;
        float[][] out = new float[n][];
        if (n == 0) {
            return out;
        }
        progress.update(TASK, 0, n);
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        long[] reported = {0};
        Runnable task = () -> {
            Worker worker = take();
            try {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    out[i] = embedOne(worker, input[i]);
                    long d = done.incrementAndGet();
                    if (d % PROGRESS_EVERY == 0 && d < n) {
                        report(progress, reported, d, n);
                    }
                }
            } catch (RuntimeException | Error e) {
                next.set(n); // the other workers stop at their next text
                throw e;
            } finally {
                idle.add(worker);
            }
        };
        int parallelism = Math.min(threads, n);
        if (parallelism == 1) {
            task.run();
        } else {
            runInParallel(task, parallelism);
        }
        report(progress, reported, n, n);
        return out;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            workers.forEach(Worker::close);
        }
    }

    @Override
    public String toString() {
        return "OnnxSentenceEmbedder[" + model.id + ", threads=" + threads + "]";
    }

    private float[] embedOne(Worker worker, String text) {
        String[] pieces = worker.splitter.encode(text, false, false).getTokens();
        int n = pieces.length;
        // TextSegment rejects texts that trim() to nothing; they have no word piece either.
        if (n == 0 || text.trim().isEmpty()) {
            return noTokenVector.clone();
        }
        if (n <= maxWordPieces) {
            return normalize(worker.embedText(text));
        }
        double[] sum = new double[DIMENSION];
        List<String> all = Arrays.asList(pieces);
        int start = 0;
        while (start < n) {
            int end = Math.min(start + maxWordPieces, n);
            int cut = end;
            while (cut < n && cut > start && pieces[cut].startsWith("##")) {
                cut--; // do not cut inside a word
            }
            if (cut > start) {
                end = cut; // else one word is longer than the limit: cut inside it
            }
            // Word pieces back to text, as OnnxBertBiEncoder does for its own chunks. Both
            // models are uncased, so the text re-tokenizes to the same pieces.
            String chunk = worker.splitter.buildSentence(all.subList(start, end));
            float[] v = normalize(worker.embedText(chunk));
            for (int j = 0; j < DIMENSION; j++) {
                sum[j] += (double) (end - start) * v[j];
            }
            start = end;
        }
        float[] mean = new float[DIMENSION];
        for (int j = 0; j < DIMENSION; j++) {
            mean[j] = (float) sum[j];
        }
        return normalize(mean);
    }

    /**
     * Sets {@code OPT_OUT_TRACKING=true} unless the user chose: DJL's
     * {@code Ec2Utils.callHome}, run by every {@code HuggingFaceTokenizer.newInstance}, probes
     * the EC2 metadata service and may send telemetry.
     */
    private static void optOutOfDjlTracking() {
        if (System.getProperty("OPT_OUT_TRACKING") == null
                && System.getenv("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private Worker take() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(e);
        }
    }

    private void report(Progress progress, long[] reported, long done, long total) {
        // Serialised and monotone, whichever worker thread gets here first.
        synchronized (progressLock) {
            if (done > reported[0]) {
                reported[0] = done;
                progress.update(TASK, done, total);
            }
        }
    }

    private void runInParallel(Runnable task, int parallelism) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "evalgap-embed-" + model.id + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(parallelism);
            for (int i = 0; i < parallelism; i++) {
                futures.add(pool.submit(task));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("Embedding failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static CancellationException cancelled(InterruptedException e) {
        CancellationException c = new CancellationException("Embedding interrupted");
        c.initCause(e);
        return c;
    }

    /** L2 normalisation with the norm accumulated in double; a zero vector stays zero. */
    static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum == 0) {
            return v;
        }
        double inv = 1.0 / Math.sqrt(sum);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * inv);
        }
        return out;
    }

    /**
     * The vector of the model input {@code [CLS] [SEP]}, pooled as {@link OnnxBertBiEncoder} pools
     * (mean over all tokens, or the first token) and normalised.
     */
    private static float[] embedSpecialTokensOnly(OrtEnvironment env, OrtSession session,
            HuggingFaceTokenizer tokenizer, PoolingMode pooling) throws OrtException {
        Encoding encoding = tokenizer.encode("", true, false);
        long[] shape = {1, encoding.getIds().length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids",
                    OnnxTensor.createTensor(env, LongBuffer.wrap(encoding.getIds()), shape));
            inputs.put("attention_mask",
                    OnnxTensor.createTensor(env, LongBuffer.wrap(encoding.getAttentionMask()), shape));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids",
                        OnnxTensor.createTensor(env, LongBuffer.wrap(encoding.getTypeIds()), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
                float[] pooled;
                if (pooling == PoolingMode.CLS) {
                    pooled = tokens[0].clone();
                } else {
                    pooled = new float[tokens[0].length];
                    for (float[] t : tokens) {
                        for (int j = 0; j < pooled.length; j++) {
                            pooled[j] += t[j];
                        }
                    }
                    for (int j = 0; j < pooled.length; j++) {
                        pooled[j] /= tokens.length;
                    }
                }
                return normalize(pooled);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /**
     * One ONNX session, its encoder, and a non-truncating tokenizer to count and split. A worker
     * is used by one thread at a time. langchain4j's only public route to
     * {@link OnnxBertBiEncoder}'s per-text embedding is an {@link AbstractInProcessEmbeddingModel};
     * a one-text {@code embedAll} runs in the calling thread, so the executor is never used.
     */
    private static final class Worker extends AbstractInProcessEmbeddingModel {

        private final OrtSession session;
        private final OnnxBertBiEncoder encoder;
        private final HuggingFaceTokenizer splitter;

        Worker(OrtEnvironment env, byte[] onnx, byte[] tokenizerJson, PoolingMode pooling)
                throws OrtException, IOException {
            super(Runnable::run);
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                this.session = env.createSession(onnx, options);
            }
            try {
                this.encoder = new OnnxBertBiEncoder(env, session,
                        new ByteArrayInputStream(tokenizerJson), pooling);
                this.splitter = HuggingFaceTokenizer.newInstance(
                        new ByteArrayInputStream(tokenizerJson),
                        Map.of("padding", "false", "truncation", "false"));
            } catch (IOException | RuntimeException e) {
                session.close();
                throw e;
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }

        /** The encoder's normalised vector of a text with at least one word piece. */
        float[] embedText(String text) {
            return embedAll(List.of(TextSegment.from(text))).content().get(0).vector();
        }

        void close() {
            // The encoder's own tokenizer has no public close; DJL frees it on finalisation.
            splitter.close();
            try {
                session.close();
            } catch (OrtException e) {
                // Closing a session only fails if it is already closed.
            }
        }
    }
}
