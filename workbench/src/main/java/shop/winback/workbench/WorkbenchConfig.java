package shop.winback.workbench;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.ZoneId;
import java.util.Optional;

/** Where the four services answer, and how the pages show times. */
@ConfigMapping(prefix = "workbench")
public interface WorkbenchConfig {

    Services services();

    /** The shop's time zone: every time on the pages is shown in it (the services speak UTC). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * A file of demo tokens (NAME=token lines, as deploy/run writes .local/run/tokens.env), listed on the
     * sign-in page. Only set on the dev profile and by deploy/run: the tokens are the demo users' own.
     */
    Optional<String> demoTokensFile();

    interface Services {
        @WithDefault("http://localhost:8081")
        URI review();

        @WithDefault("http://localhost:8082")
        URI ticket();

        @WithDefault("http://localhost:8083")
        URI compensation();

        @WithDefault("http://localhost:8084")
        URI logistics();
    }
}
