package shop.winback.platform.migration;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/** Flyway's resources from a fixed list of scripts in one class path folder: no scan (see PlatformMigrations). */
final class ListedScripts implements ResourceProvider {

    private final List<LoadableResource> scripts;

    ListedScripts(String folder, List<String> names, ClassLoader loader) {
        this.scripts = names.stream()
                .<LoadableResource>map(name -> new Script(folder + "/" + name, name, loader))
                .toList();
    }

    @Override
    public LoadableResource getResource(String name) {
        return scripts.stream()
                .filter(s ->
                        s.getRelativePath().equals(name) || s.getAbsolutePath().equals(name))
                .findFirst()
                .orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return scripts.stream()
                .filter(s -> s.getFilename().startsWith(prefix)
                        && Arrays.stream(suffixes).anyMatch(s.getFilename()::endsWith))
                .toList();
    }

    private static final class Script extends LoadableResource {
        private final String path;
        private final String name;
        private final ClassLoader loader;

        Script(String path, String name, ClassLoader loader) {
            this.path = path;
            this.name = name;
            this.loader = loader;
        }

        @Override
        public Reader read() {
            InputStream in = loader.getResourceAsStream(path);
            if (in == null) {
                throw new FlywayException("Platform migration " + path + " is listed but not on the class path");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return path;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
