package io.crossbill.delivery.tests;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The class path for a child JVM, assembled from where the given classes were loaded: a jar, or a
 * bundle folder. Under tycho-surefire a reactor bundle is a project folder whose classes are in
 * {@code target/classes} and whose resources (e.g. {@code db/}) are at its root, so both go on the path.
 */
final class ChildClasspath {

    private ChildClasspath() {
    }

    static String of(Class<?>... classes) {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            entries.addAll(locate(c));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Set<String> locate(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where " + c.getName() + " was loaded from");
        }
        Path p;
        try {
            p = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot use the location " + source.getLocation() + " of " + c.getName(), e);
        }
        Set<String> out = new LinkedHashSet<>();
        if (Files.isDirectory(p)) {
            String classFile = c.getName().replace('.', '/') + ".class";
            for (Path candidate : new Path[] {p, p.resolve("target/classes"), p.resolve("bin")}) {
                if (Files.isRegularFile(candidate.resolve(classFile))) {
                    out.add(candidate.toString());
                }
            }
            out.add(p.toString()); // resources at the bundle's root
            if (out.size() == 1 && !Files.isRegularFile(p.resolve(classFile))) {
                throw new IllegalStateException(c.getName() + " is not under " + p);
            }
        } else {
            out.add(p.toString());
        }
        return out;
    }
}
