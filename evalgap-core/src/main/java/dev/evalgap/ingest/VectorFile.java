package dev.evalgap.ingest;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a matrix of precomputed vectors, one row per item: NumPy {@code .npy} (version 1–3, 2-D,
 * C order, little-endian float32 or float64) or text with one vector per line (comma or whitespace
 * separated), as {@code drift_peer.py} accepts.
 */
public final class VectorFile {

    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=]?)([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Pattern SEPARATOR = Pattern.compile("[\\s,;]+");

    private VectorFile() {
    }

    public static float[][] read(Path file) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(NPY_MAGIC.length);
            if (java.util.Arrays.equals(head, NPY_MAGIC)) {
                return readNpy(new DataInputStream(in), name);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IngestException(IngestError.ofFile(name, "no such file"));
        } catch (IOException e) {
            throw new IngestException(IngestError.ofFile(name, "cannot read: " + e.getMessage()), e);
        }
        return readText(file, name);
    }

    private static float[][] readNpy(DataInputStream in, String name) throws IOException {
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        int headerLength = major == 1
                ? Short.toUnsignedInt(Short.reverseBytes(in.readShort()))
                : Integer.reverseBytes(in.readInt());
        String header = new String(in.readNBytes(headerLength), StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw npyError(name, "unreadable .npy header " + header.trim());
        }
        if (">".equals(descr.group(1)) || !"f".equals(descr.group(2))
                || !("4".equals(descr.group(3)) || "8".equals(descr.group(3)))) {
            throw npyError(name, "expected little-endian float32 or float64, got '" + descr.group(0) + "'");
        }
        if ("True".equals(fortran.group(1))) {
            throw npyError(name, "Fortran-order arrays are not supported; save with np.ascontiguousarray");
        }
        String[] dims = shape.group(1).replace(" ", "").split(",");
        if (dims.length != 2 || dims[1].isEmpty()) {
            throw npyError(name, "expected a 2-D matrix, got shape (" + shape.group(1) + ")");
        }
        int rows = Integer.parseInt(dims[0]);
        int cols = Integer.parseInt(dims[1]);
        int width = Integer.parseInt(descr.group(3));
        float[][] m = new float[rows][cols];
        int rowBytes = cols * width;
        // Blocks of whole rows (about 1 MB) in one read each: one system call and one buffer view per
        // block, not per row
        int perBlock = Math.max(1, Math.min(rows, (1 << 20) / Math.max(1, rowBytes)));
        byte[] block = new byte[perBlock * rowBytes];
        double[] wide = width == 8 ? new double[cols] : null;
        for (int i0 = 0; i0 < rows; i0 += perBlock) {
            int count = Math.min(perBlock, rows - i0);
            int got = in.readNBytes(block, 0, count * rowBytes);
            if (got < count * rowBytes) {
                throw npyError(name, "truncated: the header announces " + rows + " rows of " + cols
                        + ", the data ends in row " + (i0 + got / rowBytes + 1));
            }
            ByteBuffer b = ByteBuffer.wrap(block, 0, count * rowBytes).order(ByteOrder.LITTLE_ENDIAN);
            FloatBuffer floats = wide == null ? b.asFloatBuffer() : null;
            DoubleBuffer doubles = wide == null ? null : b.asDoubleBuffer();
            for (int i = i0; i < i0 + count; i++) {
                if (floats != null) {
                    floats.get(m[i]);
                } else {
                    doubles.get(wide);
                    for (int j = 0; j < cols; j++) {
                        m[i][j] = (float) wide[j];
                    }
                }
                checkFinite(m[i], name, i + 1);
            }
        }
        return m;
    }

    private static float[][] readText(Path file, String name) {
        List<float[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty()) {
                    continue;
                }
                String[] parts = SEPARATOR.split(t);
                float[] v = new float[parts.length];
                for (int j = 0; j < parts.length; j++) {
                    try {
                        v[j] = Float.parseFloat(parts[j]);
                    } catch (NumberFormatException e) {
                        throw new IngestException(IngestError.ofLine(name, lineNo,
                                "not a number (\"" + parts[j] + "\") in column " + (j + 1)));
                    }
                }
                if (!rows.isEmpty() && v.length != rows.get(0).length) {
                    throw new IngestException(IngestError.ofLine(name, lineNo, "has " + v.length
                            + " values; the first vector has " + rows.get(0).length));
                }
                checkFinite(v, name, lineNo);
                rows.add(v);
            }
        } catch (IOException e) {
            throw new IngestException(IngestError.ofFile(name, "cannot read: " + e.getMessage()), e);
        }
        if (rows.isEmpty()) {
            throw new IngestException(IngestError.ofFile(name, "empty file: no vectors"));
        }
        return rows.toArray(float[][]::new);
    }

    private static void checkFinite(float[] v, String name, long line) {
        for (float x : v) {
            if (!Float.isFinite(x)) {
                throw new IngestException(IngestError.ofLine(name, line, "contains NaN or infinity"));
            }
        }
    }

    private static IngestException npyError(String name, String reason) {
        return new IngestException(IngestError.ofFile(name, reason));
    }
}
