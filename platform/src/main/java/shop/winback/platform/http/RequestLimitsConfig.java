package shop.winback.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The sizes of a request the API takes; a larger one is refused with problem+json (413, 414, 431). The HTTP
 * server's own hard limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) sit far
 * above these, so that a client meets these first; the body's limit is {@code quarkus.http.limits.max-body-size}.
 */
@ConfigMapping(prefix = "winback.http")
public interface RequestLimitsConfig {

    /** Longest request target (path and query) in characters. */
    @WithDefault("4096")
    int maxUriLength();

    /** Most bytes of all request headers together (names, values and separators). */
    @WithDefault("20K")
    MemorySize maxHeaderSize();
}
