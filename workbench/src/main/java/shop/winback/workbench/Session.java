package shop.winback.workbench;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The browser's side of a sign-in: the user's token in an HttpOnly, SameSite=Strict cookie (scripts cannot
 * read it, other sites cannot send it), and the chosen language in another.
 */
@RequestScoped
public class Session {

    static final String TOKEN_COOKIE = "wb_token";
    static final String LANG_COOKIE = "wb_lang";

    private final HttpHeaders headers;

    public Session(HttpHeaders headers) {
        this.headers = headers;
    }

    /** The signed-in user, or empty: no cookie, or a token that is no longer good. */
    public Optional<User> user() {
        var cookie = headers.getCookies().get(TOKEN_COOKIE);
        return cookie == null ? Optional.empty() : User.of(cookie.getValue(), Instant.now());
    }

    /** A page needs a user: without one the resource sends the browser to sign in. */
    public User requireUser() {
        return user().orElseThrow(SignInRequired::new);
    }

    /** zh-CN unless English was chosen. */
    public Locale locale() {
        return "en".equals(lang()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** The html lang attribute. */
    public String lang() {
        var cookie = headers.getCookies().get(LANG_COOKIE);
        return cookie != null && "en".equals(cookie.getValue()) ? "en" : "zh-CN";
    }

    static NewCookie tokenCookie(String token, Instant expiresAt) {
        long maxAge = Math.max(0, expiresAt.getEpochSecond() - Instant.now().getEpochSecond());
        return new NewCookie.Builder(TOKEN_COOKIE)
                .value(token)
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) Math.min(Integer.MAX_VALUE, maxAge))
                .build();
    }

    static NewCookie clearedToken() {
        return new NewCookie.Builder(TOKEN_COOKIE)
                .value("")
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(0)
                .build();
    }

    static NewCookie langCookie(String lang) {
        return new NewCookie.Builder(LANG_COOKIE)
                .value(lang)
                .path("/")
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(365 * 24 * 3600)
                .build();
    }

    /** Thrown where a page needs a signed-in user and there is none. */
    public static class SignInRequired extends RuntimeException {
        public SignInRequired() {
            super(null, null, false, false);
        }
    }
}
