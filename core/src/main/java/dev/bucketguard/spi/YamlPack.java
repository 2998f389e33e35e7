package dev.bucketguard.spi;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.stream.Stream;

/**
 * The YAML files of one class-path directory (the rules' prose, the compliance mappings), parsed at build time and
 * kept in one file beside them, {@value #FILE}, which a scan or {@code rules list} reads without a YAML parser.
 * Parsing the YAML of every rule was about a fifth of {@code rules list}'s start; reading the packs takes a few
 * milliseconds.
 *
 * <p>The YAML stays the source: the rules modules' build writes the packs (this class's {@link #main}, in the
 * {@code process-classes} phase), a file missing from a pack (or a directory without one, such as an embedder's rule
 * module) is read as YAML, and a pack that cannot be read is ignored. The metadata lint of the test kit reports a
 * pack that no longer matches its YAML ({@link #stale}).
 *
 * <p>Format: a magic number and version, then the files sorted by name, each a name and the tree that
 * {@link YamlTree#read(InputStream)} gives (maps, lists, strings, nulls), written with {@link DataOutputStream}. The
 * same YAML gives the same bytes.
 */
public final class YamlPack {
    /** The pack's file name, in the directory of the YAML files it holds. */
    public static final String FILE = "yaml.pack";

    private static final int MAGIC = 0x42475950;
    private static final int VERSION = 1;
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LIST = 2;
    private static final byte MAP = 3;
    /** Per class loader, per pack URL: the pack's files, or empty when there is none there. */
    private static final Map<ClassLoader, Map<String, Optional<Map<String, Map<String, Object>>>>> LOADED =
            new WeakHashMap<>();

    private YamlPack() {
    }

    /**
     * Writes a pack in every directory under {@code args[0]} (a build's classes directory) that holds YAML files.
     *
     * @throws IllegalStateException naming the file when one is not valid YAML; the build stops there
     */
    public static void main(String... args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: YamlPack CLASSES_DIRECTORY");
        }
        packAll(Path.of(args[0]));
    }

    /** Packs the YAML files of every directory under {@code root}; returns the packs written, sorted. */
    static List<Path> packAll(Path root) throws IOException {
        Map<Path, List<Path>> byDirectory = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f))
                    .forEach(f -> byDirectory.computeIfAbsent(f.getParent(), d -> new ArrayList<>()).add(f));
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, List<Path>> e : byDirectory.entrySet()) {
            Map<String, Map<String, Object>> trees = new TreeMap<>();
            for (Path f : e.getValue()) {
                try (InputStream in = Files.newInputStream(f)) {
                    trees.put(f.getFileName().toString(), YamlTree.read(in));
                } catch (IOException ex) {
                    throw new IllegalStateException(root.relativize(f) + " is not valid YAML: " + ex.getMessage(), ex);
                }
            }
            Path pack = e.getKey().resolve(FILE);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pack))) {
                write(trees, out);
            }
            written.add(pack);
        }
        return written;
    }

    /**
     * The tree of the YAML file at {@code yaml} as the pack beside it (same class-path root, same directory) holds
     * it, or empty when there is no readable pack there or it does not hold the file: a YAML file placed earlier on
     * the class path than the pack's own is read as YAML, as it was before packs.
     */
    static Optional<Map<String, Object>> find(ClassLoader loader, URL yaml) {
        if (loader == null) {
            return Optional.empty();
        }
        String path = yaml.getPath();
        String file = path.substring(path.lastIndexOf('/') + 1);
        URL pack;
        try {
            pack = new URL(yaml, FILE);
        } catch (MalformedURLException e) {
            return Optional.empty();
        }
        Optional<Map<String, Map<String, Object>>> trees;
        synchronized (LOADED) {
            trees = LOADED.computeIfAbsent(loader, l -> new HashMap<>())
                    .computeIfAbsent(pack.toExternalForm(), u -> load(pack));
        }
        return trees.map(t -> t.get(file));
    }

    /**
     * For every pack of {@code directory} ("dev/bucketguard/rules/aws/", with the slash) on the class path, the files
     * it holds whose YAML beside it is gone or now reads differently, each as "{@code <directory><file>}: why";
     * empty when there is no pack or every pack matches.
     */
    public static List<String> stale(ClassLoader loader, String directory) {
        Objects.requireNonNull(loader, "loader");
        List<String> out = new ArrayList<>();
        Enumeration<URL> packs;
        try {
            packs = loader.getResources(directory + FILE);
        } catch (IOException e) {
            return out;
        }
        while (packs.hasMoreElements()) {
            URL pack = packs.nextElement();
            Optional<Map<String, Map<String, Object>>> trees = load(pack);
            trees.ifPresent(t -> new TreeMap<>(t).forEach((file, packed) -> {
                String path = directory + file;
                try (InputStream in = new URL(pack, file).openStream()) {
                    if (!YamlTree.read(in).equals(packed)) {
                        out.add(path + ": differs from its copy in " + FILE + "; rebuild (./mvnw process-classes)");
                    }
                } catch (FileNotFoundException e) {
                    out.add(path + ": in " + FILE + " but no longer beside it; rebuild (./mvnw process-classes)");
                } catch (IOException e) {
                    out.add(path + ": is not valid YAML: " + e.getMessage());
                }
            }));
        }
        return out;
    }

    private static Optional<Map<String, Map<String, Object>>> load(URL pack) {
        try (InputStream in = pack.openStream()) {
            return Optional.of(read(in));
        } catch (IOException | RuntimeException e) {
            // No pack here (FileNotFoundException), or a damaged one: that costs start time, not correctness, since
            // the YAML beside it is read instead.
            return Optional.empty();
        }
    }

    static void write(Map<String, Map<String, Object>> trees, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(trees.size());
        for (Map.Entry<String, Map<String, Object>> e : new TreeMap<>(trees).entrySet()) {
            string(data, e.getKey());
            value(data, e.getValue());
        }
        data.flush();
    }

    static Map<String, Map<String, Object>> read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a " + FILE + " of this version");
        }
        int n = in.readInt();
        Map<String, Map<String, Object>> trees = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String name = string(in);
            if (!(value(in) instanceof Map<?, ?> tree)) {
                throw new IOException(name + " is not a mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) tree;
            trees.put(name, t);
        }
        if (in.read() != -1) {
            throw new IOException("trailing bytes");
        }
        return trees;
    }

    private static void value(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            string(out, s);
        } else if (v instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object x : list) {
                value(out, x);
            }
        } else if (v instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                string(out, (String) e.getKey());
                value(out, e.getValue());
            }
        } else {
            throw new IllegalArgumentException("a YAML tree holds no " + v.getClass().getName());
        }
    }

    private static Object value(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL -> {
                return null;
            }
            case STRING -> {
                return string(in);
            }
            case LIST -> {
                int n = count(in);
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(value(in));
                }
                return Collections.unmodifiableList(list);
            }
            case MAP -> {
                int n = count(in);
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(string(in), value(in));
                }
                return Collections.unmodifiableMap(map);
            }
            default -> throw new IOException("unknown tag " + tag);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 16 << 20) {
            throw new IOException("bad length " + n);
        }
        return n;
    }
}
