package dev.evalgap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFileTest {

    @TempDir
    Path dir;

    /** A version-1 .npy file as numpy.save writes it: magic, header padded to 64 bytes, row-major data. */
    private Path npy(String descr, String shape, double[] values, int width) throws Exception {
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = 64 - (10 + header.length() + 1) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).array());
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer data = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (width == 4) {
                data.putFloat((float) v);
            } else {
                data.putDouble(v);
            }
        }
        out.write(data.array());
        return Files.write(dir.resolve("m" + width + ".npy"), out.toByteArray());
    }

    @Test
    void readsFloat32AndFloat64Npy() throws Exception {
        double[] values = {0.5, -1.25, 3, 4, 5, 6.75};
        assertThat(VectorFile.read(npy("<f4", "(3, 2)", values, 4)))
                .isDeepEqualTo(new float[][] {{0.5f, -1.25f}, {3, 4}, {5, 6.75f}});
        assertThat(VectorFile.read(npy("<f8", "(2, 3)", values, 8)))
                .isDeepEqualTo(new float[][] {{0.5f, -1.25f, 3}, {4, 5, 6.75f}});
    }

    @Test
    void refusesWhatItCannotReadWithTheFileName() throws Exception {
        Path oneD = npy("<f4", "(6,)", new double[6], 4);
        assertThatThrownBy(() -> VectorFile.read(oneD)).hasMessage(oneD + ": expected a 2-D matrix, got shape (6,)");
        Path ints = npy("<i8", "(1, 1)", new double[1], 8);
        assertThatThrownBy(() -> VectorFile.read(ints)).hasMessageContaining("expected little-endian float32 or float64");
    }

    @Test
    void namesTheRowOfATruncatedOrNonFiniteNpy() throws Exception {
        Path full = npy("<f4", "(3, 2)", new double[] {1, 2, 3, 4, 5, 6}, 4);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(dir.resolve("cut.npy"), java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> VectorFile.read(cut))
                .hasMessage(cut + ": truncated: the header announces 3 rows of 2, the data ends in row 3");
        Path nan = npy("<f8", "(2, 2)", new double[] {1, 2, Double.NaN, 4}, 8);
        assertThatThrownBy(() -> VectorFile.read(nan)).hasMessage(nan + ":2: contains NaN or infinity");
    }

    @Test
    void readsTextOneVectorPerLine() throws Exception {
        Path text = Files.writeString(dir.resolve("v.txt"), "0.1, 0.2\n\n1e-3 4\n");
        assertThat(VectorFile.read(text)).isDeepEqualTo(new float[][] {{0.1f, 0.2f}, {0.001f, 4f}});
        Path ragged = Files.writeString(dir.resolve("r.txt"), "1 2\n3\n");
        assertThatThrownBy(() -> VectorFile.read(ragged)).hasMessage(ragged + ":2: has 1 values; the first vector has 2");
        Path nan = Files.writeString(dir.resolve("n.txt"), "1 NaN\n");
        assertThatThrownBy(() -> VectorFile.read(nan)).hasMessage(nan + ":1: contains NaN or infinity");
        Path word = Files.writeString(dir.resolve("w.txt"), "1 x\n");
        assertThatThrownBy(() -> VectorFile.read(word)).hasMessage(word + ":1: not a number (\"x\") in column 2");
    }
}
